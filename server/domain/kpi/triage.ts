import { AppError } from "../../errors";
import { assertCount, isLowSample, percentFigure, type Figure } from "./figure";

/** Median and mean of durations in hours; both `null` without durations. */
export interface DurationStats {
  medianHours: number | null;
  meanHours: number | null;
  sampleSize: number;
  lowSample: boolean;
}

const MS_PER_HOUR = 3_600_000;

/**
 * Hours from `start` to `end` (fractional), e.g. received → first triaged, received → resolved.
 * Throws INVALID_INPUT when `end` is before `start`.
 */
export function hoursBetween(start: Date, end: Date): number {
  const ms = end.getTime() - start.getTime();
  if (!(ms >= 0)) {
    throw new AppError("INVALID_INPUT", `${end.toISOString()} is before ${start.toISOString()}.`);
  }
  return ms / MS_PER_HOUR;
}

/**
 * Time to first triage or to resolution from each item's duration in hours (order irrelevant):
 * median = the middle value, or the mean of the two middle values for an even count; mean = sum / n.
 * Items not yet triaged/resolved are left out by the caller. No durations → both `null`.
 * Throws INVALID_INPUT for a negative or non-finite duration.
 */
export function computeDurationStats(durationsHours: readonly number[]): DurationStats {
  for (const hours of durationsHours) {
    if (!Number.isFinite(hours) || hours < 0) {
      throw new AppError("INVALID_INPUT", `A duration must be a finite number of hours ≥ 0, got ${hours}.`);
    }
  }
  const n = durationsHours.length;
  // summing in sorted order makes the mean independent of the input order, to the last bit
  const sorted = [...durationsHours].sort((a, b) => a - b);
  const mean = n === 0 ? null : sorted.reduce((total, hours) => total + hours, 0) / n;
  return { medianHours: medianOfSorted(sorted), meanHours: mean, sampleSize: n, lowSample: isLowSample(n) };
}

function medianOfSorted(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const upper = Math.floor(sorted.length / 2);
  const lower = sorted.length % 2 === 1 ? upper : upper - 1;
  // both indices are in range; `?? 0` only satisfies noUncheckedIndexedAccess
  return ((sorted[lower] ?? 0) + (sorted[upper] ?? 0)) / 2;
}

/**
 * The same from SQL aggregates: mean = totalHours / count; the median needs the durations, so it is
 * `null` (use percentile_cont(0.5) in SQL and pass it to the UI as is). count = 0 → mean `null`.
 * Throws INVALID_INPUT for a negative count or total.
 */
export function computeDurationStatsFromTotals(totals: { totalHours: number; count: number }): DurationStats {
  const { totalHours, count } = totals;
  assertCount("count", count);
  if (!Number.isFinite(totalHours) || totalHours < 0) {
    throw new AppError("INVALID_INPUT", `totalHours must be a finite number ≥ 0, got ${totalHours}.`);
  }
  return {
    medianHours: null,
    meanHours: count === 0 ? null : totalHours / count,
    sampleSize: count,
    lowSample: isLowSample(count),
  };
}

/**
 * Share past due = 100 × open items past their due date / open items, in 0…100; no open items →
 * `null`. Throws INVALID_INPUT when pastDue > open.
 */
export function computePastDueShare(counts: { pastDue: number; open: number }): Figure {
  return percentFigure(counts.pastDue, counts.open, { part: "pastDue", whole: "open" });
}
