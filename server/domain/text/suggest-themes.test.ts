import { describe, expect, it } from "vitest";
import { suggestThemes, type SuggestionComment } from "./suggest-themes";
import type { ThemeDefinition } from "./themes";

const negative = (id: number, text: string, language = "en"): SuggestionComment<number> => ({ id, text, language, sentimentLabel: "negative" });
const positive = (id: number, text: string, language = "en"): SuggestionComment<number> => ({ id, text, language, sentimentLabel: "positive" });

const corpus: SuggestionComment<number>[] = [
  negative(1, "They lost my bag again."),
  negative(2, "You lost my bag in Denver!"),
  negative(3, "lost my bag, nobody helps"),
  negative(4, "Lost my bag on the way home."),
  negative(5, "The seat was broken and the flight was late"),
  negative(6, "Late again. The seat was broken."),
  negative(7, "Late flight, the seat was broken"),
  negative(8, "The wifi was down the whole flight"),
  positive(9, "Great flight, the crew was lovely"),
  positive(10, "Lovely crew and a smooth flight"),
  positive(11, "Smooth flight, thanks"),
  positive(12, "The flight was fine, thanks"),
  negative(13, "o produto não chegou", "pt"),
  negative(14, "produto não chegou ainda", "pt"),
  negative(15, "Não chegou até hoje", "pt"),
  positive(16, "produto chegou rápido", "pt"),
];

describe("suggestThemes", () => {
  it("finds distinctive phrases of negative feedback with support, lift and samples", () => {
    const suggestions = suggestThemes(corpus, [], { minCount: 3 });
    const byPhrase = new Map(suggestions.map((s) => [s.phrase, s]));
    expect(byPhrase.get("lost my bag")).toEqual({
      phrase: "lost my bag",
      language: "en",
      count: 4,
      totalCount: 4,
      lift: 12 / 8,
      logOdds: expect.any(Number),
      sampleIds: [1, 2, 3],
    });
    expect(byPhrase.get("seat was broken")).toMatchObject({ count: 3, language: "en" });
    expect(byPhrase.get("não chegou")).toMatchObject({ count: 3, language: "pt", totalCount: 3 });
    expect(byPhrase.get("late")).toMatchObject({ count: 3, totalCount: 3 });
    // "flight" is everywhere, "wifi" too rare; "lost" and "bag" live inside "lost my bag"
    for (const phrase of ["flight", "wifi", "lost", "bag", "my bag", "seat", "broken"]) expect(byPhrase.has(phrase), phrase).toBe(false);
  });

  it("leaves out what an existing theme already covers", () => {
    const themes: ThemeDefinition<string>[] = [{ id: "baggage", keywords: { en: ["bag"] } }];
    const phrases = suggestThemes(corpus, themes, { minCount: 3 }).map((s) => s.phrase);
    expect(phrases).not.toContain("lost my bag");
    expect(phrases).toContain("seat was broken");
  });

  it("respects minCount, limit and sampleSize", () => {
    expect(suggestThemes(corpus, [], { minCount: 5 })).toEqual([]);
    const [first, ...rest] = suggestThemes(corpus, [], { minCount: 3, limit: 1, sampleSize: 1 });
    expect(rest).toEqual([]);
    expect(first!.sampleIds).toHaveLength(1);
  });

  it("labels comments itself when no label is given", () => {
    const unlabelled = corpus.map(({ sentimentLabel: _label, ...rest }) => rest);
    const phrases = suggestThemes(unlabelled, [], { minCount: 3 }).map((s) => s.phrase);
    expect(phrases).toContain("lost my bag");
  });
});
