import { describe, expect, it } from "vitest";
import { kpiTilesEmptyFixture, kpiTilesFixture } from "@/components/dashboard/fixtures";
import { createTranslator } from "@/server/i18n/core";
import { en } from "@/server/i18n/messages/en";
import { buildTileViews, deltaTone, targetProgress, type TileView } from "./kpi-tile-model";

const t = createTranslator(en);
const views = (payload = kpiTilesFixture) =>
  Object.fromEntries(buildTileViews(payload, t, "en").map((view) => [view.kpi, view])) as Record<
    TileView["kpi"],
    TileView
  >;

describe("deltaTone", () => {
  it.each([
    ["up", true, "good"],
    ["down", true, "bad"],
    ["up", false, "bad"],
    ["down", false, "good"],
    ["flat", true, "neutral"],
    ["flat", false, "neutral"],
    [null, true, "neutral"],
  ] as const)("%s with higherIsBetter=%s is %s", (direction, higherIsBetter, tone) => {
    expect(deltaTone(direction, higherIsBetter)).toBe(tone);
  });
});

describe("targetProgress", () => {
  it.each([
    [31.4, 35, true, 31.4 / 35],
    [40, 35, true, 1],
    [-10, 35, true, 0],
    [8.05, 6, false, 6 / 8.05],
    [5, 6, false, 1],
    [null, 6, false, null],
    [-20, -10, true, 0],
    [-5, -10, true, 1],
  ])("value %s, target %s, higher is better %s → %s", (value, target, higherIsBetter, expected) => {
    const progress = targetProgress(value, target, higherIsBetter);
    if (expected === null) expect(progress).toBeNull();
    else expect(progress).toBeCloseTo(expected, 10);
  });
});

describe("buildTileViews", () => {
  it("builds the six tiles in order", () => {
    expect(buildTileViews(kpiTilesFixture, t, "en").map((view) => view.kpi)).toEqual([
      "nps",
      "csat",
      "ces",
      "revenue",
      "churn",
      "revenue_at_risk",
    ]);
  });

  it("formats each value in its unit", () => {
    const v = views();
    expect(v.nps.value).toMatch(/^\+\d+(\.\d)?$/);
    expect(v.csat.value).toBe("82.3%");
    expect(v.ces.value).toBe("5.21");
    expect(v.revenue.value).toBe("$1,284,530");
    expect(v.churn.value).toBe("8.0%");
    expect(v.revenue_at_risk.value).toBe("$218,940");
  });

  it("shows the sample size, the NPS margin of error and the comparison", () => {
    const v = views();
    expect(v.nps.sampleText).toBe("n = 1,234");
    expect(v.nps.sampleTitle).toBe("1,234 answers");
    expect(v.revenue.sampleTitle).toBe("9,821 orders");
    expect(v.nps.details[0]?.text).toMatch(/^±\d+\.\d pts \(95% margin of error\)$/);
    expect(v.nps.comparisonText).toBe("vs Q2 2026");
  });

  it("colours a rise in churn as bad and a rise in NPS as good", () => {
    const v = views();
    expect(v.nps.delta).toMatchObject({ direction: "up", tone: "good", meaning: "better" });
    expect(v.churn.delta).toMatchObject({ direction: "up", tone: "bad", meaning: "worse" });
    expect(v.revenue_at_risk.delta).toMatchObject({ direction: "down", tone: "good" });
  });

  it("marks a change within the margin of error as not significant", () => {
    const v = views();
    expect(kpiTilesFixture.csat.delta?.significant).toBe(false);
    expect(v.csat.delta?.notSignificant).toBe(true);
    expect(v.revenue.delta?.notSignificant).toBe(false);
  });

  it("writes money changes exactly, with the relative change", () => {
    expect(views().revenue.delta?.text).toBe("+$55,518 (+4.5%)");
  });

  it("shows targets with status and progress", () => {
    const v = views();
    expect(v.nps.target).toMatchObject({ text: "Target +35", status: "onTrack", statusText: "On track" });
    expect(v.revenue.target).toMatchObject({ text: "Target $1.2M", statusText: "Met", progress: 1 });
    expect(v.churn.target?.progress).toBeCloseTo(6 / 8.046875, 6);
    expect(v.revenue_at_risk.target).toBeNull();
  });

  it("gives revenue at risk its churn-weighted figure and window", () => {
    const details = views().revenue_at_risk.details.map((detail) => detail.text);
    expect(details[0]).toMatch(/^Churn-weighted: \$\d{1,3}(,\d{3})*$/);
    expect(details).toContain("Trailing 12 months: Oct 1, 2025 – Sep 30, 2026");
  });

  it("notes the filters a figure ignores", () => {
    const v = views();
    expect(v.nps.ignoredNote).toBeNull();
    expect(v.revenue.ignoredNote).toBe("Not filtered by journey stage");
    expect(v.churn.ignoredNote).toBe("Not filtered by journey stage and channel");
  });

  it("prints — and no change without data, never 0", () => {
    const v = views(kpiTilesEmptyFixture);
    for (const view of Object.values(v)) {
      expect(view.value).toBe("—");
      expect(view.delta).toBeNull();
      expect(view.lowSample).toBe(true);
      expect(view.sparklineSummary).toBe("No data in the last 12 months");
    }
    expect(v.nps.comparisonText).toBe("No comparison period");
    expect(v.revenue_at_risk.details[0]).toEqual({ text: "Churn-weighted: —", lowSample: true });
  });
});
