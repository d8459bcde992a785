import { describe, expect, it } from "vitest";
import { computeRevenueAtRisk } from "./revenue-at-risk";

const churn = (churned: number, activeAtStart: number) => ({ churned, activeAtStart });

describe("computeRevenueAtRisk", () => {
  it("weights detractor revenue by the churn gap (25% − 10% = 15 points)", () => {
    expect(
      computeRevenueAtRisk({
        detractorRevenue: "1000",
        detractorChurn: churn(10, 40),
        promoterChurn: churn(5, 50),
      }),
    ).toEqual({
      revenueAtRisk: "1000.00",
      churnGapPoints: 15,
      churnWeighted: { value: "150.00", sampleSize: 40, lowSample: false },
    });
  });

  it("rounds the weighted figure once, half away from zero", () => {
    // gap = 1/3 − 0 → 100.00 / 3
    const result = computeRevenueAtRisk({
      detractorRevenue: "100.00",
      detractorChurn: churn(1, 3),
      promoterChurn: churn(0, 5),
    });
    expect(result.churnWeighted.value).toBe("33.33");
    expect(result.churnWeighted.lowSample).toBe(true);
  });

  it.each([
    ["promoters churn more", churn(1, 10), churn(5, 10), 0, "0.00"],
    ["same churn", churn(2, 10), churn(4, 20), 0, "0.00"],
    ["no active detractors", churn(0, 0), churn(1, 10), null, null],
    ["no active promoters", churn(1, 10), churn(0, 0), null, null],
  ])("%s → gap %s, weighted %s", (_name, detractorChurn, promoterChurn, gap, weighted) => {
    const result = computeRevenueAtRisk({ detractorRevenue: "500.00", detractorChurn, promoterChurn });
    expect(result.revenueAtRisk).toBe("500.00");
    expect(result.churnGapPoints).toBe(gap);
    expect(result.churnWeighted.value).toBe(weighted);
  });

  it("rejects malformed revenue and impossible churn", () => {
    expect(() =>
      computeRevenueAtRisk({ detractorRevenue: "1,000", detractorChurn: churn(1, 2), promoterChurn: churn(1, 2) }),
    ).toThrow(/is not a money amount/);
    expect(() =>
      computeRevenueAtRisk({ detractorRevenue: "1.00", detractorChurn: churn(3, 2), promoterChurn: churn(1, 2) }),
    ).toThrow(/cannot exceed/);
  });
});
