import { describe, expect, it } from "vitest";
import { emojiValence, lexiconFor, SENTIMENT_LANGUAGES } from "./lexicon";

describe("lexiconFor", () => {
  it("builds a lexicon of a few thousand entries for every sentiment language", () => {
    for (const language of SENTIMENT_LANGUAGES) {
      expect(lexiconFor(language)!.entries.size, language).toBeGreaterThan(1500);
    }
    expect(lexiconFor("pl")).toBeNull();
  });

  it("drops noise from the machine translations", () => {
    // "like" translated as the preposition, English left untranslated in a non-Latin script
    expect(lexiconFor("pt")!.entries.has("como")).toBe(false);
    expect(lexiconFor("he")!.entries.has("כמו")).toBe(false);
    expect([...lexiconFor("he")!.entries.keys()].some((k) => /[a-z]/.test(k))).toBe(false);
    expect([...lexiconFor("zh")!.entries.keys()].some((k) => /[a-z]/.test(k))).toBe(false);
  });

  it("adds inflected forms and the customer-experience extension", () => {
    const pt = lexiconFor("pt")!.entries;
    expect(pt.get("rapida")).toBeGreaterThan(0);
    expect(pt.get("nao chegou")).toBeLessThan(0);
    expect(lexiconFor("ar")!.entries.get("جيده")).toBeGreaterThan(0);
    const en = lexiconFor("en")!.entries;
    expect(en.has("please")).toBe(false);
    expect(en.get("delayed")).toBeLessThan(0);
    expect(en.get("on time")).toBeGreaterThan(0);
    expect(lexiconFor("he")!.entries.get("נורא")).toBeLessThan(0);
  });

  it("indexes phrases by their first word and Chinese words by characters", () => {
    const en = lexiconFor("en")!;
    expect(en.phraseStarts.has("on")).toBe(true);
    expect(en.maxWords).toBeGreaterThanOrEqual(2);
    const zh = lexiconFor("zh")!;
    expect(zh.dictionary.has("满意")).toBe(true);
    expect(zh.dictionary.has("不")).toBe(true);
  });
});

describe("emojiValence", () => {
  it("rates emoji, with or without presentation selectors, and emoticons", () => {
    expect(emojiValence("😡")).toBeLessThan(0);
    expect(emojiValence("❤")).toBeGreaterThan(0);
    expect(emojiValence(":)")).toBeGreaterThan(0);
    expect(emojiValence(":D")).toBeGreaterThan(0);
    expect(emojiValence(":'(")).toBeLessThan(0);
    expect(emojiValence("<333")).toBeGreaterThan(0);
    expect(emojiValence("🪑")).toBe(0);
  });
});
