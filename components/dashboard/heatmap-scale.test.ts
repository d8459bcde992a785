import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { HeatmapPayload } from "@/server/domain/dashboard/payload";
import { computeNps } from "@/server/domain/kpi";
import { csatFigureOf, heatmapFixture, npsFigureOf } from "./fixtures";
import { buildHeatGrid, heatBackground, heatLevel, isHeatGridEmpty, MAX_MIX } from "./heatmap-scale";

describe("heatLevel", () => {
  it.each([
    ["nps", 0, "neutral", 0],
    ["nps", 25, "good", 0.5],
    ["nps", -25, "bad", 0.5],
    ["nps", 80, "good", 1],
    ["nps", -100, "bad", 1],
    ["csat", 75, "neutral", 0],
    ["csat", 85, "good", 0.5],
    ["csat", 40, "bad", 1],
  ] as const)("%s %d → %s %d", (kpi, value, tone, strength) => {
    expect(heatLevel(kpi, value)).toEqual({ tone, strength });
  });

  it("has no level without data", () => {
    expect(heatLevel("nps", null)).toBeNull();
    expect(heatBackground(null)).toBeUndefined();
  });

  it("is symmetric around the neutral point and never decreases away from it", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (a, b) => {
          const [near, far] = a <= b ? [a, b] : [b, a];
          const up = heatLevel("nps", near)!;
          const down = heatLevel("nps", -near)!;
          expect(up.strength).toBeCloseTo(down.strength, 12);
          expect(heatLevel("nps", far)!.strength).toBeGreaterThanOrEqual(up.strength);
          expect(up.strength).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe("heatBackground", () => {
  it("mixes the theme's end colour into the mid colour, capped for text contrast", () => {
    expect(heatBackground({ tone: "good", strength: 1 })).toBe(
      `color-mix(in oklab, var(--heat-good) ${Math.round(MAX_MIX * 100)}%, var(--heat-mid))`,
    );
    expect(heatBackground({ tone: "bad", strength: 0.5 })).toBe(
      "color-mix(in oklab, var(--heat-bad) 43%, var(--heat-mid))",
    );
    expect(heatBackground({ tone: "neutral", strength: 0 })).toBe("var(--heat-mid)");
  });
});

describe("buildHeatGrid", () => {
  const labels = { noStage: "No stage", noSegment: "No segment" };
  const payload: HeatmapPayload = {
    period: heatmapFixture.period,
    stages: [
      { id: null, name: "", position: null },
      { id: 12, name: "Delivery", position: 4 },
      { id: 10, name: "Awareness", position: 1 },
    ],
    segments: [
      { id: 1, name: "Enterprise", color: "#1d4ed8" },
      { id: null, name: "", color: null },
    ],
    cells: [
      { stageId: 12, segmentId: 1, nps: npsFigureOf(40, -20), csat: csatFigureOf(60, 70) },
      {
        stageId: null,
        segmentId: null,
        nps: computeNps({ promoters: 2, passives: 2, detractors: 1 }),
        csat: csatFigureOf(0, 0),
      },
    ],
  };

  it("orders stages by journey position with the unassigned stage last", () => {
    const grid = buildHeatGrid(payload, "nps", labels);
    expect(grid.stages.map((stage) => stage.name)).toEqual(["Awareness", "Delivery", "No stage"]);
    expect(grid.segments.map((segment) => segment.name)).toEqual(["Enterprise", "No segment"]);
    expect(grid.rows.map((row) => row.map((cell) => cell.stageName))).toEqual([
      ["Awareness", "Awareness"],
      ["Delivery", "Delivery"],
      ["No stage", "No stage"],
    ]);
  });

  it("treats a missing pair as an empty cell, never 0", () => {
    const [awareness] = buildHeatGrid(payload, "nps", labels).rows;
    expect(awareness?.[0]).toMatchObject({ value: null, sampleSize: 0, lowSample: true });
  });

  it("reads the chosen KPI and matches null ids", () => {
    const csat = buildHeatGrid(payload, "csat", labels);
    expect(csat.rows[1]?.[0]).toMatchObject({ segmentName: "Enterprise", value: 70, sampleSize: 60, lowSample: false });
    expect(csat.rows[2]?.[1]).toMatchObject({ value: null, sampleSize: 0 });
    expect(buildHeatGrid(payload, "nps", labels).rows[2]?.[1]).toMatchObject({
      value: 20,
      sampleSize: 5,
      lowSample: true,
    });
  });

  it("knows an empty grid", () => {
    expect(isHeatGridEmpty(buildHeatGrid(payload, "nps", labels))).toBe(false);
    expect(isHeatGridEmpty(buildHeatGrid({ ...payload, cells: [] }, "nps", labels))).toBe(true);
  });

  it("covers every stage × segment of the fixture", () => {
    const grid = buildHeatGrid(heatmapFixture, "nps", labels);
    expect(grid.rows).toHaveLength(8);
    expect(grid.rows.every((row) => row.length === 7)).toBe(true);
  });
});
