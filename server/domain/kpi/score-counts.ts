import { AppError } from "../../errors";
import { SCORE_RANGES } from "../scores";
import { assertCount } from "./figure";

/**
 * Response counts keyed by score, e.g. `{ 9: 12, 10: 30, 3: 4 }`: what
 * `select score, count(*) … group by score` returns once keyed. An array works too, its index being
 * the score (natural for NPS: `[c0, c1, …, c10]`). Missing scores count 0.
 */
export type ScoreCounts = Readonly<Record<number, number>>;

type ScoredKind = keyof typeof SCORE_RANGES;

/**
 * The counts of `counts` as a dense array indexed by `score − min` over the kind's range.
 * Throws INVALID_INPUT for a score outside the range (a count for score 0 on CSAT is a bug upstream)
 * or a count that is not a whole number ≥ 0.
 */
export function denseScoreCounts(kind: ScoredKind, counts: ScoreCounts): number[] {
  const { min, max } = SCORE_RANGES[kind];
  const dense = new Array<number>(max - min + 1).fill(0);
  for (const [key, count] of Object.entries(counts)) {
    const score = Number(key);
    if (!Number.isInteger(score) || score < min || score > max) {
      throw new AppError("INVALID_INPUT", `Score ${key} is outside the ${kind.toUpperCase()} range ${min}–${max}.`);
    }
    assertCount(`The count of score ${score}`, count);
    dense[score - min] = count;
  }
  return dense;
}

/** Tallies raw scores into {@link ScoreCounts}; order does not matter. Validation happens on use. */
export function countScores(scores: Iterable<number>): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const score of scores) counts[score] = (counts[score] ?? 0) + 1;
  return counts;
}

/** Sum of `dense[i]` for scores `from`–`to` (inclusive) of a dense array starting at score `min`. */
export function countBetween(dense: readonly number[], min: number, from: number, to: number): number {
  let total = 0;
  for (let score = from; score <= to; score++) total += dense[score - min] ?? 0;
  return total;
}
