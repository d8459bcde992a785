import { AppError } from "../../errors";
import type { Kpi } from "../enums";
import type { Period } from "../period";

export type TargetStatus = "met" | "onTrack" | "behind";

/** Which way is good for each KPI: lower churn and less revenue at risk are better. */
export const HIGHER_IS_BETTER: Readonly<Record<Kpi, boolean>> = {
  nps: true,
  csat: true,
  ces: true,
  revenue: true,
  churn: false,
  revenue_at_risk: false,
};

export interface TargetStatusInput {
  value: number | null;
  target: number;
  higherIsBetter: boolean;
  /** The KPI at the start of the target period and the share of the period elapsed (0–1). */
  glidePath?: { baseline: number | null; elapsedShare: number } | null;
}

/**
 * Status of a KPI against its target:
 * - "met" when the value is at or beyond the target (value ≥ target when higher is better,
 *   value ≤ target otherwise);
 * - "onTrack" when not met but ahead of the straight line from the baseline (at the period start) to
 *   the target (at the review date): (value − baseline) / (target − baseline) ≥ elapsedShare;
 * - "behind" otherwise, including when no glide path or baseline is given, or when the baseline
 *   already met the target (a relapse is behind).
 * value `null` → `null` (no data is not "behind"). Money KPIs pass moneyToNumber(amount): numeric(14, 2)
 * has 14 significant digits, which a double keeps, so the comparison stays exact.
 */
export function computeTargetStatus(input: TargetStatusInput): TargetStatus | null {
  const { value, target, higherIsBetter, glidePath } = input;
  if (value === null) return null;
  const better = (a: number, b: number) => (higherIsBetter ? a >= b : a <= b);
  if (better(value, target)) return "met";
  const baseline = glidePath?.baseline;
  if (glidePath === null || glidePath === undefined || baseline === null || baseline === undefined) return "behind";
  if (better(baseline, target)) return "behind";
  const progress = (value - baseline) / (target - baseline);
  return progress >= glidePath.elapsedShare ? "onTrack" : "behind";
}

/**
 * Share of `period` elapsed at `now`, clamped to 0–1: 0 before the start, 1 from the end on.
 * For a target, the period runs from its start to its review date. Throws INVALID_INPUT for an
 * empty or reversed period.
 */
export function elapsedShare(period: Period, now: Date): number {
  const length = period.end.getTime() - period.start.getTime();
  if (!(length > 0)) {
    throw new AppError("INVALID_INPUT", "A target period must end after it starts.");
  }
  return Math.min(1, Math.max(0, (now.getTime() - period.start.getTime()) / length));
}
