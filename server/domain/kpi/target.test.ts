import { describe, expect, it } from "vitest";
import { computeTargetStatus, elapsedShare, HIGHER_IS_BETTER } from "./target";

describe("computeTargetStatus", () => {
  it.each([
    // higher is better (NPS target 40)
    [{ value: 45, target: 40, higherIsBetter: true }, "met"],
    [{ value: 40, target: 40, higherIsBetter: true }, "met"],
    [{ value: 39.9, target: 40, higherIsBetter: true }, "behind"],
    [{ value: null, target: 40, higherIsBetter: true }, null],
    // half-way through, from 20 towards 40: 30 or more is on track
    [{ value: 30, target: 40, higherIsBetter: true, glidePath: { baseline: 20, elapsedShare: 0.5 } }, "onTrack"],
    [{ value: 29, target: 40, higherIsBetter: true, glidePath: { baseline: 20, elapsedShare: 0.5 } }, "behind"],
    [{ value: 20, target: 40, higherIsBetter: true, glidePath: { baseline: 20, elapsedShare: 0 } }, "onTrack"],
    [{ value: 19, target: 40, higherIsBetter: true, glidePath: { baseline: 20, elapsedShare: 0 } }, "behind"],
    [{ value: 39, target: 40, higherIsBetter: true, glidePath: { baseline: 20, elapsedShare: 1 } }, "behind"],
    [{ value: 35, target: 40, higherIsBetter: true, glidePath: { baseline: null, elapsedShare: 0.1 } }, "behind"],
    [{ value: 35, target: 40, higherIsBetter: true, glidePath: { baseline: 45, elapsedShare: 0.1 } }, "behind"],
    [{ value: 35, target: 40, higherIsBetter: true, glidePath: null }, "behind"],
    // lower is better (churn target 5%)
    [{ value: 4, target: 5, higherIsBetter: false }, "met"],
    [{ value: 5, target: 5, higherIsBetter: false }, "met"],
    [{ value: 6, target: 5, higherIsBetter: false }, "behind"],
    [{ value: 6, target: 5, higherIsBetter: false, glidePath: { baseline: 9, elapsedShare: 0.5 } }, "onTrack"],
    [{ value: 8, target: 5, higherIsBetter: false, glidePath: { baseline: 9, elapsedShare: 0.5 } }, "behind"],
  ] as const)("%j → %s", (input, status) => {
    expect(computeTargetStatus(input)).toBe(status);
  });

  it("knows that lower churn and less revenue at risk are better", () => {
    expect(HIGHER_IS_BETTER).toEqual({
      nps: true,
      csat: true,
      ces: true,
      revenue: true,
      churn: false,
      revenue_at_risk: false,
    });
  });
});

describe("elapsedShare", () => {
  const period = { start: new Date("2024-01-01T00:00:00Z"), end: new Date("2024-01-11T00:00:00Z") };

  it.each([
    ["2023-12-31T00:00:00Z", 0],
    ["2024-01-01T00:00:00Z", 0],
    ["2024-01-06T00:00:00Z", 0.5],
    ["2024-01-11T00:00:00Z", 1],
    ["2024-02-01T00:00:00Z", 1],
  ])("at %s → %s", (now, share) => {
    expect(elapsedShare(period, new Date(now))).toBe(share);
  });

  it("rejects an empty period", () => {
    expect(() => elapsedShare({ start: period.end, end: period.end }, period.end)).toThrow(/must end after it starts/);
  });
});
