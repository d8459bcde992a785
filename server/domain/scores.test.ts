import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAmountSignValid, isScoreInRange, SCORE_RANGES } from "./scores";

describe("isScoreInRange", () => {
  it.each([
    ["nps", 0, true],
    ["nps", 10, true],
    ["nps", 11, false],
    ["nps", -1, false],
    ["csat", 0, false],
    ["csat", 1, true],
    ["csat", 5, true],
    ["csat", 6, false],
    ["ces", 7, true],
    ["ces", 8, false],
    ["rating", 5, true],
    ["rating", 0, false],
    ["nps", 7.5, false],
    ["nps", null, false],
    ["none", null, true],
    ["none", 3, false],
  ] as const)("%s %s → %s", (kind, score, expected) => {
    expect(isScoreInRange(kind, score)).toBe(expected);
  });

  it("accepts exactly the integers of each kind's range", () => {
    for (const [kind, range] of Object.entries(SCORE_RANGES)) {
      fc.assert(
        fc.property(fc.integer({ min: -50, max: 50 }), (score) => {
          const inside = score >= range.min && score <= range.max;
          expect(isScoreInRange(kind as keyof typeof SCORE_RANGES, score)).toBe(inside);
        }),
      );
    }
  });
});

describe("isAmountSignValid", () => {
  it.each([
    ["purchase", "0", true],
    ["purchase", "0.00", true],
    ["purchase", "12.50", true],
    ["purchase", "-0.01", false],
    ["refund", "-12.50", true],
    ["refund", "-0.00", true],
    ["refund", "3.00", false],
    ["purchase", "1.234", false],
    ["purchase", "abc", false],
    ["purchase", "", false],
  ] as const)("%s %s → %s", (kind, amount, expected) => {
    expect(isAmountSignValid(kind, amount)).toBe(expected);
  });
});
