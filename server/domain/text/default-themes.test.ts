import { describe, expect, it } from "vitest";
import { DEFAULT_THEMES } from "./default-themes";
import { matchThemes } from "./themes";

describe("DEFAULT_THEMES", () => {
  it("has unique ids and names, and English and Portuguese keywords for every theme", () => {
    expect(new Set(DEFAULT_THEMES.map((t) => t.id)).size).toBe(DEFAULT_THEMES.length);
    expect(new Set(DEFAULT_THEMES.map((t) => t.name)).size).toBe(DEFAULT_THEMES.length);
    for (const theme of DEFAULT_THEMES) {
      expect(theme.keywords.en?.length, theme.id).toBeGreaterThan(0);
      expect(theme.keywords.pt?.length, theme.id).toBeGreaterThan(0);
    }
  });

  it.each([
    ["My flight was delayed 3 hours", "en", "delays"],
    ["They cancelled my flight", "en", "cancellations"],
    ["On hold for an hour with customer service", "en", "customer_service"],
    ["The airline lost my luggage", "en", "lost_missing"],
    ["o produto chegou quebrado", "pt", "damaged"],
    ["ainda não recebi o produto", "pt", "lost_missing"],
    ["veio diferente do anunciado", "pt", "not_as_described"],
    ["配送延迟了", "zh", "delays"],
    ["המשלוח הגיע באיחור", "he", "delays"],
  ])("%s → %s", (text, language, theme) => {
    expect(matchThemes(text, language, DEFAULT_THEMES)).toContain(theme);
  });

  it("tags nothing in plain praise", () => {
    expect(matchThemes("Great experience, thank you!", "en", DEFAULT_THEMES)).toEqual([]);
    expect(matchThemes("produto excelente, recomendo", "pt", DEFAULT_THEMES)).toEqual([]);
  });
});
