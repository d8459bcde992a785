import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHANNELS } from "../enums";
import { dayNumber, formatIsoDate } from "./calendar";
import { dashboardFiltersQuery, ROLLING_PERIODS, serializeDashboardFilters } from "./filter-query";
import {
  type DashboardFilters,
  dashboardFiltersInput,
  defaultDashboardFilters,
  parseDashboardSearchParams,
  type SearchParams,
} from "./filters";

const defaults: DashboardFilters = { period: { kind: "last90" }, comparison: "previous", segmentIds: [] };
const custom = (from: string, to: string) => ({ kind: "custom" as const, from, to });
const firstMessage = (input: unknown) => dashboardFiltersInput.safeParse(input).error?.issues[0]?.message;

describe("dashboardFiltersInput", () => {
  it("defaults to the last 90 days against the previous 90, unfiltered", () => {
    expect(dashboardFiltersInput.parse({})).toEqual(defaults);
    expect(defaultDashboardFilters()).toEqual(defaults);
  });

  it("hands out a fresh segment list each time", () => {
    defaultDashboardFilters().segmentIds.push(1);
    expect(defaultDashboardFilters().segmentIds).toEqual([]);
  });

  it.each([
    [{ period: { kind: "last30" } }],
    [{ period: { kind: "last365" }, comparison: "none" }],
    [{ period: { kind: "quarter", year: 2026, quarter: 4 }, comparison: "yoy" }],
    [{ period: custom("2024-02-29", "2024-02-29") }],
    [{ period: custom("2023-01-01", "2025-12-31") }],
    [{ period: custom("2024-02-29", "2027-02-27") }],
    [{ segmentIds: Array.from({ length: 20 }, (_, i) => i + 1), channel: "call_centre", stageId: 12 }],
    [{ region: "Île-de-France" }],
  ])("accepts %j", (input) => {
    expect(dashboardFiltersInput.parse(input)).toEqual({ ...defaults, ...input });
  });

  it("trims the region", () => {
    expect(dashboardFiltersInput.parse({ region: "  Poland " }).region).toBe("Poland");
  });

  it.each([
    [
      { period: custom("2026-03-31", "2026-01-01") },
      "The period ends (2026-01-01) before it starts (2026-03-31); swap the dates.",
    ],
    [
      { period: custom("2023-01-01", "2026-01-01") },
      "A custom period spans at most 3 years; 2023-01-01..2026-01-01 is longer. Choose a shorter range.",
    ],
    [{ period: custom("2024-02-29", "2027-02-28") }, /at most 3 years/],
    [{ period: custom("2026-02-01", "2026-02-30") }, "2026-02-30 is not a date in the calendar."],
    [{ period: custom("2025-02-29", "2025-03-01") }, "2025-02-29 is not a date in the calendar."],
    [{ period: custom("2026-04-31", "2026-05-01") }, "2026-04-31 is not a date in the calendar."],
    [{ period: custom("2026-13-01", "2026-13-02") }, "2026-13-01 is not a date in the calendar."],
    [{ period: custom("2026-1-1", "2026-01-02") }, '"2026-1-1" is not a date in the form YYYY-MM-DD, e.g. 2026-03-31.'],
    [{ period: custom("1969-12-31", "1970-01-02") }, "1969-12-31 is too early; dates start at 1970-01-01."],
    [{ period: { kind: "quarter", year: 2026, quarter: 5 } }, "A quarter is 1, 2, 3 or 4."],
    [{ period: { kind: "quarter", year: 1969, quarter: 1 } }, "A quarter's year is a whole number from 1970 to 9999."],
    [{ period: { kind: "quarter", year: 2026.5, quarter: 1 } }, /whole number/],
    [{ period: { kind: "last7" } }, "A period is one of last30, last90, last365, quarter or custom."],
    [{ comparison: "lastYear" }, "Compare with previous, yoy, none."],
    [{ segmentIds: [3, 3] }, "Select each segment once."],
    [{ segmentIds: Array.from({ length: 21 }, (_, i) => i + 1) }, "Select at most 20 segments."],
    [{ segmentIds: [0] }, "A segment id is a whole number from 1 to 2147483647."],
    [{ segmentIds: [2 ** 31] }, "A segment id is a whole number from 1 to 2147483647."],
    [{ channel: "fax" }, "A channel is one of store, web, app, call_centre, email, social, chat."],
    [{ region: "   " }, "A region name cannot be empty."],
    [{ region: "x".repeat(81) }, "A region name is at most 80 characters."],
    [{ stageId: 1.5 }, "A journey stage id is a whole number from 1 to 2147483647."],
  ])("rejects %j", (input, message) => {
    if (typeof message === "string") expect(firstMessage(input)).toBe(message);
    else expect(firstMessage(input)).toMatch(message);
  });
});

describe("parseDashboardSearchParams", () => {
  it.each<[string, SearchParams, Partial<DashboardFilters>]>([
    ["nothing", {}, {}],
    ["empty values", { period: "", segment: "", region: "  ", compare: [] }, {}],
    ["a rolling period", { period: "last30" }, { period: { kind: "last30" } }],
    [
      "a keyword in capitals",
      { period: "LAST365", compare: "YoY", channel: "Web" },
      { period: { kind: "last365" }, comparison: "yoy", channel: "web" },
    ],
    ["a quarter", { period: "2026-Q3" }, { period: { kind: "quarter", year: 2026, quarter: 3 } }],
    ["a lower-case quarter", { period: "2026-q1" }, { period: { kind: "quarter", year: 2026, quarter: 1 } }],
    ["a date range", { period: "2026-01-01..2026-03-31" }, { period: custom("2026-01-01", "2026-03-31") }],
    ["no comparison", { compare: "none" }, { comparison: "none" }],
    ["segments", { segment: "3,7" }, { segmentIds: [3, 7] }],
    ["repeated segments", { segment: ["3", "7"] }, { segmentIds: [3, 7] }],
    ["duplicate segments and stray commas", { segment: " 3, 3,,7, " }, { segmentIds: [3, 7] }],
    ["a channel", { channel: "call_centre" }, { channel: "call_centre" }],
    ["a region, trimmed", { region: "  Poland " }, { region: "Poland" }],
    ["a stage", { stage: "12" }, { stageId: 12 }],
    ["the first of a repeated parameter", { period: ["last30", "last365"] }, { period: { kind: "last30" } }],
    ["unknown parameters, ignored", { utm_source: "mail", tab: "trend" }, {}],
  ])("reads %s", (_name, params, expected) => {
    expect(parseDashboardSearchParams(params)).toEqual({ filters: { ...defaults, ...expected }, errors: [] });
  });

  it.each<[string, SearchParams, string]>([
    [
      "an unknown period",
      { period: "yesterday" },
      'Unknown period "yesterday"; use last30, last90, last365, a quarter such as 2026-Q3, or dates such as 2026-01-01..2026-03-31. Showing the last 90 days instead.',
    ],
    [
      "a fifth quarter",
      { period: "2026-Q5" },
      'Ignored period "2026-Q5": A quarter is 1, 2, 3 or 4. Showing the last 90 days instead.',
    ],
    [
      "a date not in the calendar",
      { period: "2026-02-30..2026-03-31" },
      'Ignored period "2026-02-30..2026-03-31": 2026-02-30 is not a date in the calendar. Showing the last 90 days instead.',
    ],
    [
      "a reversed range",
      { period: "2026-03-31..2026-01-01" },
      'Ignored period "2026-03-31..2026-01-01": The period ends (2026-01-01) before it starts (2026-03-31); swap the dates. Showing the last 90 days instead.',
    ],
    [
      "a range too long",
      { period: "2020-01-01..2026-01-01" },
      expect.stringContaining("spans at most 3 years") as unknown as string,
    ],
    [
      "an unknown comparison",
      { compare: "lastyear" },
      'Unknown comparison "lastyear"; use previous, yoy or none. Showing the previous period instead.',
    ],
    [
      "a segment that is not an id",
      { segment: "3,enterprise" },
      'Ignored segment filter "3,enterprise": list segment ids as whole numbers, e.g. segment=3,7. Showing all segments instead.',
    ],
    [
      "too many segments",
      { segment: Array.from({ length: 21 }, (_, i) => String(i + 1)).join(",") },
      expect.stringMatching(
        /^Ignored segment filter "1,2,3.*…": Select at most 20 segments\. Showing all segments instead\.$/,
      ) as unknown as string,
    ],
    [
      "an unknown channel",
      { channel: "fax" },
      'Unknown channel "fax"; use one of store, web, app, call_centre, email, social, chat. Showing all channels instead.',
    ],
    [
      "a region too long",
      { region: "r".repeat(81) },
      `Ignored region "${"r".repeat(39)}…": A region name is at most 80 characters. Showing all regions instead.`,
    ],
    [
      "a stage name",
      { stage: "delivery" },
      'Ignored journey stage "delivery": give its id, e.g. stage=12. Showing all journey stages instead.',
    ],
    [
      "stage 0",
      { stage: "0" },
      'Ignored journey stage "0": A journey stage id is a whole number from 1 to 2147483647. Showing all journey stages instead.',
    ],
  ])("falls back on %s, saying why", (_name, params, message) => {
    expect(parseDashboardSearchParams(params)).toEqual({ filters: defaults, errors: [message] });
  });

  it("keeps the good fields when others are bad", () => {
    const { filters, errors } = parseDashboardSearchParams({
      period: "2026-Q3",
      compare: "x",
      segment: "a",
      channel: "web",
      stage: "-1",
    });
    expect(filters).toEqual({ ...defaults, period: { kind: "quarter", year: 2026, quarter: 3 }, channel: "web" });
    expect(errors).toHaveLength(3);
  });

  it("never throws, and what it returns is valid input", () => {
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom("last30", "2026-Q2", "2026-01-01..2026-02-01", "3,7", "web", "12"),
    );
    const params = fc.dictionary(
      fc.constantFrom("period", "compare", "segment", "channel", "region", "stage", "other"),
      fc.option(fc.oneof(value, fc.array(value, { maxLength: 3 })), { nil: undefined }),
    );
    fc.assert(
      fc.property(params, (input) => {
        const { filters } = parseDashboardSearchParams(input);
        expect(dashboardFiltersInput.parse(filters)).toEqual(filters);
      }),
    );
  });
});

describe("serializeDashboardFilters", () => {
  it("leaves the defaults out, so the default URL is bare", () => {
    expect(serializeDashboardFilters(defaults).toString()).toBe("");
    expect(dashboardFiltersQuery(defaults)).toBe("");
  });

  it("writes short, readable parameters", () => {
    const filters: DashboardFilters = {
      period: { kind: "quarter", year: 2026, quarter: 3 },
      comparison: "yoy",
      segmentIds: [3, 7],
      channel: "web",
      region: "Lower Silesia, PL",
      stageId: 12,
    };
    expect(dashboardFiltersQuery(filters)).toBe(
      "period=2026-Q3&compare=yoy&segment=3,7&channel=web&region=Lower+Silesia,+PL&stage=12",
    );
    expect(dashboardFiltersQuery({ ...defaults, period: custom("2026-01-01", "2026-03-31") })).toBe(
      "period=2026-01-01..2026-03-31",
    );
  });
});

const MIN_DAY = dayNumber(1970, 1, 1);
const MAX_DAY = dayNumber(9996, 12, 31);

const periodArb = fc.oneof(
  fc.constantFrom(...ROLLING_PERIODS).map((kind) => ({ kind })),
  fc.record({
    kind: fc.constant("quarter" as const),
    year: fc.integer({ min: 1970, max: 9999 }),
    quarter: fc.integer({ min: 1, max: 4 }),
  }),
  // 1,094 extra days at most: always under the 3-year limit
  fc
    .tuple(fc.integer({ min: MIN_DAY, max: MAX_DAY }), fc.integer({ min: 0, max: 1094 }))
    .map(([from, extra]) => custom(formatIsoDate(from), formatIsoDate(from + extra))),
);

const filtersArb: fc.Arbitrary<DashboardFilters> = fc.record(
  {
    period: periodArb,
    comparison: fc.constantFrom("previous", "yoy", "none"),
    segmentIds: fc.uniqueArray(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { maxLength: 20 }),
    channel: fc.constantFrom(...CHANNELS),
    region: fc
      .string({ unit: "grapheme", minLength: 1, maxLength: 80 })
      .map((text) => text.trim())
      .filter((text) => text.length >= 1 && text.length <= 80),
    stageId: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  },
  { requiredKeys: ["period", "comparison", "segmentIds"] },
);

describe("round trip", () => {
  it("parse(serialize(f)) = f for every valid f", () => {
    fc.assert(
      fc.property(filtersArb, (filters) => {
        expect(dashboardFiltersInput.parse(filters)).toEqual(filters);
        const params = Object.fromEntries(serializeDashboardFilters(filters));
        expect(parseDashboardSearchParams(params)).toEqual({ filters, errors: [] });
      }),
      { numRuns: 500 },
    );
  });

  it("survives the readable query string too", () => {
    fc.assert(
      fc.property(filtersArb, (filters) => {
        const params = Object.fromEntries(new URLSearchParams(dashboardFiltersQuery(filters)));
        expect(parseDashboardSearchParams(params).filters).toEqual(filters);
      }),
    );
  });
});
