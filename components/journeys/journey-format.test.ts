import { describe, expect, it } from "vitest";
import { formatSentiment, formatStageMetric, sentimentTone, stageTrend } from "./journey-format";

describe("formatStageMetric", () => {
  it.each([
    ["nps", 42, "+42"],
    ["nps", -5.25, "-5.3"],
    ["csat", 87.5, "87.5%"],
    ["rating", 60, "60.0%"],
    ["ces", 5.432, "5.43"],
    ["nps", null, "—"],
    ["ces", null, "—"],
  ] as const)("%s %s → %s", (kind, value, text) => {
    expect(formatStageMetric("en", kind, value)).toBe(text);
  });
});

describe("stageTrend", () => {
  it("has no trend without both figures", () => {
    expect(stageTrend("en", "nps", 10, null)).toBeNull();
    expect(stageTrend("en", "nps", null, 10)).toBeNull();
  });
  it("is up or down by the unsigned change at the metric's precision", () => {
    expect(stageTrend("en", "nps", 12.5, 10)).toEqual({ direction: "up", delta: "2.5" });
    expect(stageTrend("en", "csat", 70, 81.25)).toEqual({ direction: "down", delta: "11.3" });
    expect(stageTrend("en", "ces", 5.1, 5.0)).toEqual({ direction: "up", delta: "0.10" });
  });
  it("is flat when the change rounds to zero where it is printed", () => {
    expect(stageTrend("en", "nps", 10.04, 10)).toEqual({ direction: "flat", delta: "" });
    expect(stageTrend("en", "nps", 10.05, 10)?.direction).toBe("up");
    expect(stageTrend("en", "ces", 5.004, 5)).toEqual({ direction: "flat", delta: "" });
    expect(stageTrend("en", "ces", 4.99, 5)?.direction).toBe("down");
  });
});

describe("sentiment", () => {
  it("prints a signed mean with two decimals", () => {
    expect(formatSentiment("en", 0.321)).toBe("+0.32");
    expect(formatSentiment("en", -0.4)).toBe("-0.40");
    expect(formatSentiment("en", 0)).toBe("0.00");
    expect(formatSentiment("en", null)).toBe("—");
  });
  it("is neutral within ±0.05", () => {
    expect(sentimentTone(0.05)).toBe("neutral");
    expect(sentimentTone(-0.05)).toBe("neutral");
    expect(sentimentTone(0.051)).toBe("positive");
    expect(sentimentTone(-0.2)).toBe("negative");
    expect(sentimentTone(null)).toBe("neutral");
  });
});
