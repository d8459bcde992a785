import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumber, formatIsoDate, parseIsoDate, shiftYears } from "./calendar";
import { ROLLING_PERIODS } from "./filter-query";
import type { DashboardPeriod } from "./filters";
import { comparisonPeriod, monthlyBuckets, monthsBetween, resolvePeriod, trailingMonths } from "./periods";
import { zonedDay } from "./time-zone";

const at = (iso: string) => new Date(iso);
const custom = (from: string, to: string): DashboardPeriod => ({ kind: "custom", from, to });
const quarter = (year: number, q: number): DashboardPeriod => ({ kind: "quarter", year, quarter: q });
const HOUR = 3_600_000;
const lengthInHours = (p: { start: Date; end: Date }) => (p.end.getTime() - p.start.getTime()) / HOUR;

const ZONES = ["UTC", "Europe/Warsaw", "Asia/Jerusalem", "America/Santiago", "Asia/Kolkata", "Australia/Lord_Howe"];

describe("resolvePeriod", () => {
  it.each<[DashboardPeriod, string, string, number, string]>([
    // today is included: the window ends at the start of tomorrow
    [{ kind: "last30" }, "2026-03-15T12:00Z", "2026-02-14..2026-03-15", 30, "Last 30 days"],
    [{ kind: "last30" }, "2026-03-15T00:00Z", "2026-02-14..2026-03-15", 30, "Last 30 days"],
    [{ kind: "last30" }, "2026-03-14T23:59:59.999Z", "2026-02-13..2026-03-14", 30, "Last 30 days"],
    [{ kind: "last90" }, "2026-03-31T23:59:59.999Z", "2026-01-01..2026-03-31", 90, "Last 90 days"],
    [{ kind: "last365" }, "2024-12-31T08:00Z", "2024-01-02..2024-12-31", 365, "Last 365 days"],
    [{ kind: "last365" }, "2025-03-01T08:00Z", "2024-03-02..2025-03-01", 365, "Last 365 days"],
    [quarter(2024, 1), "2026-05-05T00:00Z", "2024-01-01..2024-03-31", 91, "Q1 2024"],
    [quarter(2026, 1), "2026-05-05T00:00Z", "2026-01-01..2026-03-31", 90, "Q1 2026"],
    [quarter(2026, 4), "2026-05-05T00:00Z", "2026-10-01..2026-12-31", 92, "Q4 2026"],
    [custom("2026-01-01", "2026-01-01"), "2026-05-05T00:00Z", "2026-01-01..2026-01-01", 1, "1 Jan 2026"],
    [custom("2024-02-01", "2024-02-29"), "2026-05-05T00:00Z", "2024-02-01..2024-02-29", 29, "1 Feb – 29 Feb 2024"],
  ])("%j at %s in UTC is %s (%i days, %s)", (period, now, range, days, label) => {
    const resolved = resolvePeriod(period, at(now));
    const [from, to] = range.split("..") as [string, string];
    expect(resolved).toMatchObject({ from, to, days, label, timeZone: "UTC" });
    expect(resolved.start).toEqual(at(`${from}T00:00Z`));
    expect(resolved.end).toEqual(new Date(at(`${to}T00:00Z`).getTime() + 24 * HOUR));
  });

  it.each<[string, DashboardPeriod, string, string, string, string]>([
    // 22:30 UTC on 31 March is already 1 April in Warsaw
    [
      "Europe/Warsaw",
      { kind: "last30" },
      "2026-03-31T22:30Z",
      "2026-03-03..2026-04-01",
      "2026-03-02T23:00Z",
      "2026-04-01T22:00Z",
    ],
    [
      "Europe/Warsaw",
      quarter(2026, 4),
      "2026-05-05T00:00Z",
      "2026-10-01..2026-12-31",
      "2026-09-30T22:00Z",
      "2026-12-31T23:00Z",
    ],
    [
      "Asia/Jerusalem",
      custom("2026-03-27", "2026-03-27"),
      "2026-05-05T00:00Z",
      "2026-03-27..2026-03-27",
      "2026-03-26T22:00Z",
      "2026-03-27T21:00Z",
    ],
    [
      "Asia/Jerusalem",
      { kind: "last90" },
      "2026-10-25T21:30Z",
      "2026-07-28..2026-10-25",
      "2026-07-27T21:00Z",
      "2026-10-25T22:00Z",
    ],
    [
      "America/Santiago",
      custom("2026-09-06", "2026-09-06"),
      "2026-05-05T00:00Z",
      "2026-09-06..2026-09-06",
      "2026-09-06T04:00Z",
      "2026-09-07T03:00Z",
    ],
    [
      "Asia/Kolkata",
      { kind: "last30" },
      "2026-03-15T18:29Z",
      "2026-02-14..2026-03-15",
      "2026-02-13T18:30Z",
      "2026-03-15T18:30Z",
    ],
  ])("in %s, %j at %s is %s = [%s, %s)", (zone, period, now, range, start, end) => {
    const resolved = resolvePeriod(period, at(now), zone);
    expect(`${resolved.from}..${resolved.to}`).toBe(range);
    expect([resolved.start, resolved.end]).toEqual([at(start), at(end)]);
  });

  it("has one hour less across the March change and one more across October (Warsaw)", () => {
    expect(
      lengthInHours(resolvePeriod(custom("2026-03-01", "2026-03-31"), at("2026-05-05T00:00:00Z"), "Europe/Warsaw")),
    ).toBe(31 * 24 - 1);
    expect(
      lengthInHours(resolvePeriod(custom("2026-10-01", "2026-10-31"), at("2026-05-05T00:00:00Z"), "Europe/Warsaw")),
    ).toBe(31 * 24 + 1);
  });

  it("labels the dates and the zone", () => {
    const period = resolvePeriod(quarter(2026, 3), at("2026-05-05T00:00:00Z"), "Europe/Warsaw");
    expect(period).toMatchObject({ kind: "quarter", timeZone: "Europe/Warsaw", rangeLabel: "1 Jul – 30 Sep 2026" });
  });

  it.each<[string, () => unknown, string]>([
    [
      "an unknown time zone",
      () => resolvePeriod({ kind: "last30" }, new Date(), "Europe/Atlantis"),
      'Unknown time zone "Europe/Atlantis"',
    ],
    [
      "a date not in the calendar",
      () => resolvePeriod(custom("2026-02-30", "2026-03-01"), new Date()),
      "2026-02-30 is not a date in the calendar.",
    ],
    [
      "an invalid now",
      () => resolvePeriod({ kind: "last30" }, new Date(Number.NaN)),
      "The current time is not a valid date.",
    ],
  ])("throws INVALID_INPUT for %s", (_name, run, message) => {
    expect(run).toThrow(message);
    expect(run).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });
});

describe("comparisonPeriod", () => {
  const now = at("2026-03-15T12:00:00Z");

  it.each<[string, DashboardPeriod, "previous" | "yoy", string, string, string]>([
    ["last30 → the 30 days before", { kind: "last30" }, "previous", "2026-01-15", "2026-02-13", "15 Jan – 13 Feb 2026"],
    ["last30 → a year earlier", { kind: "last30" }, "yoy", "2025-02-14", "2025-03-15", "14 Feb – 15 Mar 2025"],
    [
      "a custom range → the days before",
      custom("2026-02-01", "2026-02-28"),
      "previous",
      "2026-01-04",
      "2026-01-31",
      "4 Jan – 31 Jan 2026",
    ],
    ["Q1 → Q4 of the year before", quarter(2026, 1), "previous", "2025-10-01", "2025-12-31", "Q4 2025"],
    ["Q3 → Q2", quarter(2026, 3), "previous", "2026-04-01", "2026-06-30", "Q2 2026"],
    ["a leap Q1 → Q1 a year earlier", quarter(2024, 1), "yoy", "2023-01-01", "2023-03-31", "Q1 2023"],
    ["29 February → 28 February", custom("2024-02-29", "2024-02-29"), "yoy", "2023-02-28", "2023-02-28", "28 Feb 2023"],
    [
      "leap February → common February",
      custom("2024-02-01", "2024-02-29"),
      "yoy",
      "2023-02-01",
      "2023-02-28",
      "1 Feb – 28 Feb 2023",
    ],
    [
      "a common year → the leap year",
      custom("2025-01-01", "2025-12-31"),
      "yoy",
      "2024-01-01",
      "2024-12-31",
      "1 Jan – 31 Dec 2024",
    ],
    [
      "early 1970 → 1969",
      custom("1970-01-01", "1970-01-10"),
      "previous",
      "1969-12-22",
      "1969-12-31",
      "22 Dec – 31 Dec 1969",
    ],
  ])("%s", (_name, period, kind, from, to, label) => {
    const comparison = comparisonPeriod(resolvePeriod(period, now), kind);
    expect(comparison).toMatchObject({ from, to, label, timeZone: "UTC" });
  });

  it("is null for none", () => {
    expect(comparisonPeriod(resolvePeriod({ kind: "last90" }, now), "none")).toBeNull();
  });

  it("keeps local midnights across DST (Warsaw, March change inside the period)", () => {
    const period = resolvePeriod({ kind: "last30" }, at("2026-04-10T12:00:00Z"), "Europe/Warsaw");
    const previous = comparisonPeriod(period, "previous");
    expect(previous).toMatchObject({
      from: "2026-02-10",
      to: "2026-03-11",
      start: at("2026-02-09T23:00Z"),
      end: period.start,
    });
    expect([lengthInHours(period), lengthInHours(previous!)]).toEqual([30 * 24 - 1, 30 * 24]);
  });

  const nowArb = fc.date({ min: at("1972-01-01T00:00:00Z"), max: at("2100-01-01T00:00:00Z"), noInvalidDate: true });
  const customArb = fc
    .tuple(fc.integer({ min: dayNumber(1972, 1, 1), max: dayNumber(2100, 1, 1) }), fc.integer({ min: 0, max: 1094 }))
    .map(([from, extra]) => custom(formatIsoDate(from), formatIsoDate(from + extra)));
  const periodArb = fc.oneof(
    fc.constantFrom(...ROLLING_PERIODS).map((kind): DashboardPeriod => ({ kind })),
    customArb,
  );

  it("previous: as many days, ending where the period starts (and as many hours in UTC)", () => {
    fc.assert(
      fc.property(periodArb, nowArb, fc.constantFrom(...ZONES), (period, now, zone) => {
        const resolved = resolvePeriod(period, now, zone);
        const previous = comparisonPeriod(resolved, "previous")!;
        expect(previous.days).toBe(resolved.days);
        expect(previous.end).toEqual(resolved.start);
        if (zone === "UTC") expect(lengthInHours(previous)).toBe(lengthInHours(resolved));
      }),
    );
  });

  it("yoy: the same dates a year earlier, within a day of the length", () => {
    fc.assert(
      fc.property(periodArb, nowArb, fc.constantFrom(...ZONES), (period, now, zone) => {
        const resolved = resolvePeriod(period, now, zone);
        const yoy = comparisonPeriod(resolved, "yoy")!;
        expect(yoy.from).toBe(formatIsoDate(shiftYears(parseIsoDate(resolved.from), -1)));
        expect(yoy.to).toBe(formatIsoDate(shiftYears(parseIsoDate(resolved.to), -1)));
        // a 29 February gained or lost
        expect(Math.abs(resolved.days - yoy.days)).toBeLessThanOrEqual(1);
        expect(yoy.start.getTime()).toBeLessThan(yoy.end.getTime());
      }),
    );
  });
});

describe("resolvePeriod properties", () => {
  const nowArb = fc.date({ min: at("1972-01-01T00:00:00Z"), max: at("2100-01-01T00:00:00Z"), noInvalidDate: true });
  const anyPeriod = fc.oneof(
    fc.constantFrom(...ROLLING_PERIODS).map((kind): DashboardPeriod => ({ kind })),
    fc
      .record({ year: fc.integer({ min: 1972, max: 2100 }), q: fc.integer({ min: 1, max: 4 }) })
      .map(({ year, q }) => quarter(year, q)),
    fc
      .tuple(fc.integer({ min: dayNumber(1972, 1, 1), max: dayNumber(2100, 1, 1) }), fc.integer({ min: 0, max: 1094 }))
      .map(([from, extra]) => custom(formatIsoDate(from), formatIsoDate(from + extra))),
  );

  it("is half-open, non-empty and made of whole local days", () => {
    fc.assert(
      fc.property(anyPeriod, nowArb, fc.constantFrom(...ZONES), (period, now, zone) => {
        const p = resolvePeriod(period, now, zone);
        expect(p.start.getTime()).toBeLessThan(p.end.getTime());
        expect(zonedDay(p.start, zone)).toBe(parseIsoDate(p.from));
        expect(zonedDay(p.end.getTime() - 1, zone)).toBe(parseIsoDate(p.to));
        expect(zonedDay(p.end, zone)).toBe(parseIsoDate(p.to) + 1);
        expect(p.days).toBe(parseIsoDate(p.to) - parseIsoDate(p.from) + 1);
        if (period.kind !== "quarter" && period.kind !== "custom") {
          expect(now >= p.start && now < p.end).toBe(true);
        }
      }),
    );
  });

  it("is monotone in now", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLLING_PERIODS),
        nowArb,
        nowArb,
        fc.constantFrom(...ZONES),
        (kind, a, b, zone) => {
          const [earlier, later] = a <= b ? [a, b] : [b, a];
          const p = resolvePeriod({ kind }, earlier, zone);
          const q = resolvePeriod({ kind }, later, zone);
          expect(p.start.getTime()).toBeLessThanOrEqual(q.start.getTime());
          expect(p.end.getTime()).toBeLessThanOrEqual(q.end.getTime());
        },
      ),
    );
  });
});

describe("monthsBetween and monthlyBuckets", () => {
  it("covers a 24-month trend ending with the current month", () => {
    const window = trailingMonths(at("2026-03-15T12:00:00Z"), 24);
    expect(window.start.toISOString()).toBe("2024-04-01T00:00:00.000Z");
    expect(window.end.toISOString()).toBe("2026-03-16T00:00:00.000Z");
    const buckets = monthlyBuckets(window.start, window.end);
    expect(monthsBetween(window.start, window.end)).toBe(24);
    expect(buckets.map((b) => b.month)).toHaveLength(24);
    expect(buckets[0]).toMatchObject({ month: "2024-04", label: "Apr 2024", partial: false });
    expect(buckets.at(-1)).toMatchObject({ month: "2026-03", label: "Mar 2026", partial: true });
    expect(buckets.at(-1)!.end).toEqual(window.end);
  });

  it.each([
    ["inside one month", "2026-03-05T00:00:00Z", "2026-03-09T00:00:00Z", ["2026-03"]],
    ["one whole month", "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z", ["2026-02"]],
    ["a month and an instant", "2026-02-01T00:00:00Z", "2026-03-01T00:00:00.001Z", ["2026-02", "2026-03"]],
    ["across a new year", "2025-11-30T00:00:00Z", "2026-01-02T00:00:00Z", ["2025-11", "2025-12", "2026-01"]],
    ["empty", "2026-03-01T00:00:00Z", "2026-03-01T00:00:00Z", []],
    ["reversed", "2026-04-01T00:00:00Z", "2026-03-01T00:00:00Z", []],
  ])("%s", (_name, start, end, months) => {
    expect(monthsBetween(at(start), at(end))).toBe(months.length);
    expect(monthlyBuckets(at(start), at(end)).map((b) => b.month)).toEqual(months);
  });

  it("starts months at local midnight (Warsaw)", () => {
    const period = resolvePeriod(quarter(2026, 1), at("2026-05-05T00:00:00Z"), "Europe/Warsaw");
    const buckets = monthlyBuckets(period.start, period.end, "Europe/Warsaw");
    expect(buckets.map((b) => [b.month, b.start.toISOString(), b.partial])).toEqual([
      ["2026-01", "2025-12-31T23:00:00.000Z", false],
      ["2026-02", "2026-01-31T23:00:00.000Z", false],
      ["2026-03", "2026-02-28T23:00:00.000Z", false],
    ]);
    expect(buckets.at(-1)!.end.toISOString()).toBe("2026-03-31T22:00:00.000Z");
  });

  it("rejects invalid dates", () => {
    expect(() => monthlyBuckets(new Date(Number.NaN), new Date())).toThrow(
      "A trend range needs valid start and end dates.",
    );
    expect(() => trailingMonths(new Date(), 0)).toThrow("A trend spans at least one whole month.");
  });

  it("tiles the range exactly, one non-empty bucket per month", () => {
    const instant = fc.date({ min: at("1990-01-01T00:00:00Z"), max: at("2040-01-01T00:00:00Z"), noInvalidDate: true });
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 3 * 365 * 24 * 3600 * 1000 }),
        fc.constantFrom(...ZONES),
        (start, length, zone) => {
          const end = new Date(start.getTime() + length);
          const buckets = monthlyBuckets(start, end, zone);
          expect(buckets).toHaveLength(monthsBetween(start, end, zone));
          expect(buckets[0]!.start).toEqual(start);
          expect(buckets.at(-1)!.end).toEqual(end);
          buckets.forEach((bucket, i) => {
            expect(bucket.start.getTime()).toBeLessThan(bucket.end.getTime());
            if (i > 0) expect(bucket.start).toEqual(buckets[i - 1]!.end);
          });
          expect(new Set(buckets.map((b) => b.month)).size).toBe(buckets.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
