import { describe, expect, it } from "vitest";
import { countBetween, countScores, denseScoreCounts } from "./score-counts";

describe("denseScoreCounts", () => {
  it("accepts a record keyed by score and fills missing scores with 0", () => {
    expect(denseScoreCounts("csat", { 5: 3, 1: 2 })).toEqual([2, 0, 0, 0, 3]);
  });

  it("accepts an array indexed by score", () => {
    expect(denseScoreCounts("nps", [1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3])).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3]);
  });

  it("accepts string keys, as Object.fromEntries of SQL rows gives", () => {
    expect(denseScoreCounts("ces", Object.fromEntries([["7", 4]]))).toEqual([0, 0, 0, 0, 0, 0, 4]);
  });

  it.each([
    ["csat", { 0: 1 }, /Score 0 is outside the CSAT range 1–5/],
    ["nps", { 11: 1 }, /Score 11 is outside the NPS range 0–10/],
    ["ces", { 8: 1 }, /outside the CES range 1–7/],
    ["nps", { 2.5: 1 }, /Score 2.5 is outside/],
    ["nps", { 3: -1 }, /The count of score 3 must be a whole number ≥ 0/],
    ["nps", { 3: 0.5 }, /must be a whole number/],
  ] as const)("%s %j throws", (kind, counts, message) => {
    expect(() => denseScoreCounts(kind, counts)).toThrow(message);
  });
});

describe("countScores and countBetween", () => {
  it("tallies scores in any order", () => {
    expect(countScores([3, 1, 3, 3])).toEqual({ 1: 1, 3: 3 });
    expect(countScores([])).toEqual({});
  });

  it("sums an inclusive score range", () => {
    expect(countBetween([1, 2, 3, 4, 5], 1, 4, 5)).toBe(9);
    expect(countBetween([1, 2, 3, 4, 5], 1, 1, 1)).toBe(1);
  });
});
