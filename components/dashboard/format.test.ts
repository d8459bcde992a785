import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatDay,
  formatList,
  formatMean,
  formatMoney,
  formatMoneyNumber,
  formatMonth,
  formatNps,
  formatPercent,
  formatPoints,
  formatRelativePercent,
  formatScoreChange,
  NO_DATA,
  roundTo,
} from "./format";

describe("formatMoney", () => {
  it("formats the exact string without float drift", () => {
    // 9007199254740993 is not representable as a double: a float would print …992
    expect(formatMoney("en", "9007199254740993.00", "USD")).toBe("$9,007,199,254,740,993");
    expect(formatMoney("en", "0.10", "USD", { cents: true })).toBe("$0.10");
    expect(formatMoney("en", "1234567.89", "USD", { cents: true })).toBe("$1,234,567.89");
  });

  it("rounds to whole units half away from zero by default", () => {
    expect(formatMoney("en", "1284530.50", "USD")).toBe("$1,284,531");
    expect(formatMoney("en", "-0.50", "USD")).toBe("-$1");
  });

  it("uses the currency and the locale", () => {
    expect(formatMoney("de-DE", "1234.5", "EUR", { cents: true })).toBe("1.234,50\u00a0€");
    expect(formatMoney("en", "1250000", "EUR", { compact: true })).toBe("€1.25M");
    expect(formatMoney("en", "545.60", "USD", { compact: true })).toBe("$546");
    expect(formatMoney("en", "18450.00", "USD", { compact: true })).toBe("$18.5K");
  });

  it("signs changes", () => {
    expect(formatMoney("en", "55517.65", "USD", { signed: true })).toBe("+$55,518");
    expect(formatMoney("en", "-12.00", "USD", { signed: true })).toBe("-$12");
    expect(formatMoney("en", "0.00", "USD", { signed: true })).toBe("$0");
  });

  it.each([null, "", "1e3", "1,5", "12.345", "abc"])("prints — for %j, never 0", (amount) => {
    expect(formatMoney("en", amount, "USD")).toBe(NO_DATA);
  });

  it("formats axis numbers", () => {
    expect(formatMoneyNumber("en", 1_200_000, "USD", { compact: true })).toBe("$1.2M");
    expect(formatMoneyNumber("en", null, "USD")).toBe(NO_DATA);
    expect(formatMoneyNumber("en", Number.NaN, "USD")).toBe(NO_DATA);
  });
});

describe("scores", () => {
  it.each([
    [31.4, "+31.4"],
    [42, "+42"],
    [-5.55, "-5.6"],
    [0, "0"],
    [0.04, "0"],
    [100, "+100"],
    [null, NO_DATA],
  ])("NPS %j → %j", (value, expected) => {
    expect(formatNps("en", value)).toBe(expected);
  });

  it("percentages carry one decimal", () => {
    expect(formatPercent("en", 82.26)).toBe("82.3%");
    expect(formatPercent("en", 100)).toBe("100.0%");
    expect(formatPercent("en", 0)).toBe("0.0%");
    expect(formatPercent("en", null)).toBe(NO_DATA);
  });

  it("CES means carry two decimals", () => {
    expect(formatMean("en", 5.2094)).toBe("5.21");
    expect(formatMean("en", 5)).toBe("5.00");
    expect(formatMean("en", null)).toBe(NO_DATA);
  });

  it("changes are signed, in points or in the mean's unit", () => {
    expect(formatPoints("en", 3.46)).toBe("+3.5");
    // a change that rounds to zero reads as no change, not "−0.0"
    expect(formatPoints("en", -0.04)).toBe("0.0");
    expect(formatPoints("en", 4.1, false)).toBe("4.1");
    expect(formatScoreChange("en", "mean", 0.156)).toBe("+0.16");
    expect(formatScoreChange("en", "points", -2)).toBe("-2.0");
    expect(formatRelativePercent("en", 4.517)).toBe("+4.5%");
  });
});

describe("dates, counts, lists", () => {
  it("formats months and days in UTC", () => {
    expect(formatMonth("en", "2026-03")).toBe("March 2026");
    expect(formatMonth("en", "2026-03", "short")).toBe("Mar 26");
    expect(formatMonth("en", "not a month")).toBe("not a month");
    expect(formatDay("en-GB", "2026-09-30")).toBe("30 Sept 2026");
  });

  it("groups counts and joins lists the locale's way", () => {
    expect(formatCount("en", 1234)).toBe("1,234");
    expect(formatList("en", ["journey stage", "channel"])).toBe("journey stage and channel");
  });
});

describe("roundTo", () => {
  it.each([
    [45.833333333333336, 2, 45.83],
    [-12.345, 2, -12.35],
    [0.125, 2, 0.13],
    [7, 2, 7],
    [null, 2, null],
    [Number.NaN, 2, null],
  ])("%s to %d decimals → %s", (value, digits, expected) => {
    expect(roundTo(value, digits)).toBe(expected);
  });
});
