import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  civilDate,
  dayNumber,
  formatDayRange,
  formatIsoDate,
  isoDateProblem,
  parseIsoDate,
  quarterDays,
  quarterOf,
  shiftYears,
} from "./calendar";

const day = (iso: string) => parseIsoDate(iso);

describe("isoDateProblem", () => {
  it.each(["1970-01-01", "2024-02-29", "2026-02-28", "2026-12-31", "9999-12-31"])("accepts %s", (value) => {
    expect(isoDateProblem(value)).toBeNull();
  });

  it.each([
    ["2026-02-30", "2026-02-30 is not a date in the calendar."],
    ["2025-02-29", "2025-02-29 is not a date in the calendar."],
    ["1900-02-29", "1900-02-29 is too early; dates start at 1970-01-01."],
    ["2026-04-31", "2026-04-31 is not a date in the calendar."],
    ["2026-00-10", "2026-00-10 is not a date in the calendar."],
    ["2026-01-00", "2026-01-00 is not a date in the calendar."],
    ["2026-1-5", '"2026-1-5" is not a date in the form YYYY-MM-DD, e.g. 2026-03-31.'],
    ["2026-01-05T00:00", '"2026-01-05T00:00" is not a date in the form YYYY-MM-DD, e.g. 2026-03-31.'],
    ["", '"" is not a date in the form YYYY-MM-DD, e.g. 2026-03-31.'],
  ])("rejects %j", (value, message) => {
    expect(isoDateProblem(value)).toBe(message);
  });

  it("makes parseIsoDate throw INVALID_INPUT", () => {
    expect(() => parseIsoDate("2026-02-30")).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });
});

describe("day numbers", () => {
  it("count days from 1970-01-01", () => {
    expect(day("1970-01-01")).toBe(0);
    expect(day("2026-03-31")).toBe(dayNumber(2026, 3, 31));
    expect(civilDate(day("2024-02-29"))).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it("round-trip through YYYY-MM-DD", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: dayNumber(9999, 12, 31) }), (n) => {
        expect(parseIsoDate(formatIsoDate(n))).toBe(n);
      }),
    );
  });
});

describe("shiftYears", () => {
  it.each([
    ["2024-02-29", -1, "2023-02-28"],
    ["2024-02-29", 4, "2028-02-29"],
    ["2024-02-28", -1, "2023-02-28"],
    ["2024-03-01", -1, "2023-03-01"],
    ["2026-12-31", -1, "2025-12-31"],
    ["2026-01-01", 3, "2029-01-01"],
  ] as const)("%s %+d years → %s", (from, years, expected) => {
    expect(formatIsoDate(shiftYears(day(from), years))).toBe(expected);
  });

  it("keeps the month and is monotone", () => {
    const days = fc.integer({ min: dayNumber(1971, 1, 1), max: dayNumber(9000, 1, 1) });
    fc.assert(
      fc.property(days, days, fc.integer({ min: -1, max: 3 }), (a, b, years) => {
        expect(civilDate(shiftYears(a, years)).month).toBe(civilDate(a).month);
        if (a <= b) expect(shiftYears(a, years)).toBeLessThanOrEqual(shiftYears(b, years));
      }),
    );
  });
});

describe("quarters", () => {
  it.each([
    [2026, 1, "2026-01-01", "2026-03-31"],
    [2024, 1, "2024-01-01", "2024-03-31"],
    [2026, 2, "2026-04-01", "2026-06-30"],
    [2026, 3, "2026-07-01", "2026-09-30"],
    [2026, 4, "2026-10-01", "2026-12-31"],
    [2026, 0, "2025-10-01", "2025-12-31"],
  ])("%i Q%i is %s..%s", (year, quarter, first, last) => {
    const days = quarterDays(year, quarter);
    expect([formatIsoDate(days.first), formatIsoDate(days.last)]).toEqual([first, last]);
  });

  it.each([
    ["2026-01-01", 1],
    ["2026-03-31", 1],
    ["2026-04-01", 2],
    ["2026-09-30", 3],
    ["2026-12-31", 4],
  ])("%s is in Q%i", (iso, quarter) => {
    expect(quarterOf(day(iso))).toEqual({ year: 2026, quarter });
  });
});

describe("formatDayRange", () => {
  it.each([
    ["2026-03-31", "2026-03-31", "31 Mar 2026"],
    ["2026-01-01", "2026-03-31", "1 Jan – 31 Mar 2026"],
    ["2025-12-01", "2026-02-28", "1 Dec 2025 – 28 Feb 2026"],
  ])("%s..%s → %s", (first, last, label) => {
    expect(formatDayRange(day(first), day(last))).toBe(label);
  });
});
