import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeNps, type NpsBuckets } from "./nps";
import { computeThemeImpact } from "./theme-impact";

const buckets = (promoters: number, passives: number, detractors: number): NpsBuckets => ({
  promoters,
  passives,
  detractors,
});

describe("computeThemeImpact", () => {
  it.each([
    ["no responses", buckets(0, 0, 0), buckets(0, 0, 0), null, null],
    ["theme absent: no sample", buckets(5, 3, 2), buckets(0, 0, 0), null, 0],
    ["theme on every response", buckets(5, 3, 2), buckets(5, 3, 2), null, 100],
    ["theme on the detractors", buckets(6, 2, 2), buckets(0, 0, 2), 40 - 75, 20],
    ["theme on the promoters", buckets(6, 2, 2), buckets(6, 0, 0), 40 - -50, 60],
  ])("%s", (_name, all, theme, impact, frequency) => {
    const result = computeThemeImpact({ all, theme });
    expect(result.value).toBe(impact);
    expect(result.frequencyPercent).toBe(frequency);
  });

  it("samples on the theme's responses", () => {
    expect(computeThemeImpact({ all: buckets(100, 0, 100), theme: buckets(0, 0, 29) })).toMatchObject({
      sampleSize: 29,
      lowSample: true,
      npsAll: 0,
    });
    expect(computeThemeImpact({ all: buckets(100, 0, 100), theme: buckets(0, 0, 30) }).lowSample).toBe(false);
  });

  it("rejects a theme bucket larger than the same bucket of all responses", () => {
    expect(() => computeThemeImpact({ all: buckets(1, 1, 1), theme: buckets(0, 2, 0) })).toThrow(
      "theme passives (2) cannot exceed all passives (1).",
    );
  });

  it("never raises NPS for a theme carried only by detractors", () => {
    const count = fc.nat({ max: 1_000 });
    fc.assert(
      fc.property(count, count, count, fc.integer({ min: 1, max: 1_000 }), (p, pa, d, themed) => {
        const all = buckets(p, pa, d + themed);
        const impact = computeThemeImpact({ all, theme: buckets(0, 0, themed) }).value;
        if (p + pa + d === 0) return impact === null;
        return (
          impact !== null &&
          impact <= 0 &&
          impact === (computeNps(all).value ?? 0) - (computeNps(buckets(p, pa, d)).value ?? 0)
        );
      }),
    );
  });
});
