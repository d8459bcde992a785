import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SCORE_RANGES } from "../scores";
import { sentimentFromScore } from "./score-sentiment";

describe("sentimentFromScore", () => {
  it.each([
    ["nps", 0, "negative", -1],
    ["nps", 6, "negative", -0.2],
    ["nps", 7, "neutral", -0.067],
    ["nps", 8, "neutral", 0.2],
    ["nps", 9, "positive", 0.6],
    ["nps", 10, "positive", 1],
    ["csat", 1, "negative", -1],
    ["csat", 2, "negative", -0.5],
    ["csat", 3, "neutral", 0],
    ["csat", 4, "positive", 0.5],
    ["rating", 5, "positive", 1],
    ["ces", 1, "negative", -1],
    ["ces", 3, "negative", -0.333],
    ["ces", 4, "neutral", 0],
    ["ces", 5, "positive", 0.333],
    ["ces", 7, "positive", 1],
  ] as const)("%s %i → %s (%d)", (kind, score, label, value) => {
    expect(sentimentFromScore(kind, score)).toEqual({ label, score: value });
  });

  it("is null without a usable score", () => {
    expect(sentimentFromScore("none", null)).toBeNull();
    expect(sentimentFromScore("nps", null)).toBeNull();
    expect(sentimentFromScore("nps", 11)).toBeNull();
    expect(sentimentFromScore("csat", 0)).toBeNull();
    expect(sentimentFromScore("ces", 4.5)).toBeNull();
    expect(sentimentFromScore(undefined, 5)).toBeNull();
  });

  it("rises with the score and agrees in sign with its label", () => {
    const kinds = Object.keys(SCORE_RANGES) as Array<keyof typeof SCORE_RANGES>;
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.nat(), fc.nat(), (kind, a, b) => {
        const { min, max } = SCORE_RANGES[kind];
        const [low, high] = [min + (a % (max - min + 1)), min + (b % (max - min + 1))].sort((x, y) => x - y) as [number, number];
        const lo = sentimentFromScore(kind, low)!;
        const hi = sentimentFromScore(kind, high)!;
        expect(lo.score).toBeLessThanOrEqual(hi.score);
        expect(lo.score).toBeGreaterThanOrEqual(-1);
        expect(hi.score).toBeLessThanOrEqual(1);
        if (lo.label === "negative") expect(lo.score).toBeLessThan(0);
        if (hi.label === "positive") expect(hi.score).toBeGreaterThan(0);
      }),
    );
  });
});
