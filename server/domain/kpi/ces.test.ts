import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cesTotalsFromScoreCounts, computeCes } from "./ces";
import { countScores } from "./score-counts";

describe("cesTotalsFromScoreCounts", () => {
  it.each([
    [{}, { sum: 0, count: 0, easyCount: 0 }],
    [
      { 1: 1, 4: 1, 5: 1, 7: 1 },
      { sum: 17, count: 4, easyCount: 2 },
    ],
    [{ 7: 3 }, { sum: 21, count: 3, easyCount: 3 }],
  ])("%j → %j", (counts, expected) => {
    expect(cesTotalsFromScoreCounts(counts)).toEqual(expected);
  });

  it("rejects a score outside 1–7", () => {
    expect(() => cesTotalsFromScoreCounts({ 8: 1 })).toThrow(/Score 8 is outside the CES range 1–7/);
  });
});

describe("computeCes", () => {
  it.each([
    [{ sum: 0, count: 0, easyCount: 0 }, null, null],
    [{ sum: 7, count: 7, easyCount: 0 }, 1, 0],
    [{ sum: 49, count: 7, easyCount: 7 }, 7, 100],
    [{ sum: 17, count: 4, easyCount: 2 }, 4.25, 50],
  ])("%j → mean %s, easy %s%", (totals, mean, easy) => {
    expect(computeCes(totals)).toMatchObject({ ...totals, value: mean, easyPercent: easy, sampleSize: totals.count });
  });

  it.each([
    [29, true],
    [30, false],
  ])("n = %i → lowSample %s", (count, lowSample) => {
    expect(computeCes({ sum: count * 4, count, easyCount: 0 }).lowSample).toBe(lowSample);
  });

  it.each([
    [{ sum: 3, count: 4, easyCount: 0 }, /A CES sum of 3 is impossible for 4 answers/],
    [{ sum: 29, count: 4, easyCount: 0 }, /impossible/],
    [{ sum: 1, count: 0, easyCount: 0 }, /impossible/],
    [{ sum: Number.NaN, count: 1, easyCount: 0 }, /impossible/],
    [{ sum: 20, count: 4, easyCount: 5 }, /easyCount \(5\) cannot exceed count \(4\)/],
    [{ sum: 4, count: -4, easyCount: 0 }, /count must be a whole number/],
  ])("rejects %j", (totals, message) => {
    expect(() => computeCes(totals)).toThrow(message);
  });

  it("keeps the mean within 1…7 and the easy share within 0…100, whatever the answers and their order", () => {
    const answers = fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 200 });
    fc.assert(
      fc.property(answers, (list) => {
        const figure = computeCes(cesTotalsFromScoreCounts(countScores(list)));
        expect(figure.value).toBeGreaterThanOrEqual(1);
        expect(figure.value).toBeLessThanOrEqual(7);
        expect(figure.easyPercent).toBeGreaterThanOrEqual(0);
        expect(figure.easyPercent).toBeLessThanOrEqual(100);
        expect(figure.sum).toBe(list.reduce((a, b) => a + b, 0));
        expect(computeCes(cesTotalsFromScoreCounts(countScores([...list].reverse())))).toEqual(figure);
      }),
    );
  });
});
