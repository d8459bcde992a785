import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { METRIC_KINDS, PRIORITIES } from "../enums";
import { SCORE_RANGES } from "../scores";
import { STRONGLY_NEGATIVE_SENTIMENT, initialTriage } from "./initial";

describe("initialTriage", () => {
  it("exports the strongly-negative threshold", () => {
    expect(STRONGLY_NEGATIVE_SENTIMENT).toBe(-0.5);
  });

  it.each([
    // NPS: detractors 0–6 are high, 7 is not
    ["nps", 6, null, "high", ["nps_detractor"]],
    ["nps", 7, null, "normal", []],
    ["nps", 10, 0.8, "normal", []],
    ["nps", 0, null, "high", ["nps_detractor"]],
    // NPS 0–2 with a strongly negative comment is urgent; 3, or −0.49, is not
    ["nps", 2, -0.5, "urgent", ["nps_detractor", "strongly_negative"]],
    ["nps", 0, -1, "urgent", ["nps_detractor", "strongly_negative"]],
    ["nps", 3, -0.9, "high", ["nps_detractor", "strongly_negative"]],
    ["nps", 2, -0.49, "high", ["nps_detractor"]],
    // a passive or promoter with an angry comment is still high
    ["nps", 8, -0.6, "high", ["strongly_negative"]],
    // CSAT: 1–2 high, 3 not; CSAT 1 + angry text stays high (urgent is the NPS rule only)
    ["csat", 2, null, "high", ["csat_low"]],
    ["csat", 3, null, "normal", []],
    ["csat", 1, -0.9, "high", ["csat_low", "strongly_negative"]],
    ["csat", 5, -0.5, "high", ["strongly_negative"]],
    // sentiment alone: −0.5 is strongly negative, −0.49 is not
    ["none", null, -0.5, "high", ["strongly_negative"]],
    ["none", null, -0.49, "normal", []],
    ["none", null, null, "normal", []],
    // CES and ratings only through their comment
    ["ces", 1, null, "normal", []],
    ["rating", 1, -0.2, "normal", []],
    ["rating", 1, -0.7, "high", ["strongly_negative"]],
  ] as const)("%s %s with sentiment %s → %s", (metricKind, score, sentiment, priority, reasons) => {
    expect(initialTriage({ metricKind, score, sentiment })).toEqual({
      priority,
      opensWithSla: priority !== "normal",
      reasons,
    });
  });

  it.each([
    ["nps", 11, null, "NPS scores are whole numbers 0–10, got 11."],
    ["nps", 6.5, null, "NPS scores are whole numbers 0–10, got 6.5."],
    ["csat", 0, null, "CSAT scores are whole numbers 1–5, got 0."],
    ["none", 3, null, "Feedback without a metric carries no score, got 3."],
    ["nps", null, null, "NPS scores are whole numbers 0–10, got null."],
    ["nps", 5, 1.5, "Sentiment is a number from −1 to 1, got 1.5."],
    ["none", null, Number.NaN, "Sentiment is a number from −1 to 1, got NaN."],
  ] as const)("rejects %s %s with sentiment %s", (metricKind, score, sentiment, message) => {
    expect(() => initialTriage({ metricKind, score, sentiment })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", message }),
    );
  });

  it("never lowers the priority when the comment gets more negative", () => {
    const input = fc.constantFrom(...METRIC_KINDS).chain((metricKind) =>
      fc.record({
        metricKind: fc.constant(metricKind),
        score:
          metricKind === "none"
            ? fc.constant(null)
            : fc.integer({ min: SCORE_RANGES[metricKind].min, max: SCORE_RANGES[metricKind].max }),
        a: fc.double({ min: -1, max: 1, noNaN: true }),
        b: fc.double({ min: -1, max: 1, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(input, ({ metricKind, score, a, b }) => {
        const rank = (sentiment: number) =>
          PRIORITIES.indexOf(initialTriage({ metricKind, score, sentiment }).priority);
        // PRIORITIES runs urgent → low, so a more urgent priority has a smaller index
        expect(rank(Math.min(a, b))).toBeLessThanOrEqual(rank(Math.max(a, b)));
      }),
    );
  });
});
