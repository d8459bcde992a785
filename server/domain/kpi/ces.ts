import { AppError } from "../../errors";
import { assertAtMost, assertCount, type Figure, makeFigure, percentOf } from "./figure";
import { countBetween, denseScoreCounts, type ScoreCounts } from "./score-counts";

/** CES aggregates on the 1–7 scale: sum of scores, number of answers, answers scored 5–7. */
export interface CesTotals {
  sum: number;
  count: number;
  easyCount: number;
}

/** `value` is the mean score (1–7); `easyPercent` the share of answers scored 5–7, in percent. */
export interface CesFigure extends Figure, CesTotals {
  easyPercent: number | null;
}

/** Reduces counts per score 1–7 (record keyed by score) to sum, count and easy count (5–7). */
export function cesTotalsFromScoreCounts(counts: ScoreCounts): CesTotals {
  const dense = denseScoreCounts("ces", counts);
  const sum = dense.reduce((total, n, index) => total + n * (index + 1), 0);
  return { sum, count: countBetween(dense, 1, 1, 7), easyCount: countBetween(dense, 1, 5, 7) };
}

/**
 * Customer effort (agreement that it was easy, 1–7): the mean = sum / count, in 1…7, and the
 * easy share = 100 × easyCount / count, where easy answers scored 5–7, in 0…100.
 *
 * count = 0 → both `null`. Throws INVALID_INPUT unless count and easyCount are whole numbers ≥ 0,
 * easyCount ≤ count, and count ≤ sum ≤ 7 × count (a sum outside it cannot come from 1–7 scores).
 */
export function computeCes(totals: CesTotals): CesFigure {
  const { sum, count, easyCount } = totals;
  assertCount("count", count);
  assertCount("easyCount", easyCount);
  assertAtMost("easyCount", easyCount, "count", count);
  if (!Number.isFinite(sum) || sum < count || sum > 7 * count) {
    throw new AppError("INVALID_INPUT", `A CES sum of ${sum} is impossible for ${count} answers scored 1–7.`);
  }
  return {
    ...makeFigure(count === 0 ? null : sum / count, count),
    sum,
    count,
    easyCount,
    easyPercent: percentOf(easyCount, count),
  };
}
