import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NpsBuckets } from "./nps";
import {
  compareCsat,
  compareNps,
  CSAT_DIFFERENCE_TEST,
  erf,
  erfc,
  normalCdf,
  NPS_DIFFERENCE_TEST,
  twoSidedPValue,
  Z_95,
} from "./significance";

const nps = (promoters: number, passives: number, detractors: number): NpsBuckets => ({
  promoters,
  passives,
  detractors,
});

/** Reference values from CPython's math.erfc / math.erf (correctly rounded to ~1 ulp). */
const ERFC_REFERENCE: readonly [number, number, number][] = [
  [0, 1, 0],
  [0.1, 0.8875370839817152, 0.1124629160182849],
  [0.5, 0.4795001221869535, 0.5204998778130465],
  [0.9999, 0.15734072195124052, 0.8426592780487595],
  [1, 0.15729920705028513, 0.8427007929497149],
  [1.5, 0.033894853524689274, 0.9661051464753108],
  [2, 0.004677734981047265, 0.9953222650189527],
  [2.5, 0.0004069520174449589, 0.999593047982555],
  [2.9999, 2.210442648216091e-5, 0.9999778955735178],
  [3, 2.2090496998585438e-5, 0.9999779095030014],
  [3.5, 7.430983723414128e-7, 0.9999992569016276],
  [4, 1.541725790028002e-8, 0.9999999845827421],
  [5, 1.5374597944280351e-12, 0.9999999999984626],
  [6, 2.1519736712498916e-17, 1],
  [10, 2.088487583762545e-45, 1],
];

describe("erfc and erf", () => {
  it.each(ERFC_REFERENCE)("erfc(%s) = %s, erf = %s", (x, complement, value) => {
    expect(Math.abs(erfc(x) - complement)).toBeLessThanOrEqual(1e-14 * complement + 1e-300);
    expect(Math.abs(erf(x) - value)).toBeLessThan(1e-15);
    expect(Math.abs(erfc(-x) - (2 - complement))).toBeLessThan(1e-15);
    expect(erf(-x)).toBe(-erf(x));
  });

  it("is NaN for NaN and saturates at the infinities", () => {
    expect(erfc(Number.NaN)).toBeNaN();
    expect(erf(Number.NaN)).toBeNaN();
    expect(erfc(Number.POSITIVE_INFINITY)).toBe(0);
    expect(erfc(Number.NEGATIVE_INFINITY)).toBe(2);
    expect(erf(Number.POSITIVE_INFINITY)).toBe(1);
  });

  it("is continuous where the two expansions meet (x = 1)", () => {
    // erfc′(1) = −(2/√π) e^(−1): a step of h below 1 raises erfc by that slope × h, no jump
    const slope = (2 / Math.sqrt(Math.PI)) * Math.exp(-1);
    expect(Math.abs(erfc(1 - 1e-9) - erfc(1) - slope * 1e-9)).toBeLessThan(1e-15);
  });
});

describe("normalCdf", () => {
  it.each([
    [-8, 6.220960574271819e-16],
    [-3, 0.0013498980316300957],
    [-1.96, 0.024997895148220435],
    [-1, 0.15865525393145707],
    [0, 0.5],
    [0.5, 0.6914624612740131],
    [1, 0.8413447460685429],
    [1.644853626951, 0.9499999999999512],
    [Z_95, 0.975],
    [2.575829303549, 0.9950000000000014],
    [3, 0.9986501019683699],
    [5, 0.9999997133484281],
  ])("Φ(%s) = %s", (z, expected) => {
    expect(Math.abs(normalCdf(z) - expected)).toBeLessThan(1e-12 * Math.max(1e-4, expected));
  });

  it("matches Simpson's rule on the density, for random z", () => {
    fc.assert(
      fc.property(fc.double({ min: -6, max: 6, noNaN: true }), (z) => {
        const steps = 2000;
        const from = -12;
        const h = (z - from) / steps;
        const density = (t: number) => Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
        let sum = density(from) + density(z);
        for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * density(from + i * h);
        expect(Math.abs(normalCdf(z) - (sum * h) / 3)).toBeLessThan(1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it("is symmetric and monotone", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (z, step) => {
          expect(Math.abs(normalCdf(z) + normalCdf(-z) - 1)).toBeLessThan(1e-15);
          expect(normalCdf(z + step)).toBeGreaterThanOrEqual(normalCdf(z));
        },
      ),
    );
  });
});

describe("twoSidedPValue", () => {
  it.each([
    [0, 1],
    [Z_95, 0.05],
    [-Z_95, 0.05],
    [2.575829303549, 0.01],
    [1, 0.31731050786291415],
  ])("p(|Z| ≥ |%s|) = %s", (z, p) => {
    expect(twoSidedPValue(z)).toBeCloseTo(p, 12);
  });
});

describe("compareNps", () => {
  it("hand-computed: 50/30/20 vs 30/30/40", () => {
    // NPS 30 vs −10; v = 0.7 − 0.3² = 0.61 and 0.7 − 0.1² = 0.69; SE = √(6100/100 + 6900/100) = √130
    const result = compareNps(nps(50, 30, 20), nps(30, 30, 40));
    expect(result.test).toBe(NPS_DIFFERENCE_TEST);
    expect(result.difference).toBeCloseTo(40, 12);
    expect(result.standardError).toBeCloseTo(Math.sqrt(130), 12);
    expect(result.z).toBeCloseTo(3.5082320772281173, 10);
    expect(result.pValue).toBeCloseTo(0.0004510953476143051, 12);
    expect(result.ci95?.[0]).toBeCloseTo(17.652972307480436, 10);
    expect(result.ci95?.[1]).toBeCloseTo(62.34702769251956, 10);
    expect(result).toMatchObject({
      significant: true,
      lowSample: false,
      sampleSizes: { a: 100, b: 100 },
      conclusion: "significant",
      note: null,
    });
  });

  it("a small gap on small samples is not significant and is low-sample", () => {
    const result = compareNps(nps(10, 5, 5), nps(8, 6, 6));
    expect(result.difference).toBeCloseTo(15, 12);
    expect(result.significant).toBe(false);
    expect(result.conclusion).toBe("not significant");
    expect(result.lowSample).toBe(true);
  });

  it.each([
    ["29 and 30", 29, 30, true],
    ["30 and 30", 30, 30, false],
    ["30 and 29", 30, 29, true],
  ])("lowSample with %s responses: %s", (_name, na, nb, low) => {
    expect(compareNps(nps(na, 0, 0), nps(0, nb, 0)).lowSample).toBe(low);
  });

  it.each([
    ["a empty", nps(0, 0, 0), nps(10, 0, 0), "Group a has no responses"],
    ["b empty", nps(10, 0, 0), nps(0, 0, 0), "Group b has no responses"],
    ["both empty", nps(0, 0, 0), nps(0, 0, 0), "Neither group has any responses"],
  ])("%s → cannot tell", (_name, a, b, message) => {
    const result = compareNps(a, b);
    expect(result).toMatchObject({
      difference: null,
      standardError: null,
      z: null,
      pValue: null,
      ci95: null,
      significant: false,
      lowSample: true,
      conclusion: "cannot tell",
    });
    expect(result.note).toContain(message);
  });

  it("identical groups without spread: difference 0, p 1", () => {
    const result = compareNps(nps(40, 0, 0), nps(35, 0, 0));
    expect(result).toMatchObject({
      difference: 0,
      standardError: 0,
      z: 0,
      pValue: 1,
      ci95: [0, 0],
      significant: false,
    });
  });

  it("all promoters vs all detractors: falls back to the pooled SE", () => {
    // pooled 40 promoters + 40 detractors: v = 1 − 0 = 1; SE = 100 √(1/40 + 1/40)
    const result = compareNps(nps(40, 0, 0), nps(0, 0, 40));
    expect(result.difference).toBe(200);
    expect(result.standardError).toBeCloseTo(22.360679774997898, 10);
    expect(result.z).toBeCloseTo(8.94427190999916, 10);
    expect(result.pValue).toBeLessThan(1e-18);
    expect(result.significant).toBe(true);
    expect(result.ci95?.[1]).toBe(200);
    expect(result.ci95?.[0]).toBeCloseTo(200 - Z_95 * 22.360679774997898, 10);
    expect(result.note).toMatch(/pooled standard error/);
  });

  it("rejects invalid counts", () => {
    expect(() => compareNps(nps(-1, 0, 0), nps(1, 0, 0))).toThrow(/whole number/);
    expect(() => compareNps(nps(1, 0, 0), nps(1.5, 0, 0))).toThrow(/whole number/);
  });

  const bucketsArb = fc
    .tuple(fc.nat(300), fc.nat(300), fc.nat(300))
    .filter(([p, q, d]) => p + q + d > 0)
    .map(([p, q, d]) => nps(p, q, d));

  it("agrees with a brute-force mean and variance over the scored responses", () => {
    fc.assert(
      fc.property(bucketsArb, bucketsArb, (a, b) => {
        const stats = (g: NpsBuckets) => {
          const scores = [
            ...Array<number>(g.promoters).fill(1),
            ...Array<number>(g.passives).fill(0),
            ...Array<number>(g.detractors).fill(-1),
          ];
          const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
          const variance = scores.reduce((s, x) => s + (x - mean) ** 2, 0) / scores.length;
          return { mean, varianceOfMean: variance / scores.length };
        };
        const sa = stats(a);
        const sb = stats(b);
        const result = compareNps(a, b);
        const se = 100 * Math.sqrt(sa.varianceOfMean + sb.varianceOfMean);
        expect(result.difference).toBeCloseTo(100 * (sa.mean - sb.mean), 9);
        if (se > 0) expect(result.standardError).toBeCloseTo(se, 9);
      }),
      { numRuns: 150 },
    );
  });

  it("swapping the groups negates the difference and keeps p; z × SE = difference; CI holds the difference", () => {
    fc.assert(
      fc.property(bucketsArb, bucketsArb, (a, b) => {
        const ab = compareNps(a, b);
        const ba = compareNps(b, a);
        expect(ba.difference).toBeCloseTo(-(ab.difference ?? 0), 9);
        expect(ba.pValue).toBeCloseTo(ab.pValue ?? 0, 12);
        expect((ab.z ?? 0) * (ab.standardError ?? 0)).toBeCloseTo(ab.difference ?? 0, 9);
        const [lo, hi] = ab.ci95 ?? [0, 0];
        expect(lo).toBeLessThanOrEqual(ab.difference ?? 0);
        expect(hi).toBeGreaterThanOrEqual(ab.difference ?? 0);
        expect(lo).toBeGreaterThanOrEqual(-200);
        expect(hi).toBeLessThanOrEqual(200);
        // with one SE for test and interval, the CI excludes 0 exactly when p < 0.05
        if (ab.note === null && Math.abs(Math.abs(ab.z ?? 0) - Z_95) > 1e-9) {
          expect(lo > 0 || hi < 0).toBe(ab.significant);
        }
      }),
    );
  });
});

describe("compareCsat", () => {
  it("hand-computed: 80/100 vs 70/100", () => {
    // pooled s = 0.75: SE₀ = 100 √(0.75 × 0.25 × 0.02); unpooled 100 √(0.0016 + 0.0021)
    const result = compareCsat({ satisfied: 80, total: 100 }, { satisfied: 70, total: 100 });
    expect(result.test).toBe(CSAT_DIFFERENCE_TEST);
    expect(result.difference).toBeCloseTo(10, 12);
    expect(result.standardError).toBeCloseTo(6.123724356957945, 12);
    expect(result.z).toBeCloseTo(1.632993161855452, 10);
    expect(result.pValue).toBeCloseTo(0.10247043485974947, 10);
    expect(result.ci95?.[0]).toBeCloseTo(-1.9219954858942412, 10);
    expect(result.ci95?.[1]).toBeCloseTo(21.921995485894243, 10);
    expect(result).toMatchObject({ significant: false, conclusion: "not significant", lowSample: false });
  });

  it("a large gap is significant", () => {
    const result = compareCsat({ satisfied: 900, total: 1000 }, { satisfied: 800, total: 1000 });
    expect(result.significant).toBe(true);
    expect(result.pValue).toBeLessThan(1e-6);
  });

  it.each([
    ["both 0%", { satisfied: 0, total: 40 }, { satisfied: 0, total: 50 }],
    ["both 100%", { satisfied: 40, total: 40 }, { satisfied: 50, total: 50 }],
  ])("%s: no difference, p 1", (_name, a, b) => {
    expect(compareCsat(a, b)).toMatchObject({
      difference: 0,
      standardError: 0,
      z: 0,
      pValue: 1,
      ci95: [0, 0],
      significant: false,
      note: null,
    });
  });

  it("100% vs 0%: the test runs on the pooled SE, and so does the interval", () => {
    const result = compareCsat({ satisfied: 30, total: 30 }, { satisfied: 0, total: 30 });
    expect(result.difference).toBe(100);
    expect(result.standardError).toBeCloseTo(12.909944487358056, 10);
    expect(result.z).toBeCloseTo(7.745966692414834, 10);
    expect(result.pValue).toBeCloseTo(9.485737571073843e-15, 25);
    expect(result.ci95?.[0]).toBeCloseTo(100 - Z_95 * 12.909944487358056, 10);
    expect(result.ci95?.[1]).toBe(100);
    expect(result.note).toMatch(/pooled standard error/);
  });

  it("no answers in a group → cannot tell", () => {
    expect(compareCsat({ satisfied: 0, total: 0 }, { satisfied: 3, total: 4 }).conclusion).toBe("cannot tell");
  });

  it("rejects satisfied > total", () => {
    expect(() => compareCsat({ satisfied: 5, total: 4 }, { satisfied: 3, total: 4 })).toThrow(/cannot exceed/);
  });

  it("z × SE = difference, the interval holds the difference, swapping negates", () => {
    const countsArb = fc
      .nat({ max: 500 })
      .chain((total) => fc.record({ satisfied: fc.nat({ max: total }), total: fc.constant(total) }))
      .filter((c) => c.total > 0);
    fc.assert(
      fc.property(countsArb, countsArb, (a, b) => {
        const ab = compareCsat(a, b);
        const ba = compareCsat(b, a);
        const difference = ab.difference ?? Number.NaN;
        expect(difference).toBeCloseTo(100 * (a.satisfied / a.total - b.satisfied / b.total), 9);
        expect((ab.z ?? 0) * (ab.standardError ?? 0)).toBeCloseTo(difference, 9);
        expect(ba.difference).toBeCloseTo(-difference, 9);
        expect(ba.pValue).toBeCloseTo(ab.pValue ?? Number.NaN, 12);
        const [lo, hi] = ab.ci95 ?? [0, 0];
        expect(lo).toBeLessThanOrEqual(difference);
        expect(hi).toBeGreaterThanOrEqual(difference);
        expect(lo).toBeGreaterThanOrEqual(-100);
        expect(hi).toBeLessThanOrEqual(100);
        expect(ab.significant).toBe((ab.pValue ?? 1) < 0.05);
      }),
    );
  });
});
