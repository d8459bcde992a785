import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeCsat, csatCountsFromScoreCounts } from "./csat";
import { countScores } from "./score-counts";

describe("csatCountsFromScoreCounts", () => {
  it.each([
    [{}, { satisfied: 0, total: 0 }],
    [
      { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 },
      { satisfied: 2, total: 5 },
    ],
    [{ 3: 7 }, { satisfied: 0, total: 7 }],
    [
      { 4: 2, 5: 3 },
      { satisfied: 5, total: 5 },
    ],
  ])("%j → %j", (counts, expected) => {
    expect(csatCountsFromScoreCounts(counts)).toEqual(expected);
  });

  it("rejects a score outside 1–5", () => {
    expect(() => csatCountsFromScoreCounts([4])).toThrow(/Score 0 is outside the CSAT range 1–5/);
  });
});

describe("computeCsat", () => {
  it.each([
    [0, 0, null, null],
    [0, 10, 0, 0],
    [10, 10, 100, 0],
    [3, 4, 75, 196 * Math.sqrt((0.75 * 0.25) / 4)],
    [50, 100, 50, 9.8],
  ])("%i satisfied of %i → %s (MoE %s)", (satisfied, total, csat, moe) => {
    const figure = computeCsat({ satisfied, total });
    expect(figure.value).toBe(csat);
    if (moe === null) expect(figure.marginOfError).toBeNull();
    else expect(figure.marginOfError).toBeCloseTo(moe, 10);
    expect(figure).toMatchObject({ satisfied, total, sampleSize: total });
  });

  it.each([
    [29, true],
    [30, false],
  ])("n = %i → lowSample %s", (total, lowSample) => {
    expect(computeCsat({ satisfied: 1, total }).lowSample).toBe(lowSample);
  });

  it.each([
    [{ satisfied: 5, total: 4 }, /satisfied \(5\) cannot exceed total \(4\)/],
    [{ satisfied: -1, total: 4 }, /satisfied must be a whole number/],
    [{ satisfied: 1, total: 2.5 }, /total must be a whole number/],
  ])("rejects %j", (counts, message) => {
    expect(() => computeCsat(counts)).toThrow(message);
  });

  it("stays within 0…100 with a margin of error ≥ 0, whatever the answers and their order", () => {
    const answers = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 200 });
    fc.assert(
      fc.property(answers, (list) => {
        const figure = computeCsat(csatCountsFromScoreCounts(countScores(list)));
        expect(figure.value).toBeGreaterThanOrEqual(0);
        expect(figure.value).toBeLessThanOrEqual(100);
        expect(figure.marginOfError).toBeGreaterThanOrEqual(0);
        expect(computeCsat(csatCountsFromScoreCounts(countScores([...list].reverse())))).toEqual(figure);
      }),
    );
  });
});
