import { describe, expect, it } from "vitest";
import { DEFAULT_DETECTION_LANGUAGES } from "@/server/domain/text/language";
import { themeInput } from "@/server/domain/text/theme-input";
import {
  checkThemeDraft,
  isThemeDraftValid,
  keywordLanguages,
  keywordRowsOf,
  keywordsOf,
  MAX_KEYWORDS_PER_LANGUAGE,
  splitKeywords,
  suggestionDraft,
  THEME_LANGUAGES,
} from "./theme-keywords";

describe("THEME_LANGUAGES", () => {
  it("is the text analysis' language list", () => {
    expect([...THEME_LANGUAGES]).toEqual([...DEFAULT_DETECTION_LANGUAGES]);
  });
});

describe("splitKeywords", () => {
  it("splits at line breaks and commas of any script, trims, drops blanks and repeats", () => {
    expect(splitKeywords(" late delivery \r\nstill waiting,, late delivery\n\n")).toEqual([
      "late delivery",
      "still waiting",
    ]);
    expect(splitKeywords("配送延迟，还没收到、退款")).toEqual(["配送延迟", "还没收到", "退款"]);
    expect(splitKeywords("تاخیر در ارسال، دیر رسید")).toEqual(["تاخیر در ارسال", "دیر رسید"]);
    expect(splitKeywords("  \n , ")).toEqual([]);
  });

  it("keeps a phrase with inner spaces and right-to-left text whole", () => {
    expect(splitKeywords("הגיע באיחור")).toEqual(["הגיע באיחור"]);
  });
});

describe("keywordRowsOf ↔ keywordsOf", () => {
  const stored = { he: ["איחור במשלוח", "הגיע באיחור"], en: ["late delivery"], "*": ["ACME-X1"] };

  it("gives one row per language, every language first, a keyword per line", () => {
    expect(keywordRowsOf(stored)).toEqual([
      { id: 0, language: "*", text: "ACME-X1" },
      { id: 1, language: "en", text: "late delivery" },
      { id: 2, language: "he", text: "איחור במשלוח\nהגיע באיחור" },
    ]);
    expect(keywordLanguages(stored)).toEqual(["*", "en", "he"]);
  });

  it("round-trips a stored record", () => {
    expect(keywordsOf(keywordRowsOf(stored))).toEqual({ "*": ["ACME-X1"], en: ["late delivery"], he: stored.he });
  });

  it("merges rows of one language and leaves out languages without keywords", () => {
    expect(
      keywordsOf([
        { id: 0, language: "en", text: "late, slow" },
        { id: 1, language: "fr", text: " \n " },
        { id: 2, language: "en", text: "slow\nnever came" },
      ]),
    ).toEqual({ en: ["late", "slow", "never came"] });
  });

  it("sends what themeInput accepts unchanged", () => {
    const keywords = keywordsOf([
      { id: 0, language: "he", text: "שבור, איכות ירודה" },
      { id: 1, language: "*", text: "ACME" },
    ]);
    expect(themeInput.parse({ name: "Quality", keywords }).keywords).toEqual(keywords);
  });
});

describe("suggestionDraft", () => {
  it("names the theme after the phrase, its one keyword in the phrase's language", () => {
    expect(suggestionDraft({ phrase: "lost my bag", language: "en" })).toEqual({
      name: "lost my bag",
      rows: [{ id: 0, language: "en", text: "lost my bag" }],
    });
    expect(suggestionDraft({ phrase: "acme", language: "*" }).rows[0]?.language).toBe("*");
  });
});

describe("checkThemeDraft", () => {
  const row = (id: number, language: string, text: string) => ({ id, language, text });

  it("accepts a named theme with a keyword", () => {
    const problems = checkThemeDraft({ name: "Delivery", rows: [row(0, "he", "איחור")] });
    expect(problems).toEqual({ rows: {} });
    expect(isThemeDraftValid(problems)).toBe(true);
  });

  it("asks for a name and at least one keyword", () => {
    const problems = checkThemeDraft({ name: "  ", rows: [row(0, "en", " , ")] });
    expect(problems).toEqual({ name: "nameRequired", keywords: "keywordsRequired", rows: {} });
    expect(isThemeDraftValid(problems)).toBe(false);
  });

  it("flags a long name, a long keyword and too many keywords in one language", () => {
    const many = Array.from({ length: MAX_KEYWORDS_PER_LANGUAGE + 1 }, (_, i) => `word${i}`).join("\n");
    const problems = checkThemeDraft({
      name: "x".repeat(81),
      rows: [row(3, "en", "y".repeat(81)), row(4, "fr", many)],
    });
    expect(problems).toEqual({ name: "nameTooLong", rows: { 3: "keywordTooLong", 4: "tooManyKeywords" } });
  });
});
