import { describe, expect, it } from "vitest";
import { feedbackFiltersInput } from "@/server/domain/feedback/filters";
import { parseFeedbackSearchParams } from "@/server/domain/feedback/search-params";
import {
  parseThemeAnalyticsParams,
  rollingPeriodRange,
  themeAnalyticsHref,
  themeImpactInput,
  themeInboxHref,
} from "./analytics-params";

describe("parseThemeAnalyticsParams", () => {
  it("defaults to the last 90 days and no other filter", () => {
    expect(parseThemeAnalyticsParams({})).toEqual({ filters: { period: "last90" }, ignored: [] });
  });

  it("reads period, segment, stage and channel, ignoring case and blanks", () => {
    expect(
      parseThemeAnalyticsParams({ period: "LAST30", segment: "3", stage: ["12", "4"], channel: " Web ", other: "x" }),
    ).toEqual({ filters: { period: "last30", segmentId: 3, stageId: 12, channel: "web" }, ignored: [] });
    expect(parseThemeAnalyticsParams(new URLSearchParams("period=&channel=chat"))).toEqual({
      filters: { period: "last90", channel: "chat" },
      ignored: [],
    });
  });

  it("leaves out what it cannot use and says so, keeping the rest", () => {
    expect(parseThemeAnalyticsParams({ period: "2026-Q1", segment: "0", stage: "x", channel: "fax" })).toEqual({
      filters: { period: "last90" },
      ignored: [
        { param: "period", value: "2026-Q1" },
        { param: "segment", value: "0" },
        { param: "stage", value: "x" },
        { param: "channel", value: "fax" },
      ],
    });
    expect(parseThemeAnalyticsParams({ stage: "99999999999" }).ignored).toEqual([
      { param: "stage", value: "99999999999" },
    ]);
  });
});

describe("themeAnalyticsHref", () => {
  it("leaves the default period out", () => {
    expect(themeAnalyticsHref({ period: "last90" })).toBe("/feedback/analytics");
    expect(themeAnalyticsHref({ period: "last365", segmentId: 3, stageId: 2, channel: "app" })).toBe(
      "/feedback/analytics?period=last365&segment=3&stage=2&channel=app",
    );
  });

  it("is read back by the parser", () => {
    const filters = { period: "last30" as const, segmentId: 7, channel: "email" as const };
    const query = themeAnalyticsHref(filters).split("?")[1];
    expect(parseThemeAnalyticsParams(new URLSearchParams(query)).filters).toEqual(filters);
  });
});

describe("rollingPeriodRange", () => {
  it("counts whole UTC days ending today", () => {
    const now = new Date("2026-03-31T23:30:00-02:00"); // 1 April, 01:30 UTC
    expect(rollingPeriodRange("last30", now)).toEqual({ from: "2026-03-03", to: "2026-04-01" });
    expect(rollingPeriodRange("last90", new Date("2026-03-31T00:00:00Z"))).toEqual({
      from: "2026-01-01",
      to: "2026-03-31",
    });
    expect(rollingPeriodRange("last365", new Date("2024-12-31T12:00:00Z"))).toEqual({
      from: "2024-01-02",
      to: "2024-12-31",
    });
  });
});

describe("themeImpactInput and themeInboxHref", () => {
  const range = { from: "2026-01-01", to: "2026-03-31" };

  it("builds filters themes.impact accepts", () => {
    const input = themeImpactInput({ period: "last90", segmentId: 3, stageId: 5, channel: "web" }, range);
    expect(feedbackFiltersInput.parse(input)).toEqual({ ...range, segmentIds: [3], stageId: 5, channel: "web" });
    expect(themeImpactInput({ period: "last90" }, range)).toEqual({ ...range, segmentIds: [] });
  });

  it("links to the inbox with the theme, the same filters and the period, as the inbox reads them", () => {
    const input = themeImpactInput({ period: "last90", segmentId: 3, channel: "web" }, range);
    const href = themeInboxHref(42, input);
    expect(href).toBe("/feedback?segment=3&channel=web&theme=42&from=2026-01-01&to=2026-03-31");
    const parsed = parseFeedbackSearchParams(new URLSearchParams(href.split("?")[1]));
    expect(parsed.errors).toEqual([]);
    expect(parsed.filters).toMatchObject({ themeId: 42, segmentIds: [3], channel: "web", ...range });
  });
});
