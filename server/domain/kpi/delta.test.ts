import { describe, expect, it } from "vitest";
import { computeDelta, computeMoneyDelta } from "./delta";
import { computeNps } from "./nps";

describe("computeDelta", () => {
  it.each([
    [{ value: 30 }, { value: 20 }, { absolute: 10, relativePercent: 50, direction: "up", significant: null }],
    [{ value: 10 }, { value: 20 }, { absolute: -10, relativePercent: -50, direction: "down", significant: null }],
    [{ value: -10 }, { value: -20 }, { absolute: 10, relativePercent: 50, direction: "up", significant: null }],
    [{ value: 5 }, { value: 5 }, { absolute: 0, relativePercent: 0, direction: "flat", significant: null }],
    [{ value: 5 }, { value: 0 }, { absolute: 5, relativePercent: null, direction: "up", significant: null }],
    [{ value: null }, { value: 0 }, { absolute: null, relativePercent: null, direction: null, significant: null }],
    [{ value: 1 }, { value: null }, { absolute: null, relativePercent: null, direction: null, significant: null }],
  ] as const)("%j vs %j", (current, previous, expected) => {
    expect(computeDelta(current, previous)).toEqual(expected);
  });

  it("treats float noise as flat", () => {
    expect(computeDelta({ value: 0.1 + 0.2 }, { value: 0.3 }).direction).toBe("flat");
  });

  it.each([
    // combined margin √(3² + 4²) = 5: significant only strictly beyond it
    [5.01, true],
    [5, false],
    [-5.01, true],
    [0, false],
  ])("Δ = %s with margins 3 and 4 → significant %s", (difference, significant) => {
    const delta = computeDelta({ value: 50 + difference, marginOfError: 3 }, { value: 50, marginOfError: 4 });
    expect(delta.significant).toBe(significant);
  });

  it("is unknown when either margin of error is missing", () => {
    expect(computeDelta({ value: 90, marginOfError: 1 }, { value: 10 }).significant).toBeNull();
    expect(computeDelta({ value: 90, marginOfError: null }, { value: 10, marginOfError: 1 }).significant).toBeNull();
  });

  it("takes NPS figures as they are", () => {
    const small = computeDelta(
      computeNps({ promoters: 6, passives: 2, detractors: 2 }),
      computeNps({ promoters: 4, passives: 4, detractors: 2 }),
    );
    expect(small).toMatchObject({ direction: "up", significant: false });
    expect(small.absolute).toBeCloseTo(20, 10);
  });
});

describe("computeMoneyDelta", () => {
  it.each([
    ["0.30", "0.10", { absolute: "0.20", relativePercent: 200, direction: "up" }],
    ["0.10", "0.30", { absolute: "-0.20", direction: "down" }],
    ["5", "5.00", { absolute: "0.00", relativePercent: 0, direction: "flat" }],
    ["5", "0", { absolute: "5.00", relativePercent: null, direction: "up" }],
    ["-5", "-10", { absolute: "5.00", relativePercent: 50, direction: "up" }],
    [null, "1", { absolute: null, relativePercent: null, direction: null }],
  ] as const)("%s vs %s", (current, previous, expected) => {
    expect(computeMoneyDelta(current, previous)).toMatchObject(expected);
  });

  it("rounds nothing: the absolute change is exact", () => {
    expect(computeMoneyDelta("1000000000000.01", "0.02").absolute).toBe("999999999999.99");
  });
});
