import { describe, expect, it } from "vitest";
import { analyseBatch, analyseComment } from "./analyse";
import { DEFAULT_THEMES } from "./default-themes";

describe("analyseComment", () => {
  it("detects the language, reads the sentiment and matches themes", () => {
    expect(analyseComment({ text: "O produto chegou quebrado e a entrega atrasou, péssimo." }, DEFAULT_THEMES)).toEqual({
      language: "pt",
      languageSource: "detected",
      sentiment: { score: expect.any(Number), label: "negative", source: "text" },
      themeIds: ["delays", "damaged"],
    });
  });

  it("keeps a given language and falls back on the score", () => {
    const result = analyseComment({ text: "Paczka dotarła po tygodniu", language: "pl-PL", metricKind: "nps", score: 2 });
    expect(result).toEqual({
      language: "pl-PL",
      languageSource: "given",
      sentiment: { score: -0.733, label: "negative", source: "score" },
      themeIds: [],
    });
  });

  it("handles feedback without text", () => {
    expect(analyseComment({ text: null, metricKind: "csat", score: 5 }, DEFAULT_THEMES)).toEqual({
      language: null,
      languageSource: null,
      sentiment: { score: 1, label: "positive", source: "score" },
      themeIds: [],
    });
  });
});

describe("analyseBatch", () => {
  it("analyses each comment as analyseComment does, in order", () => {
    const inputs = [
      { text: "配送延迟，很失望" },
      { text: "השירות היה מצוין, תודה" },
      { text: "They lost my bag and nobody answers the phone" },
      { text: "" },
    ];
    const results = analyseBatch(inputs, DEFAULT_THEMES);
    expect(results).toEqual(inputs.map((input) => analyseComment(input, DEFAULT_THEMES)));
    expect(results.map((r) => [r.language, r.sentiment.label])).toEqual([
      ["zh", "negative"],
      ["he", "positive"],
      ["en", "negative"],
      [null, null],
    ]);
    expect(results[0]!.themeIds).toEqual(["delays"]);
    expect(results[2]!.themeIds).toEqual(expect.arrayContaining(["customer_service", "lost_missing"]));
  });
});
