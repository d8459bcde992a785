import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeDurationStats, computeDurationStatsFromTotals, computePastDueShare, hoursBetween } from "./triage";

describe("hoursBetween", () => {
  it("measures fractional hours", () => {
    expect(hoursBetween(new Date("2024-06-01T08:00:00Z"), new Date("2024-06-01T09:30:00Z"))).toBe(1.5);
    expect(hoursBetween(new Date("2024-06-01T08:00:00Z"), new Date("2024-06-01T08:00:00Z"))).toBe(0);
  });

  it("rejects an end before the start", () => {
    expect(() => hoursBetween(new Date("2024-06-02T00:00:00Z"), new Date("2024-06-01T00:00:00Z"))).toThrow(
      "2024-06-01T00:00:00.000Z is before 2024-06-02T00:00:00.000Z.",
    );
  });
});

describe("computeDurationStats", () => {
  it.each([
    [[], null, null],
    [[5], 5, 5],
    [[4, 1], 2.5, 2.5],
    [[10, 1, 4, 2], 3, 4.25],
    [[3, 1, 100], 3, 104 / 3],
    [[0, 0, 0], 0, 0],
  ])("%j → median %s, mean %s", (durations, median, mean) => {
    expect(computeDurationStats(durations)).toEqual({
      medianHours: median,
      meanHours: mean,
      sampleSize: durations.length,
      lowSample: true,
    });
  });

  it("flags 29 durations as low-sample, 30 not", () => {
    expect(computeDurationStats(new Array<number>(29).fill(1)).lowSample).toBe(true);
    expect(computeDurationStats(new Array<number>(30).fill(1)).lowSample).toBe(false);
  });

  it.each([[[-1]], [[Number.NaN]], [[1, Number.POSITIVE_INFINITY]]])("rejects %j", (durations) => {
    expect(() => computeDurationStats(durations)).toThrow(/A duration must be a finite number of hours ≥ 0/);
  });

  it("does not depend on the order of the durations, and keeps the median within the range", () => {
    const durations = fc.array(fc.double({ min: 0, max: 10_000, noNaN: true }), { minLength: 1, maxLength: 100 });
    fc.assert(
      fc.property(durations, (list) => {
        const stats = computeDurationStats(list);
        expect(computeDurationStats([...list].reverse())).toEqual(stats);
        expect(stats.medianHours).toBeGreaterThanOrEqual(Math.min(...list));
        expect(stats.medianHours).toBeLessThanOrEqual(Math.max(...list));
      }),
    );
  });
});

describe("computeDurationStatsFromTotals", () => {
  it.each([
    [0, 0, null, true],
    [51, 12, 4.25, true],
    [90, 30, 3, false],
  ])("%s hours over %i → mean %s", (totalHours, count, mean, lowSample) => {
    expect(computeDurationStatsFromTotals({ totalHours, count })).toEqual({
      medianHours: null,
      meanHours: mean,
      sampleSize: count,
      lowSample,
    });
  });

  it("rejects negative totals and counts", () => {
    expect(() => computeDurationStatsFromTotals({ totalHours: -1, count: 1 })).toThrow(/totalHours must be/);
    expect(() => computeDurationStatsFromTotals({ totalHours: 1, count: -1 })).toThrow(/count must be/);
  });
});

describe("computePastDueShare", () => {
  it.each([
    [0, 0, null],
    [0, 8, 0],
    [2, 8, 25],
    [8, 8, 100],
  ])("%i past due of %i open → %s", (pastDue, open, share) => {
    expect(computePastDueShare({ pastDue, open }).value).toBe(share);
  });

  it("rejects more past-due items than open ones", () => {
    expect(() => computePastDueShare({ pastDue: 3, open: 2 })).toThrow("pastDue (3) cannot exceed open (2).");
  });
});
