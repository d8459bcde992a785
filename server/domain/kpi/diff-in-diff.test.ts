import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  estimateGroup,
  IMPACT_MEASURE_BY_KPI,
  impactWindows,
  meanSummaryFromScoreCounts,
  meanSummaryOf,
  measureImpact,
  type MeanSummary,
} from "./diff-in-diff";
import type { NpsBuckets } from "./nps";
import { Z_95 } from "./significance";

const nps = (promoters: number, passives: number, detractors: number): NpsBuckets => ({
  promoters,
  passives,
  detractors,
});
const repeat = (value: number, times: number) => Array<number>(times).fill(value);

describe("estimateGroup", () => {
  it.each([
    // NPS 10; v = 0.7 − 0.1² = 0.69; Var = 100² × 0.69 / 100
    ["nps 40/30/30", "nps", nps(40, 30, 30), 10, 69, 100],
    ["nps all promoters", "nps", nps(30, 0, 0), 100, 0, 30],
    // CSAT 60; Var = 100² × 0.6 × 0.4 / 1000
    ["csat 600/1000", "csat", { satisfied: 600, total: 1000 }, 60, 2.4, 1000],
    // CES: 15 × 3 and 15 × 5 → mean 4, s² = (510 − 480)/29, Var = s²/30 = 1/29
    ["ces 3s and 5s", "ces", meanSummaryOf([...repeat(3, 15), ...repeat(5, 15)]), 4, 1 / 29, 30],
    // churn 10 of 200: 5%, Var = 100² × 0.05 × 0.95 / 200
    ["share 10/200", "share", { part: 10, total: 200 }, 5, 2.375, 200],
    ["mean of one value has no variance", "mean", meanSummaryOf([12.5]), 12.5, null, 1],
  ] as const)("%s", (_name, kind, summary, value, variance, n) => {
    const estimate = estimateGroup(kind, summary);
    expect(estimate.value).toBeCloseTo(value, 12);
    if (variance === null) expect(estimate.variance).toBeNull();
    else expect(estimate.variance).toBeCloseTo(variance, 12);
    expect(estimate.sampleSize).toBe(n);
    expect(estimate.lowSample).toBe(n < 30);
  });

  it.each([
    ["nps", nps(0, 0, 0)],
    ["csat", { satisfied: 0, total: 0 }],
    ["share", { part: 0, total: 0 }],
    ["ces", { count: 0, sum: 0, sumOfSquares: 0 }],
    ["mean", { count: 0, sum: 0, sumOfSquares: 0 }],
  ] as const)("%s without responses → null value and variance", (kind, summary) => {
    expect(estimateGroup(kind, summary)).toEqual({ value: null, variance: null, sampleSize: 0, lowSample: true });
  });

  it.each([
    ["a CES sum above 7n", "ces", { count: 2, sum: 15, sumOfSquares: 100 }, /impossible/],
    ["a CES sum below n", "ces", { count: 2, sum: 1, sumOfSquares: 2 }, /impossible/],
    ["a sum of squares below (Σx)²/n", "mean", { count: 2, sum: 10, sumOfSquares: 10 }, /impossible/],
    ["a share part above its total", "share", { part: 3, total: 2 }, /cannot exceed/],
    ["a fractional count", "mean", { count: 1.5, sum: 1, sumOfSquares: 1 }, /whole number/],
    ["a NaN sum", "mean", { count: 1, sum: Number.NaN, sumOfSquares: 1 }, /finite/],
  ] as const)("rejects %s", (_name, kind, summary, message) => {
    expect(() => estimateGroup(kind, summary)).toThrow(message);
  });

  it("a mean's variance agrees with the textbook sample variance", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 200 }), (values) => {
        const n = values.length;
        const mean = values.reduce((s, x) => s + x, 0) / n;
        const s2 = values.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
        const estimate = estimateGroup("mean", meanSummaryOf(values));
        expect(estimate.value).toBeCloseTo(mean, 9);
        expect(estimate.variance).toBeCloseTo(s2 / n, 6);
      }),
    );
  });
});

describe("meanSummaryFromScoreCounts", () => {
  it("sums CES scores and their squares", () => {
    expect(meanSummaryFromScoreCounts("ces", { 1: 2, 7: 3 })).toEqual({ count: 5, sum: 23, sumOfSquares: 149 });
    expect(meanSummaryFromScoreCounts("ces", {})).toEqual({ count: 0, sum: 0, sumOfSquares: 0 });
  });

  it("rejects a score outside 1–7", () => {
    expect(() => meanSummaryFromScoreCounts("ces", { 8: 1 })).toThrow(/outside the CES range/);
  });
});

describe("measureImpact: hand-computed", () => {
  it("NPS with a comparison group: improved", () => {
    // scope 40/30/30 → 50/30/20 per 1000 (NPS 10 → 30); comparison 35/35/30 → 36/34/30 (NPS 5 → 6)
    // variances 6.9, 6.1, 6.475, 6.564; DiD = 20 − 1 = 19, SE = √26.039
    const result = measureImpact({
      kind: "nps",
      scope: { before: nps(400, 300, 300), after: nps(500, 300, 200) },
      comparison: { before: nps(350, 350, 300), after: nps(360, 340, 300) },
    });
    expect(result.method).toBe("difference-in-differences");
    expect(result.beforeAfter?.estimate).toBeCloseTo(20, 10);
    expect(result.beforeAfter?.standardError).toBeCloseTo(Math.sqrt(13), 10);
    expect(result.comparisonChange?.estimate).toBeCloseTo(1, 10);
    const did = result.differenceInDifferences;
    expect(did?.estimate).toBeCloseTo(19, 10);
    expect(did?.standardError).toBeCloseTo(5.1028423452033085, 10);
    expect(did?.ci95[0]).toBeCloseTo(8.99861278461561, 9);
    expect(did?.ci95[1]).toBeCloseTo(29.00138721538439, 9);
    expect(result.verdict).toBe("improved");
    expect(result.sampleSizes).toEqual({
      scopeBefore: 1000,
      scopeAfter: 1000,
      comparisonBefore: 1000,
      comparisonAfter: 1000,
    });
    expect(result.tooFewResponses).toEqual([]);
    expect(result.explanation).toBe(
      "Improved: NPS moved 19 points more than outside the scope (95% CI 9 to 29 points).",
    );
  });

  it("the same NPS data at a tenth of the size: no measurable change", () => {
    // SE = √260.39 = 16.14; 19 ± 31.6 includes 0
    const result = measureImpact({
      kind: "nps",
      scope: { before: nps(40, 30, 30), after: nps(50, 30, 20) },
      comparison: { before: nps(35, 35, 30), after: nps(36, 34, 30) },
    });
    expect(result.differenceInDifferences?.standardError).toBeCloseTo(Math.sqrt(260.39), 10);
    expect(result.verdict).toBe("no measurable change");
    expect(result.explanation).toMatch(/^No measurable change: NPS moved 19 points/);
  });

  it("CSAT with a comparison group", () => {
    // 60% → 70% against 50% → 52%: DiD = 8, SE = √(2.4 + 2.1 + 2.5 + 2.496)
    const result = measureImpact({
      kind: "csat",
      scope: { before: { satisfied: 600, total: 1000 }, after: { satisfied: 700, total: 1000 } },
      comparison: { before: { satisfied: 500, total: 1000 }, after: { satisfied: 520, total: 1000 } },
    });
    expect(result.differenceInDifferences?.estimate).toBeCloseTo(8, 10);
    expect(result.differenceInDifferences?.standardError).toBeCloseTo(3.0815580474818254, 10);
    expect(result.differenceInDifferences?.ci95[0]).toBeCloseTo(1.960257210666052, 9);
    expect(result.differenceInDifferences?.ci95[1]).toBeCloseTo(14.039742789333948, 9);
    expect(result.verdict).toBe("improved");
  });

  it("CES before/after without a comparison group", () => {
    // mean 4 → 6, each Var 1/29: change 2, SE √(2/29)
    const result = measureImpact({
      kind: "ces",
      scope: {
        before: meanSummaryOf([...repeat(3, 15), ...repeat(5, 15)]),
        after: meanSummaryOf([...repeat(5, 15), ...repeat(7, 15)]),
      },
    });
    expect(result.method).toBe("before/after");
    expect(result.comparisonChange).toBeNull();
    expect(result.differenceInDifferences).toBeNull();
    expect(result.beforeAfter?.estimate).toBeCloseTo(2, 12);
    expect(result.beforeAfter?.standardError).toBeCloseTo(0.2626128657194451, 12);
    expect(result.beforeAfter?.ci95[0]).toBeCloseTo(1.4852882413130342, 10);
    expect(result.beforeAfter?.ci95[1]).toBeCloseTo(2.514711758686966, 10);
    expect(result.verdict).toBe("improved");
    expect(result.sampleSizes).toEqual({ scopeBefore: 30, scopeAfter: 30 });
  });

  it.each([
    ["a rise where higher is worse", false, "worsened"],
    ["a rise where higher is better", true, "improved"],
  ] as const)("%s is %s", (_name, higherIsBetter, verdict) => {
    const result = measureImpact({
      kind: "mean",
      scope: { before: meanSummaryOf([...repeat(10, 20), ...repeat(12, 20)]), after: meanSummaryOf(repeat(20, 40)) },
      higherIsBetter,
    });
    expect(result.beforeAfter?.estimate).toBe(9);
    expect(result.verdict).toBe(verdict);
  });

  it("churn through IMPACT_MEASURE_BY_KPI: a fall is an improvement", () => {
    const measure = IMPACT_MEASURE_BY_KPI.churn;
    if (measure?.kind !== "share") throw new Error("churn is measured as a share");
    // 10% → 5% of 1000: change −5, SE = 100 √(0.09/1000 + 0.0475/1000)
    const result = measureImpact({
      kind: measure.kind,
      scope: { before: { part: 100, total: 1000 }, after: { part: 50, total: 1000 } },
      higherIsBetter: measure.higherIsBetter,
    });
    expect(result.beforeAfter?.estimate).toBeCloseTo(-5, 12);
    expect(result.beforeAfter?.standardError).toBeCloseTo(100 * Math.sqrt(0.1375 / 1000), 12);
    expect(result.verdict).toBe("improved");
    expect(result.explanation).toMatch(/^Improved: The share moved -5 percentage points \(95% CI/);
  });

  it("every KPI but revenue at risk has a measure", () => {
    expect(
      Object.entries(IMPACT_MEASURE_BY_KPI)
        .filter(([, m]) => m === null)
        .map(([kpi]) => kpi),
    ).toEqual(["revenue_at_risk"]);
  });

  it("a fall of NPS is worsened", () => {
    const result = measureImpact({ kind: "nps", scope: { before: nps(600, 200, 200), after: nps(400, 200, 400) } });
    expect(result.beforeAfter?.estimate).toBeCloseTo(-40, 10);
    expect(result.verdict).toBe("worsened");
  });

  it("too few responses: cannot tell, naming the groups and their counts", () => {
    const result = measureImpact({
      kind: "nps",
      scope: { before: nps(400, 300, 300), after: nps(10, 1, 1) },
      comparison: { before: nps(0, 1, 0), after: nps(350, 350, 300) },
    });
    expect(result.verdict).toBe("cannot tell");
    expect(result.tooFewResponses).toEqual([
      { group: "scopeAfter", sampleSize: 12 },
      { group: "comparisonBefore", sampleSize: 1 },
    ]);
    expect(result.explanation).toBe(
      "The data cannot tell yet: the scope after has 12 responses, the comparison group before has 1 response; each window needs at least 30.",
    );
    // the estimates are still there for those who want to look: scope 10 → 75 (9 net of 12), comparison 0 → 5
    expect(result.differenceInDifferences?.estimate).toBeCloseTo(75 - 10 - (5 - 0), 10);
  });

  it("an empty group: cannot tell, with no estimate", () => {
    const result = measureImpact({
      kind: "csat",
      scope: { before: { satisfied: 0, total: 0 }, after: { satisfied: 40, total: 50 } },
    });
    expect(result.verdict).toBe("cannot tell");
    expect(result.beforeAfter).toBeNull();
    expect(result.tooFewResponses).toEqual([{ group: "scopeBefore", sampleSize: 0 }]);
  });

  it("no spread on either side and no change: no measurable change", () => {
    const result = measureImpact({ kind: "nps", scope: { before: nps(40, 0, 0), after: nps(50, 0, 0) } });
    expect(result.beforeAfter).toEqual({ estimate: 0, standardError: 0, ci95: [0, 0] });
    expect(result.verdict).toBe("no measurable change");
  });
});

describe("measureImpact: properties", () => {
  const bucketsArb = fc.tuple(fc.nat(400), fc.nat(400), fc.nat(400)).map(([p, q, d]) => nps(p + 1, q, d + 1));

  it("SE² is the sum of the groups' variances; CI = estimate ± 1.96 SE; swapping windows negates", () => {
    fc.assert(
      fc.property(bucketsArb, bucketsArb, bucketsArb, bucketsArb, (sb, sa, cb, ca) => {
        const result = measureImpact({
          kind: "nps",
          scope: { before: sb, after: sa },
          comparison: { before: cb, after: ca },
        });
        const variances = [sb, sa, cb, ca].map((g) => estimateGroup("nps", g).variance ?? Number.NaN);
        const did = result.differenceInDifferences;
        if (!did) throw new Error("every group has responses, so there is an estimate");
        expect(did.standardError ** 2).toBeCloseTo(
          variances.reduce((s, v) => s + v, 0),
          6,
        );
        expect(did.ci95[0]).toBeCloseTo(did.estimate - Z_95 * did.standardError, 9);
        const swapped = measureImpact({
          kind: "nps",
          scope: { before: sa, after: sb },
          comparison: { before: ca, after: cb },
        });
        expect(swapped.differenceInDifferences?.estimate).toBeCloseTo(-did.estimate, 9);
        if (result.verdict === "improved") expect(swapped.verdict).toBe("worsened");
      }),
    );
  });

  it("an unchanged comparison group leaves the estimate of before/after and only widens its interval", () => {
    fc.assert(
      fc.property(bucketsArb, bucketsArb, bucketsArb, (sb, sa, c) => {
        const result = measureImpact({
          kind: "nps",
          scope: { before: sb, after: sa },
          comparison: { before: c, after: c },
        });
        expect(result.differenceInDifferences?.estimate).toBeCloseTo(result.beforeAfter?.estimate ?? Number.NaN, 9);
        expect(result.differenceInDifferences?.standardError).toBeGreaterThanOrEqual(
          result.beforeAfter?.standardError ?? 0,
        );
      }),
    );
  });

  it("the verdict follows the interval once every group has 30 responses", () => {
    const big = fc.tuple(fc.nat(200), fc.nat(200), fc.nat(200)).map(([p, q, d]) => nps(p + 10, q + 10, d + 10));
    fc.assert(
      fc.property(big, big, (before, after) => {
        const result = measureImpact({ kind: "nps", scope: { before, after } });
        const [lo, hi] = result.beforeAfter?.ci95 ?? [0, 0];
        const expected = lo > 0 ? "improved" : hi < 0 ? "worsened" : "no measurable change";
        expect(result.verdict).toBe(expected);
      }),
    );
  });
});

describe("impactWindows", () => {
  const completed = new Date("2025-03-01T12:00:00Z");
  const day = 24 * 60 * 60 * 1000;
  const at = (days: number) => new Date(completed.getTime() + days * day);

  it.each([
    ["long after: the requested 90 days", at(200), 90, 90, false],
    ["60 days after: 60-day windows", at(60.5), 90, 60, false],
    ["exactly 14 days after: just long enough", at(14), 90, 14, false],
    ["13 days and 23 hours after: too short", at(14 - 1 / 24), 90, 13, true],
    ["a shorter request wins", at(200), 30, 30, false],
    ["before completion: empty windows", at(-3), 90, 0, true],
  ])("%s", (_name, now, requested, length, tooShort) => {
    const windows = impactWindows(completed, now, requested);
    expect(windows.lengthDays).toBe(length);
    expect(windows.tooShort).toBe(tooShort);
    expect(windows.before).toEqual({ start: at(-length), end: completed });
    expect(windows.after).toEqual({ start: completed, end: at(length) });
    expect(windows.after.end.getTime()).toBeLessThanOrEqual(Math.max(now.getTime(), completed.getTime()));
  });

  it("says when the action can be measured", () => {
    expect(impactWindows(completed, at(3)).explanation).toBe(
      "Only 3 days since the action was done; impact is measured from 14 days on (2025-03-15).",
    );
    expect(impactWindows(completed, at(1)).explanation).toMatch(/^Only 1 day since/);
    expect(impactWindows(completed, at(30)).explanation).toBeNull();
  });

  it("defaults to 90 days", () => {
    expect(impactWindows(completed, at(365)).lengthDays).toBe(90);
  });

  it.each([0, -5, 1.5, Number.NaN])("rejects a requested length of %s", (days) => {
    expect(() => impactWindows(completed, at(100), days)).toThrow(/whole number of days/);
  });
});

describe("MeanSummary", () => {
  it("meanSummaryOf an empty list is all zeros", () => {
    const empty: MeanSummary = meanSummaryOf([]);
    expect(empty).toEqual({ count: 0, sum: 0, sumOfSquares: 0 });
  });
});
