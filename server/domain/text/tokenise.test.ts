import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { segmentText, tokenise } from "./tokenise";

describe("tokenise", () => {
  it("splits Chinese into words with Intl.Segmenter", () => {
    const words = tokenise("配送延迟了三天，态度恶劣。", "zh");
    expect(words).toEqual(expect.arrayContaining(["配送", "延迟", "态度", "恶劣"]));
    expect(words).not.toContain("，");
    expect(words.join("")).toBe("配送延迟了三天态度恶劣");
  });

  it("splits Hebrew at spaces and drops vowel points and punctuation", () => {
    expect(tokenise("וְהַשֵּׁירוּת היה מצוין!", "he")).toEqual(["והשירות", "היה", "מצוין"]);
  });

  it("lower-cases, keeps English contractions whole and drops URLs and mentions", () => {
    expect(tokenise("@united I DON’T like it http://t.co/x")).toEqual(["i", "don't", "like", "it"]);
  });

  it("splits French elisions", () => {
    expect(tokenise("Ce n'est pas l'application", "fr")).toEqual(["ce", "n'", "est", "pas", "l'", "application"]);
  });

  it("splits Persian negative prefixes written with a zero-width non-joiner", () => {
    expect(tokenise("نمی\u200Cخواهم", "fa")).toEqual(["نمی", "خواهم"]);
  });

  it("never returns an empty word or one with whitespace", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (s) => {
        for (const word of tokenise(s)) {
          expect(word.length).toBeGreaterThan(0);
          expect(word).not.toMatch(/\s/);
        }
      }),
    );
  });
});

describe("segmentText", () => {
  it("marks emoji, emoticons, clause breaks, capitals and hashtags", () => {
    const segments = segmentText("I LOVE it :) 😡👍🏽, #fail");
    expect(segments).toEqual([
      { kind: "word", text: "i", key: "i", upper: false, hashtag: false },
      { kind: "word", text: "love", key: "love", upper: true, hashtag: false },
      { kind: "word", text: "it", key: "it", upper: false, hashtag: false },
      { kind: "emoji", text: ":)" },
      { kind: "emoji", text: "😡" },
      { kind: "emoji", text: "👍" },
      { kind: "break", text: "," },
      { kind: "word", text: "fail", key: "fail", upper: false, hashtag: true },
    ]);
  });

  it("does not read a time or a URL as an emoticon", () => {
    expect(segmentText("at 2:30 see http://x.y/:)").filter((s) => s.kind === "emoji")).toEqual([]);
  });

  it("gives accent-folded keys next to the written form", () => {
    const [word] = segmentText("Não");
    expect(word).toMatchObject({ kind: "word", text: "não", key: "nao" });
  });
});
