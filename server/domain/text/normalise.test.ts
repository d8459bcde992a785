import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldForMatching, normaliseText, primaryLanguage, stripMarkup } from "./normalise";

describe("stripMarkup", () => {
  it("drops URLs and @mentions, decodes entities, keeps hashtag words", () => {
    expect(stripMarkup("@united thanks &amp; bye http://t.co/x #fail").replace(/\s+/g, " ").trim()).toBe("thanks & bye fail");
    expect(stripMarkup("it&#39;s &#x41;")).toBe("it's A");
    expect(stripMarkup("mail me: a@b.com")).toBe("mail me: a@b.com");
    expect(stripMarkup("#fail", true)).toBe("#fail");
  });
});

describe("normaliseText", () => {
  it("applies NFKC and lower case", () => {
    expect(normaliseText("ＡＢＣ１２３ ﬁne")).toBe("abc123 fine");
  });

  it("removes Hebrew niqqud and Arabic harakat and tatweel", () => {
    expect(normaliseText("שָׁלוֹם")).toBe("שלום");
    expect(normaliseText("مُمْتَاز")).toBe("ممتاز");
    expect(normaliseText("جـــيد")).toBe("جيد");
  });

  it("unifies apostrophes and splits Persian words at the zero-width non-joiner", () => {
    expect(normaliseText("Don’t")).toBe("don't");
    expect(normaliseText("نمی\u200Cخواهم")).toBe("نمی خواهم");
  });
});

describe("foldForMatching", () => {
  it("removes Latin accents and merges Arabic-script letter variants", () => {
    expect(foldForMatching("não défectueux")).toBe("nao defectueux");
    expect(foldForMatching("أحمد")).toBe("احمد");
    expect(foldForMatching("کیفیت")).toBe(foldForMatching("كيفيت"));
    expect(foldForMatching("جيدة")).toBe("جيده");
  });

  it("leaves Han, Hebrew and ASCII text alone", () => {
    expect(foldForMatching("配送延迟")).toBe("配送延迟");
    expect(foldForMatching("איחור")).toBe("איחור");
    expect(foldForMatching("plain text")).toBe("plain text");
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => {
        const once = foldForMatching(normaliseText(s));
        expect(foldForMatching(once)).toBe(once);
      }),
    );
  });
});

describe("primaryLanguage", () => {
  it.each([
    ["pt-BR", "pt"],
    ["zh_Hans", "zh"],
    ["EN", "en"],
    ["iw", "he"],
    ["", null],
    [null, null],
  ] as const)("%s → %s", (tag, expected) => {
    expect(primaryLanguage(tag)).toBe(expected);
  });
});
