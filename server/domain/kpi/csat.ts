import { type Figure, percentFigure } from "./figure";
import { countBetween, denseScoreCounts, type ScoreCounts } from "./score-counts";

/** CSAT answers: `satisfied` scored 4 or 5, out of `total` answers on the 1–5 scale. */
export interface CsatCounts {
  satisfied: number;
  total: number;
}

export interface CsatFigure extends Figure, CsatCounts {
  /** Half-width of the 95% confidence interval, in percentage points; `null` without answers. */
  marginOfError: number | null;
}

/** Reduces counts per score 1–5 (record keyed by score) to satisfied (4–5) and total. */
export function csatCountsFromScoreCounts(counts: ScoreCounts): CsatCounts {
  const dense = denseScoreCounts("csat", counts);
  return { satisfied: countBetween(dense, 1, 4, 5), total: countBetween(dense, 1, 1, 5) };
}

/**
 * Customer satisfaction: CSAT = 100 × satisfied / total, where satisfied answers scored 4 or 5 on
 * the 1–5 scale; in 0…100.
 *
 * 95% margin of error = 1.96 × 100 × √(s(1 − s) / n), s = satisfied / total (normal approximation
 * of a proportion, the same rule as NPS's), computed as 196 × √(S(n − S) / n³) for exactness.
 *
 * total = 0 → value and margin of error `null`. Throws INVALID_INPUT for counts that are not whole
 * numbers ≥ 0 or satisfied > total.
 */
export function computeCsat(counts: CsatCounts): CsatFigure {
  const { satisfied, total } = counts;
  const figure = percentFigure(satisfied, total, { part: "satisfied", whole: "total" });
  const variance = satisfied * (total - satisfied);
  return {
    ...figure,
    satisfied,
    total,
    marginOfError: total === 0 ? null : (196 * Math.sqrt(variance)) / (total * Math.sqrt(total)),
  };
}
