import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KPIS } from "../enums";
import { MAX_TARGET_VALUE, normaliseTargetValue, TARGET_VALUE_RULES, targetValueProblem } from "./values";

describe("targetValueProblem", () => {
  it.each([
    ["nps", "-100"],
    ["nps", "100"],
    ["nps", "35.5"],
    ["nps", "-0"],
    ["csat", "0"],
    ["csat", "100.00"],
    ["ces", "1"],
    ["ces", "7"],
    ["ces", "5.25"],
    ["churn", "0"],
    ["churn", "100"],
    ["revenue", "0"],
    ["revenue", "125000.5"],
    ["revenue", MAX_TARGET_VALUE],
    ["revenue_at_risk", "0.01"],
  ] as const)("accepts %s %s", (kpi, value) => {
    expect(targetValueProblem(kpi, value)).toBeNull();
  });

  it.each([
    ["nps", "-100.01", "An NPS target is a score from -100 to 100; -100.01 is outside that range."],
    ["nps", "100.01", "from -100 to 100"],
    ["csat", "-1", "A CSAT target is a percentage from 0 to 100"],
    ["csat", "100.5", "from 0 to 100"],
    ["ces", "0.99", "A CES target is a mean score from 1 to 7"],
    ["ces", "7.01", "from 1 to 7"],
    ["churn", "101", "A churn target is a percentage of customers from 0 to 100"],
    ["revenue", "-0.01", "A revenue target is an amount of 0 or more"],
    ["revenue", "1000000000000", "Write the target as a number with up to 2 decimals and no currency sign"],
    ["revenue_at_risk", "-5", "A revenue-at-risk target is an amount of 0 or more"],
  ] as const)("rejects %s %s, saying the range", (kpi, value, message) => {
    expect(targetValueProblem(kpi, value)).toContain(message);
  });

  it.each(["", "abc", "1e3", "+5", "1,5", ".5", "5.", "12.345", "1 000", "$100", " 5"])(
    "rejects %j as not a decimal, with an example",
    (value) => {
      expect(targetValueProblem("revenue", value)).toMatch(/^Write the target as a number with up to 2 decimals.*e\.g\. 125000\.00\.$/);
      expect(targetValueProblem("nps", value)).toBe("Write the target as a number with up to 2 decimals, e.g. 35.");
    },
  );

  it("gives every KPI an example that is itself a valid target", () => {
    for (const kpi of KPIS) expect(targetValueProblem(kpi, TARGET_VALUE_RULES[kpi].example)).toBeNull();
  });

  it("accepts exactly the whole-cent values within the bounds (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...KPIS), fc.integer({ min: -20_000, max: 20_000 }), (kpi, hundredths) => {
        const value = (hundredths / 100).toFixed(2);
        const rule = TARGET_VALUE_RULES[kpi];
        const inRange = hundredths >= Number(rule.min) * 100 && (rule.max === null || hundredths <= Number(rule.max) * 100);
        expect(targetValueProblem(kpi, value) === null).toBe(inRange);
      }),
    );
  });
});

describe("normaliseTargetValue", () => {
  it.each([
    ["35", "35.00"],
    ["35.5", "35.50"],
    ["-12.05", "-12.05"],
    ["-0", "0.00"],
    ["0.1", "0.10"],
    ["007", "7.00"],
    [MAX_TARGET_VALUE, MAX_TARGET_VALUE],
  ])("writes %s as %s, like numeric(14, 2)", (value, normalised) => {
    expect(normaliseTargetValue(value)).toBe(normalised);
  });

  it("keeps the value exactly (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -99_999_999_999_999n, max: 99_999_999_999_999n }), (hundredths) => {
        const sign = hundredths < 0n ? "-" : "";
        const digits = (hundredths < 0n ? -hundredths : hundredths).toString().padStart(3, "0");
        const value = `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
        expect(normaliseTargetValue(value)).toBe(hundredths === 0n ? "0.00" : value);
      }),
    );
  });

  it("refuses what is not a target value", () => {
    expect(() => normaliseTargetValue("1e3")).toThrow();
  });
});
