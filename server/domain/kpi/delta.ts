import { type Money, moneyFromCents, parseMoney } from "./money";

export type Direction = "up" | "down" | "flat";

/** One side of a comparison: any figure, optionally with its 95% margin of error (NPS, CSAT). */
export interface DeltaSide {
  value: number | null;
  marginOfError?: number | null;
}

export interface Delta {
  /** current − previous, in the KPI's unit (NPS points, percentage points…). */
  absolute: number | null;
  /** 100 × (current − previous) / |previous|; `null` when previous is 0. */
  relativePercent: number | null;
  direction: Direction | null;
  /** Whether |Δ| exceeds the combined margin of error; `null` when a margin is unknown. */
  significant: boolean | null;
}

/** Differences within this are float noise, not movement: the direction is "flat". */
export const FLAT_EPSILON = 1e-9;

/**
 * Change of a KPI against a comparison period: absolute = current − previous; direction "up" /
 * "down", or "flat" when |Δ| ≤ {@link FLAT_EPSILON}; significant when both sides carry a margin of
 * error and |Δ| > √(moe₁² + moe₂²) (strictly). Either value `null` → every field `null`.
 * Pass NPS or CSAT figures as they are: their `marginOfError` is picked up.
 */
export function computeDelta(current: DeltaSide, previous: DeltaSide): Delta {
  if (current.value === null || previous.value === null) {
    return { absolute: null, relativePercent: null, direction: null, significant: null };
  }
  const absolute = current.value - previous.value;
  const moeNow = current.marginOfError;
  const moeBefore = previous.marginOfError;
  const known = moeNow !== undefined && moeNow !== null && moeBefore !== undefined && moeBefore !== null;
  return {
    absolute,
    relativePercent: previous.value === 0 ? null : (100 * absolute) / Math.abs(previous.value),
    direction: Math.abs(absolute) <= FLAT_EPSILON ? "flat" : absolute > 0 ? "up" : "down",
    significant: known ? Math.abs(absolute) > Math.hypot(moeNow, moeBefore) : null,
  };
}

/**
 * Change of a money KPI (revenue, ARPC…): absolute = current − previous, exact; direction from its
 * sign (exact, so "flat" only when equal); relativePercent = 100 × Δ / |previous| (`null` when
 * previous is 0). Either side `null` → every field `null`.
 */
export function computeMoneyDelta(
  current: string | null,
  previous: string | null,
): { absolute: Money | null; relativePercent: number | null; direction: Direction | null } {
  if (current === null || previous === null) return { absolute: null, relativePercent: null, direction: null };
  const base = parseMoney(previous);
  const difference = parseMoney(current) - base;
  return {
    absolute: moneyFromCents(difference),
    relativePercent: base === 0n ? null : (100 * Number(difference)) / Math.abs(Number(base)),
    direction: difference === 0n ? "flat" : difference > 0n ? "up" : "down",
  };
}
