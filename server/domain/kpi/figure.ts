import { AppError } from "../../errors";

/**
 * Conventions shared by every KPI of this module:
 * - a figure carries its sample size (responses, customers, orders… whatever the denominator is);
 * - no sample means no figure: the value is `null`, never 0, so the UI shows "—" rather than a fake zero;
 * - proportions are in percent (0–100), the unit of KPI targets and tiles;
 * - values are not rounded; rounding is a display concern (money is the exception: exact cents).
 */
export const LOW_SAMPLE_THRESHOLD = 30;

/** A KPI value with the size of the sample it was computed from. */
export interface Figure<T = number> {
  value: T | null;
  sampleSize: number;
  /** True below {@link LOW_SAMPLE_THRESHOLD} (including 0): the UI marks the figure as low-sample. */
  lowSample: boolean;
}

/** True when `sampleSize` < 30; 29 is low-sample, 30 is not, and an empty sample is low-sample too. */
export function isLowSample(sampleSize: number): boolean {
  return sampleSize < LOW_SAMPLE_THRESHOLD;
}

/** A figure whose value is `null` whenever the sample is empty, whatever `value` says. */
export function makeFigure<T>(value: T | null, sampleSize: number): Figure<T> {
  return { value: sampleSize === 0 ? null : value, sampleSize, lowSample: isLowSample(sampleSize) };
}

/** 100 × part / whole, or `null` when `whole` is 0. */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : (100 * part) / whole;
}

/**
 * A percentage KPI (part / whole, in percent) as a figure sampled on `whole`.
 * Throws INVALID_INPUT unless both are whole numbers ≥ 0 with `part` ≤ `whole`.
 */
export function percentFigure(part: number, whole: number, names: { part: string; whole: string }): Figure {
  assertCount(names.part, part);
  assertCount(names.whole, whole);
  assertAtMost(names.part, part, names.whole, whole);
  return makeFigure(percentOf(part, whole), whole);
}

/** Throws INVALID_INPUT unless `value` is a whole number ≥ 0 (a count from SQL, not a string). */
export function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new AppError("INVALID_INPUT", `${name} must be a whole number ≥ 0, got ${String(value)}.`);
  }
}

/** Throws INVALID_INPUT when the count `name` exceeds the count `maxName` it is a part of. */
export function assertAtMost(name: string, value: number, maxName: string, max: number): void {
  if (value > max) {
    throw new AppError("INVALID_INPUT", `${name} (${value}) cannot exceed ${maxName} (${max}).`);
  }
}
