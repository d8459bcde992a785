import { describe, expect, it } from "vitest";
import {
  averageOrderValue,
  averageRevenuePerCustomer,
  cesTotalsFromScoreCounts,
  computeCes,
  computeCsat,
  computeDelta,
  computeDurationStats,
  computeNps,
  computeRevenueAtRisk,
  computeThemeImpact,
  countScores,
  csatCountsFromScoreCounts,
  netRevenue,
  npsBucketsFromScoreCounts,
} from "./index";

// A small dataset computed by hand; every figure below was worked out on paper first.

describe("golden dataset", () => {
  // 10 NPS answers: 10 10 9 9 | 8 8 7 7 | 6 3
  //   promoters P = 4, passives = 4, detractors D = 2, n = 10
  //   NPS = 100 × (4 − 2) / 10 = 20.0
  //   p = 0.4, d = 0.2: p + d − (p − d)² = 0.6 − 0.04 = 0.56; 0.56 / 10 = 0.056
  //   MoE = 196 × √0.056 = 196 × 0.23664 = 46.38
  const npsAnswers = [10, 10, 9, 9, 8, 8, 7, 7, 6, 3];
  const nps = computeNps(npsBucketsFromScoreCounts(countScores(npsAnswers)));

  it("NPS 20.0 ± 46.38, low-sample", () => {
    expect(nps.value).toBeCloseTo(20.0, 10);
    expect(nps.marginOfError?.toFixed(2)).toBe("46.38");
    expect(nps).toMatchObject({ promoters: 4, passives: 4, detractors: 2, sampleSize: 10, lowSample: true });
    expect(nps).toMatchObject({ promoterPercent: 40, passivePercent: 40, detractorPercent: 20 });
  });

  it("CSAT 62.5 ± 33.55", () => {
    // 8 answers: 5 5 4 4 4 3 2 1 → satisfied (4–5) = 5; CSAT = 100 × 5 / 8 = 62.5
    // s = 0.625: s(1 − s) = 0.234375; / 8 = 0.029297; √ = 0.171163; × 196 = 33.55
    const csat = computeCsat(csatCountsFromScoreCounts(countScores([5, 5, 4, 4, 4, 3, 2, 1])));
    expect(csat.value).toBe(62.5);
    expect(csat.marginOfError?.toFixed(2)).toBe("33.55");
  });

  it("CES mean 4.5, 50% easy", () => {
    // 8 answers: 7 7 6 5 4 3 2 2 → sum 36, mean 36 / 8 = 4.5; easy (5–7) = 4 → 50%
    const ces = computeCes(cesTotalsFromScoreCounts(countScores([7, 7, 6, 5, 4, 3, 2, 2])));
    expect(ces).toMatchObject({ value: 4.5, easyPercent: 50, sum: 36, count: 8, easyCount: 4 });
  });

  it("revenue 0.10 + 0.20 − 0.05 = 0.25, where floats would drift", () => {
    expect(0.1 + 0.2 - 0.05).not.toBe(0.25);
    const revenue = netRevenue([
      { kind: "purchase", amount: "0.10" },
      { kind: "purchase", amount: "0.20" },
      { kind: "refund", amount: "-0.05" },
    ]);
    expect(revenue).toBe("0.25");
    // 3 orders by 2 customers: AOV = 0.25 / 3 = 0.0833 → 0.08; ARPC = 0.25 / 2 = 0.125 → 0.13 (half away from zero)
    expect(averageOrderValue(revenue, 3).value).toBe("0.08");
    expect(averageRevenuePerCustomer(revenue, 2).value).toBe("0.13");
  });

  it("revenue at risk 1000.00, churn-gap-weighted 150.00", () => {
    // detractors churned 10 / 40 = 25%, promoters 5 / 50 = 10%: gap 15 points; 1000.00 × 0.15 = 150.00
    const atRisk = computeRevenueAtRisk({
      detractorRevenue: "1000.00",
      detractorChurn: { churned: 10, activeAtStart: 40 },
      promoterChurn: { churned: 5, activeAtStart: 50 },
    });
    expect(atRisk).toMatchObject({ revenueAtRisk: "1000.00", churnGapPoints: 15 });
    expect(atRisk.churnWeighted.value).toBe("150.00");
  });

  it("theme impact −37.14 at 30% frequency", () => {
    // the theme is on 3 of the 10 answers: both detractors (6, 3) and one passive (7)
    // without it: P = 4, passives = 3, D = 0, n = 7 → NPS = 400 / 7 = 57.14; impact = 20 − 57.14 = −37.14
    const impact = computeThemeImpact({
      all: npsBucketsFromScoreCounts(countScores(npsAnswers)),
      theme: npsBucketsFromScoreCounts(countScores([7, 6, 3])),
    });
    expect(impact.value?.toFixed(2)).toBe("-37.14");
    expect(impact.frequencyPercent).toBe(30);
    expect(impact.npsWithoutTheme?.toFixed(2)).toBe("57.14");
  });

  it("triage: median 3 h, mean 4.25 h", () => {
    // 1 2 4 10 → median (2 + 4) / 2 = 3; mean 17 / 4 = 4.25
    expect(computeDurationStats([10, 1, 4, 2])).toMatchObject({ medianHours: 3, meanHours: 4.25 });
  });

  it("delta: +20 NPS points is noise on 10 answers, significant on 1,000", () => {
    // small: 20 vs 0 with MoE 46.38 and 196 × √(0.6 / 10) = 48.01 → combined 66.75 > 20: not significant
    const before = computeNps({ promoters: 3, passives: 4, detractors: 3 });
    expect(before.marginOfError?.toFixed(2)).toBe("48.01");
    expect(computeDelta(nps, before)).toMatchObject({ direction: "up", significant: false });
    // large: 600/200/200 → 40 ± 4.96; 500/200/300 → 20 ± 5.40; combined √(4.96² + 5.40²) = 7.33 < 20
    const now = computeNps({ promoters: 600, passives: 200, detractors: 200 });
    const then = computeNps({ promoters: 500, passives: 200, detractors: 300 });
    expect(now.marginOfError?.toFixed(2)).toBe("4.96");
    expect(then.marginOfError?.toFixed(2)).toBe("5.40");
    expect(computeDelta(now, then)).toMatchObject({ absolute: 20, direction: "up", significant: true });
  });
});
