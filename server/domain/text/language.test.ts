import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectLanguage, ISO639_3_TO_BCP47 } from "./language";

describe("detectLanguage", () => {
  it.each([
    ["en", "The delivery was late and nobody answered my emails."],
    ["fr", "Le colis est arrivé en retard et le service client ne répond pas."],
    ["es", "El pedido llegó roto y nadie responde a mis correos."],
    ["pt", "O produto chegou quebrado e ninguém responde."],
    ["de", "Die Lieferung kam viel zu spät an."],
    ["it", "La consegna è arrivata in ritardo."],
    ["nl", "De bezorging was te laat en niemand reageert."],
    ["ru", "Я очень доволен покупкой, спасибо за быструю доставку."],
    ["uk", "Я дуже задоволений покупкою, дякую за швидку доставку."],
    ["he", "המשלוח הגיע באיחור"],
    ["ar", "الخدمة ممتازة جدا"],
    ["fa", "خدمات عالی بود"],
    ["zh", "配送延迟，客服态度恶劣"],
    ["ja", "配達が遅れました"],
    ["ko", "좋은 서비스"],
  ])("%s: %s", (expected, text) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it("needs only two letters of a script one language writes", () => {
    expect(detectLanguage("很好")).toBe("zh");
    expect(detectLanguage("טוב")).toBe("he");
    expect(detectLanguage("好")).toBeNull();
  });

  it("returns null for short, empty or letterless text", () => {
    expect(detectLanguage("ok")).toBeNull();
    expect(detectLanguage("Thanks!")).toBeNull();
    expect(detectLanguage("")).toBeNull();
    expect(detectLanguage(null)).toBeNull();
    expect(detectLanguage("12345 !!! 👍👍")).toBeNull();
  });

  it("ignores @mentions and URLs", () => {
    expect(detectLanguage("@VirginAmerica http://t.co/abcdefgh")).toBeNull();
    expect(detectLanguage("@AmericanAir o produto chegou antes do prazo, parabéns http://t.co/x")).toBe("pt");
  });

  it("chooses only among the candidates it is given", () => {
    const text = "O produto chegou antes do prazo, parabéns pela pontualidade.";
    expect(detectLanguage(text, ["es", "en"])).toBe("es");
    expect(detectLanguage(text, [])).toBeNull();
  });

  it("returns null or a tag of the mapping, whatever the input", () => {
    const tags = new Set(Object.values(ISO639_3_TO_BCP47));
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (s) => {
        const tag = detectLanguage(s);
        expect(tag === null || tags.has(tag)).toBe(true);
      }),
    );
  });
});
