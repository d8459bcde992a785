import { AppError } from "../../errors";
import { isScoreInRange } from "../scores";
import { assertCount, type Figure, makeFigure, percentOf } from "./figure";
import { countBetween, denseScoreCounts, type ScoreCounts } from "./score-counts";

export const NPS_CATEGORIES = ["promoter", "passive", "detractor"] as const;
export type NpsCategory = (typeof NPS_CATEGORIES)[number];

/** Responses per NPS category: promoters scored 9–10, passives 7–8, detractors 0–6. */
export interface NpsBuckets {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface NpsFigure extends Figure, NpsBuckets {
  /** Half-width of the 95% confidence interval, in NPS points; `null` without responses. */
  marginOfError: number | null;
  /** Category shares in percent (they sum to 100); `null` without responses. */
  promoterPercent: number | null;
  passivePercent: number | null;
  detractorPercent: number | null;
}

/**
 * The NPS category of a 0–10 score: 9–10 promoter, 7–8 passive, 0–6 detractor.
 * Throws INVALID_INPUT for anything else (11, −1, 7.5, NaN).
 */
export function npsCategory(score: number): NpsCategory {
  if (!isScoreInRange("nps", score)) {
    throw new AppError("INVALID_INPUT", `NPS scores are whole numbers 0–10, got ${score}.`);
  }
  return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
}

/** Buckets counts per score 0–10 (record keyed by score, or an 11-element array). */
export function npsBucketsFromScoreCounts(counts: ScoreCounts): NpsBuckets {
  const dense = denseScoreCounts("nps", counts);
  return {
    promoters: countBetween(dense, 0, 9, 10),
    passives: countBetween(dense, 0, 7, 8),
    detractors: countBetween(dense, 0, 0, 6),
  };
}

/** The responses of `buckets`: promoters + passives + detractors. */
export function npsResponses(buckets: NpsBuckets): number {
  return buckets.promoters + buckets.passives + buckets.detractors;
}

/**
 * Net Promoter Score: NPS = 100 × (P − D) / n, with P promoters, D detractors and n responses;
 * always in −100…100 (all promoters → 100, all detractors → −100, passives only → 0).
 *
 * 95% margin of error = 1.96 × 100 × √((p + d − (p − d)²) / n), with p = P/n and d = D/n
 * (normal approximation; the term under the root is the variance of a response scored +1/0/−1).
 * Computed in the algebraically equal integer form 196 × √(((P + D)·n − (P − D)²) / n³), so the
 * variance is exact and never slightly negative; it is 0 when every response is in one category.
 *
 * n = 0 → value, margin of error and percentages are `null`. Throws INVALID_INPUT for counts that
 * are not whole numbers ≥ 0.
 */
export function computeNps(buckets: NpsBuckets): NpsFigure {
  const { promoters, passives, detractors } = buckets;
  assertCount("promoters", promoters);
  assertCount("passives", passives);
  assertCount("detractors", detractors);
  const n = promoters + passives + detractors;
  const net = promoters - detractors;
  const variance = (promoters + detractors) * n - net * net;
  return {
    ...makeFigure(percentOf(net, n), n),
    promoters,
    passives,
    detractors,
    marginOfError: n === 0 ? null : (196 * Math.sqrt(variance)) / (n * Math.sqrt(n)),
    promoterPercent: percentOf(promoters, n),
    passivePercent: percentOf(passives, n),
    detractorPercent: percentOf(detractors, n),
  };
}
