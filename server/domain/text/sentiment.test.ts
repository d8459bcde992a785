import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SENTIMENT_LANGUAGES } from "./lexicon";
import { analyseSentiment, labelForScore } from "./sentiment";
import { scoreTextSentiment } from "./text-sentiment";

const label = (text: string, language: string) => {
  const result = scoreTextSentiment(text, language);
  if (!result) throw new Error(`no lexicon for ${language}`);
  return labelForScore(result.score);
};

describe("scoreTextSentiment per language", () => {
  // [language, positive sentence, negative sentence, negated positive]
  it.each([
    ["en", "The staff were friendly and helpful.", "The app keeps crashing, useless.", "The staff were not friendly."],
    ["fr", "Livraison rapide, je recommande !", "Service client nul, très déçu.", "Je ne recommande pas ce vendeur."],
    ["es", "Excelente servicio, muy rápido.", "Llegó roto, pésimo servicio.", "No recomiendo este producto."],
    ["de", "Sehr gute Qualität, schnelle Lieferung.", "Schreckliche Erfahrung, alles kaputt.", "Die Lieferung war nicht gut."],
    ["pt", "Produto excelente, chegou antes do prazo.", "Produto veio quebrado, péssimo.", "Não recomendo esta loja."],
    ["it", "Ottimo prodotto, consegna veloce.", "Pessimo servizio, prodotto rotto.", "Non è buono."],
    ["nl", "Heel goed product, snelle levering.", "Slecht, kapot aangekomen.", "Niet goed."],
    ["he", "השירות היה מצוין, תודה רבה", "המשלוח הגיע באיחור, מאכזב", "השירות לא טוב"],
    ["ar", "الخدمة ممتازة، شكرا", "المنتج سيء جدا", "الخدمة ليست جيدة"],
    ["fa", "خدمات عالی بود، ممنون", "کیفیت خیلی بد بود", "خوب نبود"],
    ["zh", "质量很好，非常满意", "质量很差，太失望了", "不满意"],
    ["ru", "Отличный сервис, спасибо", "Ужасно, все сломано", "Не рекомендую"],
  ])("%s", (language, positive, negative, negated) => {
    expect(label(positive, language)).toBe("positive");
    expect(label(negative, language)).toBe("negative");
    expect(label(negated, language)).toBe("negative");
  });

  it("covers every language it claims", () => {
    expect([...SENTIMENT_LANGUAGES].sort()).toEqual(["ar", "de", "en", "es", "fa", "fr", "he", "it", "nl", "pt", "ru", "zh"]);
    expect(scoreTextSentiment("Bardzo dobra obsługa", "pl")).toBeNull();
  });
});

describe("scoreTextSentiment rules (English)", () => {
  const score = (text: string) => scoreTextSentiment(text, "en")!.score;

  it("negation reverses and weakens", () => {
    expect(score("not good")).toBeLessThan(0);
    expect(score("It wasn't bad at all")).toBeGreaterThan(0);
    expect(Math.abs(score("The staff were not friendly."))).toBeLessThan(Math.abs(score("The staff were friendly.")));
  });

  it("'never been more' is emphasis, not negation", () => {
    expect(score("I have never been more frustrated")).toBeLessThan(score("I have been frustrated"));
  });

  it("a negation with nothing to negate is a mild complaint", () => {
    expect(label("The email never arrived", "en")).toBe("negative");
    expect(label("The email arrived", "en")).toBe("neutral");
  });

  it("boosters, capitals and exclamation marks strengthen", () => {
    expect(score("very good")).toBeGreaterThan(score("good"));
    expect(score("it was GOOD")).toBeGreaterThan(score("it was good"));
    expect(score("good!!")).toBeGreaterThan(score("good"));
    expect(score("slightly good")).toBeLessThan(score("good"));
  });

  it("what follows 'but' outweighs what precedes it", () => {
    expect(label("great crew but two hours late", "en")).toBe("negative");
    expect(label("I love your flights! But there is always a delay", "en")).toBe("negative");
  });

  it("reads emoji and emoticons", () => {
    expect(label("ok 😡", "en")).toBe("negative");
    expect(label("ok :(", "en")).toBe("negative");
    expect(label("arrived :)", "en")).toBe("positive");
  });

  it("reads hashtags that run words together", () => {
    expect(label("#unitedfail", "en")).toBe("negative");
    expect(label("#notcool", "en")).toBe("negative");
  });

  it("ignores praise inside a question or a wish", () => {
    expect(label("Is my flight on time?", "en")).toBe("neutral");
    expect(label("It would be nice if you were on time", "en")).toBe("neutral");
    expect(label("Why is your service so terrible?", "en")).toBe("negative");
  });

  it("uses the customer-experience lexicon extension", () => {
    expect(label("Flight delayed again", "en")).toBe("negative");
    expect(label("on hold for an hour", "en")).toBe("negative");
    expect(label("Please help me", "en")).toBe("neutral");
    expect(label("Arrived on time", "en")).toBe("positive");
  });

  it("keeps the score within −1…1 and reports its evidence", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("good", "bad", "not", "very", "but", "!", ".", "?", "😡", "late", "the", "NEVER"), { maxLength: 30 }), (words) => {
        const result = scoreTextSentiment(words.join(" "), "en")!;
        expect(result.score).toBeGreaterThanOrEqual(-1);
        expect(result.score).toBeLessThanOrEqual(1);
        if (result.hits === 0) expect(result.score).toBe(0);
      }),
    );
  });
});

describe("analyseSentiment", () => {
  it("decides from the text when it has sentiment words", () => {
    expect(analyseSentiment({ text: "Terrible service", language: "en", metricKind: "nps", score: 10 })).toMatchObject({
      label: "negative",
      source: "text",
    });
  });

  it("detects the language when none is given", () => {
    expect(analyseSentiment({ text: "O produto chegou quebrado, péssimo atendimento." })).toMatchObject({
      label: "negative",
      source: "text",
    });
  });

  it("falls back on the score without a lexicon or without sentiment words", () => {
    expect(analyseSentiment({ text: "Bardzo dobra obsługa", language: "pl", metricKind: "csat", score: 5 })).toEqual({
      score: 1,
      label: "positive",
      source: "score",
    });
    expect(analyseSentiment({ text: "The parcel arrived", language: "en", metricKind: "nps", score: 3 })).toEqual({
      score: -0.6,
      label: "negative",
      source: "score",
    });
    expect(analyseSentiment({ text: "  ", metricKind: "ces", score: 4 })).toEqual({ score: 0, label: "neutral", source: "score" });
  });

  it("is neutral text without sentiment words and no score, and null with nothing to go on", () => {
    expect(analyseSentiment({ text: "The parcel arrived", language: "en" })).toEqual({ score: 0, label: "neutral", source: "text" });
    expect(analyseSentiment({ text: "Bardzo dobra obsługa", language: "pl" })).toEqual({ score: null, label: null, source: null });
    expect(analyseSentiment({ text: null, metricKind: "none", score: null })).toEqual({ score: null, label: null, source: null });
  });
});
