import { describe, expect, it } from "vitest";
import type { TrendsPayload } from "@/server/domain/dashboard/payload";
import { computeNps } from "@/server/domain/kpi";
import { csatFigureOf, FIXTURE_MONTHS, npsFigureOf, trendsFixture } from "./fixtures";
import { buildTrendModel, monthSpan, niceScoreAxis } from "./trends-data";

const months = ["2026-01", "2026-02", "2026-03"];
const payload: TrendsPayload = {
  currency: "USD",
  months,
  series: [
    {
      segmentId: null,
      name: "",
      color: null,
      points: [
        { month: "2026-01", nps: npsFigureOf(100, 20), csat: csatFigureOf(100, 80), revenue: "1000.50" },
        {
          month: "2026-03",
          nps: computeNps({ promoters: 6, passives: 2, detractors: 2 }),
          csat: csatFigureOf(0, 0),
          revenue: "-20.00",
        },
      ],
    },
    {
      segmentId: 4,
      name: "Families",
      color: "#16a34a",
      points: months.map((month) => ({
        month,
        nps: npsFigureOf(50, 10),
        csat: csatFigureOf(50, 70),
        revenue: "10.00",
      })),
    },
  ],
  annotations: [
    { month: "2026-03", kpi: "nps", change: 20, marginOfError: 15, segmentId: null },
    { month: "2026-02", kpi: "csat", change: -5, marginOfError: 3, segmentId: 4 },
    { month: "2026-02", kpi: "nps", change: 9, marginOfError: 2, segmentId: 99 },
  ],
  targets: [
    { kpi: "nps", value: 30, periodStart: "2025-07-01", periodEnd: "2026-02-28" },
    { kpi: "csat", value: 80, periodStart: "2027-01-01", periodEnd: "2027-06-30" },
    { kpi: "revenue", value: 3000, periodStart: "2026-01-01", periodEnd: "2026-03-31" },
  ],
};

describe("buildTrendModel", () => {
  it("gives one row per month with every series' figures; a missing month is no data", () => {
    const { rows, series } = buildTrendModel(payload, "nps", "All segments");
    expect(series.map((s) => [s.name, s.isTotal])).toEqual([
      ["All segments", true],
      ["Families", false],
    ]);
    expect(rows.map((row) => row.month)).toEqual(months);
    expect(rows[0]).toMatchObject({ score0: 20, n0: 100, low0: false, revenue0: 1000.5, revenueExact0: "1000.50" });
    expect(rows[1]).toMatchObject({ score0: null, n0: 0, low0: true, revenue0: null, revenueExact0: null, score1: 10 });
    expect(rows[2]).toMatchObject({ score0: 40, n0: 10, low0: true, revenueExact0: "-20.00" });
  });

  it("reads CSAT when asked", () => {
    const { rows } = buildTrendModel(payload, "csat", "All segments");
    expect(rows[0]?.score0).toBe(80);
    expect(rows[2]?.score0).toBeNull();
  });

  it("clips target lines to the months shown and drops targets outside them", () => {
    expect(buildTrendModel(payload, "nps", "All segments").scoreTargets).toEqual([
      { value: 30, from: "2026-01", to: "2026-02" },
    ]);
    expect(buildTrendModel(payload, "csat", "All segments").scoreTargets).toEqual([]);
  });

  it("draws a revenue target as its monthly pace", () => {
    expect(buildTrendModel(payload, "nps", "All segments").revenueTargets).toEqual([
      { value: 1000, from: "2026-01", to: "2026-03" },
    ]);
  });

  it("places markers of the chosen KPI on their series, skipping unknown series", () => {
    expect(buildTrendModel(payload, "nps", "All segments").markers).toEqual([
      { month: "2026-03", seriesIndex: 0, value: 40, change: 20, marginOfError: 15 },
    ]);
    expect(buildTrendModel(payload, "csat", "All segments").markers).toEqual([
      { month: "2026-02", seriesIndex: 1, value: 70, change: -5, marginOfError: 3 },
    ]);
  });

  it("shapes the 24-month fixture", () => {
    const model = buildTrendModel(trendsFixture(true), "nps", "All segments");
    expect(model.rows).toHaveLength(24);
    expect(model.series).toHaveLength(7);
    expect(model.markers.length).toBeGreaterThan(0);
    expect(FIXTURE_MONTHS.at(-1)).toBe("2026-09");
  });
});

describe("monthSpan", () => {
  it.each([
    ["2026-01", "2026-03", 3],
    ["2025-11", "2026-02", 4],
    ["2026-03", "2026-03", 1],
    ["2026-04", "2026-03", 0],
  ])("%s..%s → %d", (from, to, expected) => {
    expect(monthSpan(from, to)).toBe(expected);
  });
});

describe("niceScoreAxis", () => {
  it.each([
    [[6.2, 31.9], -100, 100, [0, 40], [0, 10, 20, 30, 40]],
    [[-38, 55], -100, 100, [-40, 60], [-40, -20, 0, 20, 40, 60]],
    [[76.4, 84.9], 0, 100, [76, 86], [76, 78, 80, 82, 84, 86]],
    [[-100, 100], -100, 100, [-100, 100], [-100, -50, 0, 50, 100]],
    [[95, 99.5], 0, 100, [95, 100], [95, 96, 97, 98, 99, 100]],
    [[null, 30], -100, 100, [29, 31], [29, 30, 31]],
    [[], 0, 100, [0, 100], [0, 20, 40, 60, 80, 100]],
  ])("%j in [%d, %d] → %j", (values, lowest, highest, domain, ticks) => {
    expect(niceScoreAxis(values, lowest, highest)).toEqual({ domain, ticks });
  });
});
