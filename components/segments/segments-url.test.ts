import { describe, expect, it } from "vitest";
import { parseSegmentsSearchParams } from "./parse-segments-params";
import {
  compareHref,
  DEFAULT_SEGMENTS_FILTERS,
  parseIdParam,
  segmentHref,
  segmentsFilterParams,
  segmentsHref,
} from "./segments-url";

describe("segments URL state", () => {
  it("leaves the defaults out of the URL", () => {
    expect(segmentsHref(DEFAULT_SEGMENTS_FILTERS)).toBe("/segments");
    expect(segmentHref(4, DEFAULT_SEGMENTS_FILTERS)).toBe("/segments/4");
  });

  it.each([
    [{ kind: "last90" as const }, "previous" as const, "period=last90"],
    [{ kind: "quarter" as const, year: 2026, quarter: 2 }, "yoy" as const, "period=2026-Q2&compare=yoy"],
    [
      { kind: "custom" as const, from: "2026-01-01", to: "2026-03-31" },
      "none" as const,
      "period=2026-01-01..2026-03-31&compare=none",
    ],
  ])("writes %o / %s and reads it back", (period, comparison, query) => {
    const params = segmentsFilterParams({ period, comparison });
    expect(decodeURIComponent(params.toString())).toBe(query);
    const back = parseSegmentsSearchParams(Object.fromEntries(params));
    expect(back).toEqual({ filters: { period, comparison }, errors: [] });
  });

  it("reads a bare URL as the last 365 days against the previous period", () => {
    expect(parseSegmentsSearchParams({})).toEqual({ filters: DEFAULT_SEGMENTS_FILTERS, errors: [] });
    expect(parseSegmentsSearchParams({ period: " " }).filters).toEqual(DEFAULT_SEGMENTS_FILTERS);
  });

  it("falls back to the segments default on a bad period, and says so", () => {
    const { filters, errors } = parseSegmentsSearchParams({ period: "fortnight", compare: "sideways" });
    expect(filters).toEqual(DEFAULT_SEGMENTS_FILTERS);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/Unknown period "fortnight".*Showing the last 365 days instead\./);
    expect(errors[1]).toMatch(/Unknown comparison "sideways"/);
  });

  it("builds comparison links with or without both sides, keeping the period", () => {
    const filters = { period: { kind: "last30" as const }, comparison: "previous" as const };
    expect(compareHref(1, 2, filters)).toBe("/segments/compare?a=1&b=2&period=last30");
    expect(compareHref(3, undefined, DEFAULT_SEGMENTS_FILTERS)).toBe("/segments/compare?a=3");
    expect(compareHref(undefined, undefined, DEFAULT_SEGMENTS_FILTERS)).toBe("/segments/compare");
  });

  it.each([
    ["12", 12],
    [["7", "8"], 7],
    [" 3 ", 3],
    ["0", undefined],
    ["-1", undefined],
    ["1.5", undefined],
    ["abc", undefined],
    ["2147483648", undefined],
    [undefined, undefined],
  ])("reads the id %o as %o", (value, expected) => {
    expect(parseIdParam(value)).toBe(expected);
  });
});
