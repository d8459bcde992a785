import { describe, expect, it } from "vitest";
import {
  averageOrderValue,
  averageRevenuePerCustomer,
  computeCategoryValue,
  computeChurnRate,
  computeRepeatPurchaseRate,
  computeRetentionRate,
  netRevenue,
} from "./revenue";

describe("netRevenue", () => {
  it("nets purchases and refunds exactly", () => {
    expect(
      netRevenue([
        { kind: "purchase", amount: "0.10" },
        { kind: "purchase", amount: "0.20" },
        { kind: "refund", amount: "-0.05" },
      ]),
    ).toBe("0.25");
    expect(netRevenue([])).toBe("0.00");
    expect(
      netRevenue([
        { kind: "refund", amount: "-0.00" },
        { kind: "purchase", amount: "0" },
      ]),
    ).toBe("0.00");
  });

  it.each([
    [{ kind: "purchase", amount: "-1.00" }, /A purchase of -1.00 has the wrong sign/],
    [{ kind: "refund", amount: "1.00" }, /A refund of 1.00 has the wrong sign/],
    [{ kind: "purchase", amount: "1.001" }, /is not a money amount/],
  ] as const)("rejects %j", (order, message) => {
    expect(() => netRevenue([order])).toThrow(message);
  });
});

describe("ARPC and AOV", () => {
  it.each([
    ["240.00", 3, "80.00"],
    ["10.00", 3, "3.33"],
    ["-0.05", 2, "-0.03"],
    ["100.00", 0, null],
  ] as const)("%s / %i → %s", (revenue, n, expected) => {
    expect(averageRevenuePerCustomer(revenue, n).value).toBe(expected);
    expect(averageOrderValue(revenue, n)).toEqual({ value: expected, sampleSize: n, lowSample: true });
  });

  it("rejects malformed revenue even without customers, and fractional counts", () => {
    expect(() => averageRevenuePerCustomer("1.2.3", 0)).toThrow(/is not a money amount/);
    expect(() => averageOrderValue("1.00", 1.5)).toThrow(/orders must be a whole number/);
  });
});

describe("computeRepeatPurchaseRate", () => {
  it.each([
    [0, 0, null],
    [0, 5, 0],
    [1, 4, 25],
    [30, 30, 100],
  ])("%i of %i → %s", (repeatCustomers, purchasingCustomers, expected) => {
    expect(computeRepeatPurchaseRate({ repeatCustomers, purchasingCustomers }).value).toBe(expected);
  });

  it("rejects more repeat customers than purchasing ones", () => {
    expect(() => computeRepeatPurchaseRate({ repeatCustomers: 2, purchasingCustomers: 1 })).toThrow(/cannot exceed/);
  });
});

describe("churn and retention", () => {
  it.each([
    [0, 0, null, null],
    [0, 40, 0, 100],
    [10, 40, 25, 75],
    [40, 40, 100, 0],
  ])("%i churned of %i active → churn %s, retention %s", (churned, activeAtStart, churn, retention) => {
    expect(computeChurnRate({ churned, activeAtStart })).toEqual({
      value: churn,
      sampleSize: activeAtStart,
      lowSample: activeAtStart < 30,
    });
    expect(computeRetentionRate({ churned, activeAtStart }).value).toBe(retention);
  });

  it("rejects more churned customers than were active at the start", () => {
    expect(() => computeChurnRate({ churned: 3, activeAtStart: 2 })).toThrow(
      "churned (3) cannot exceed activeAtStart (2).",
    );
  });
});

describe("computeCategoryValue", () => {
  it("gives the mean revenue per customer of each category and the promoter − detractor gap", () => {
    const result = computeCategoryValue({
      promoter: { customers: 4, revenue: "1000.00" },
      passive: { customers: 0, revenue: "0" },
      detractor: { customers: 3, revenue: "100.00" },
    });
    expect(result.meanRevenue.promoter).toEqual({ value: "250.00", sampleSize: 4, lowSample: true });
    expect(result.meanRevenue.passive.value).toBeNull();
    expect(result.meanRevenue.detractor.value).toBe("33.33");
    expect(result.promoterMinusDetractor).toBe("216.67");
  });

  it("has no gap when promoters or detractors are missing", () => {
    const result = computeCategoryValue({
      promoter: { customers: 2, revenue: "10" },
      passive: { customers: 2, revenue: "10" },
      detractor: { customers: 0, revenue: "0" },
    });
    expect(result.promoterMinusDetractor).toBeNull();
  });
});
