import { describe, expect, it } from "vitest";
import { createTranslator, formatMoney, isLocale, textDirection } from "./core";
import { en } from "./messages/en";

describe("i18n core", () => {
  const t = createTranslator(en);

  it("looks up nested keys and fills placeholders", () => {
    expect(t("nav.overview")).toBe("Overview");
    expect(t("header.signedInAs", { email: "a@b.co" })).toBe("Signed in as a@b.co");
  });

  it("leaves unknown placeholders visible and returns unknown keys as themselves", () => {
    expect(t("header.signedInAs")).toBe("Signed in as {email}");
    expect(t("nope.missing" as never)).toBe("nope.missing");
  });

  it("knows which scripts are right to left", () => {
    expect(textDirection("he")).toBe("rtl");
    expect(textDirection("fa-IR")).toBe("rtl");
    expect(textDirection("en")).toBe("ltr");
    expect(textDirection("zh")).toBe("ltr");
  });

  it("accepts only locales with a catalogue", () => {
    expect(isLocale("en")).toBe(true);
    expect(isLocale("xx")).toBe(false);
    expect(isLocale("toString")).toBe(false);
  });

  it("formats exact decimal strings without float rounding", () => {
    expect(formatMoney("en", "90071992547409.93", "USD")).toBe("$90,071,992,547,410");
    expect(formatMoney("en", "-12.40", "EUR")).toBe("-€12");
  });

  it("has no empty English message", () => {
    const walk = (node: unknown): string[] =>
      typeof node === "string" ? [node] : Object.values(node as object).flatMap(walk);
    expect(walk(en).every((s) => s.trim().length > 0)).toBe(true);
  });
});
