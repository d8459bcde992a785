import type { MetricKind, OrderKind } from "./enums";
import { parseMoney } from "./kpi/money";

/** Inclusive score range per metric kind; `none` carries no score. Mirrors the feedback CHECK. */
export const SCORE_RANGES: Record<Exclude<MetricKind, "none">, { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
  rating: { min: 1, max: 5 },
};

/**
 * True when `score` is valid for `kind`: an integer inside the kind's range, or null for `none`.
 * The database enforces the same rule (feedback_score_range CHECK); this is the domain's copy for
 * validation before a write, so users get a field-level message instead of a constraint error.
 */
export function isScoreInRange(kind: MetricKind, score: number | null): boolean {
  if (kind === "none") return score === null;
  if (score === null || !Number.isInteger(score)) return false;
  const range = SCORE_RANGES[kind];
  return score >= range.min && score <= range.max;
}

/**
 * Sign rule for order amounts (exact decimal strings, e.g. "-12.50"): purchases are ≥ 0 and
 * refunds/credits ≤ 0, so revenue is the plain net sum. Mirrors the orders_amount_sign CHECK.
 * A malformed amount (see parseMoney) is invalid too.
 */
export function isAmountSignValid(kind: OrderKind, amount: string): boolean {
  let cents: bigint;
  try {
    cents = parseMoney(amount);
  } catch {
    return false;
  }
  return cents === 0n || (kind === "purchase" ? cents > 0n : cents < 0n);
}
