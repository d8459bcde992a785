import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ANY_LANGUAGE, compileThemes, matchThemes, type ThemeDefinition } from "./themes";

const THEMES: ThemeDefinition<number>[] = [
  { id: 1, keywords: { en: ["late delivery", "delay"], pt: ["não chegou", "atraso"], he: ["איחור במשלוח", "עדיין מחכה"], zh: ["配送延迟", "还没收到"] } },
  { id: 2, keywords: { en: ["rude", "customer service"], fr: ["service client"], ar: ["خدمة العملاء"] } },
  { id: 3, keywords: { en: ["deliver*"], [ANY_LANGUAGE]: ["iPhone 15"] } },
  { id: 4, keywords: { "pt-BR": ["quebrad"], fa: ["کیفیت پایین"] } },
];

describe("matchThemes", () => {
  it("matches multi-word phrases as whole words in sequence, case- and punctuation-insensitive", () => {
    expect(matchThemes("Another LATE delivery!", "en", THEMES)).toEqual([1, 3]);
    expect(matchThemes("The chocolate delivery came", "en", THEMES)).toEqual([3]);
    expect(matchThemes("late, delivery", "en", THEMES)).toEqual([1, 3]);
    expect(matchThemes("delivery late", "en", THEMES)).toEqual([3]);
  });

  it("matches inflections of longer keyword words, and '*' prefixes", () => {
    expect(matchThemes("my flight was delayed", "en", THEMES)).toEqual([1]);
    expect(matchThemes("the delayyyyyyy", "en", THEMES)).toEqual([]);
    expect(matchThemes("undelivered parcel", "en", THEMES)).toEqual([]);
    expect(matchThemes("parcel was delivered", "en", THEMES)).toEqual([3]);
    expect(matchThemes("the driver was rudely", "en", THEMES)).toEqual([]);
  });

  it("uses the comment's language (primary subtag), the '*' keywords, and every language without one", () => {
    expect(matchThemes("o produto não chegou", "pt", THEMES)).toEqual([1]);
    expect(matchThemes("o produto não chegou", "en", THEMES)).toEqual([]);
    expect(matchThemes("veio quebrado", "pt-PT", THEMES)).toEqual([4]);
    expect(matchThemes("my iphone 15 broke", "de", THEMES)).toEqual([3]);
    expect(matchThemes("o produto não chegou", null, THEMES)).toEqual([1]);
  });

  it("ignores accents and case", () => {
    expect(matchThemes("NAO CHEGOU ainda", "pt", THEMES)).toEqual([1]);
    expect(matchThemes("Service Client injoignable", "fr", THEMES)).toEqual([2]);
  });

  it("matches Chinese phrases however the text is segmented", () => {
    expect(matchThemes("我的配送延迟了三天", "zh", THEMES)).toEqual([1]);
    expect(matchThemes("快递还没收到！", "zh", THEMES)).toEqual([1]);
    expect(matchThemes("配送很快", "zh", THEMES)).toEqual([]);
  });

  it("matches Hebrew and Arabic phrases, also behind attached prefixes", () => {
    expect(matchThemes("היה איחור במשלוח שוב", "he", THEMES)).toEqual([1]);
    expect(matchThemes("ועדיין מחכה", "he", THEMES)).toEqual([1]);
    expect(matchThemes("وخدمة العملاء سيئة", "ar", THEMES)).toEqual([2]);
    expect(matchThemes("کیفیت پایین بود", "fa", THEMES)).toEqual([4]);
  });

  it("returns ids in the themes' order, once each, and nothing for empty text", () => {
    expect(matchThemes("rude customer service, late delivery, delay", "en", THEMES)).toEqual([1, 2, 3]);
    expect(matchThemes("", "en", THEMES)).toEqual([]);
    expect(matchThemes(null, "en", THEMES)).toEqual([]);
    expect(matchThemes("anything", "en", [])).toEqual([]);
  });

  it("gives the same answer with compiled themes", () => {
    const compiled = compileThemes(THEMES);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("late", "delivery", "delayed", "rude", "não", "chegou", "配送延迟", "x", "."), { maxLength: 12 }),
        fc.constantFrom("en", "pt", "zh", null),
        (words, language) => {
          const text = words.join(" ");
          expect(matchThemes(text, language, compiled)).toEqual(matchThemes(text, language, THEMES));
        },
      ),
    );
  });
});
