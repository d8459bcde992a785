import { describe, expect, it } from "vitest";
import { themeInput } from "./theme-input";

describe("themeInput", () => {
  it("trims, drops blanks and repeats, and keeps languages with keywords", () => {
    expect(
      themeInput.parse({
        name: "  Late delivery ",
        keywords: { en: [" late ", "late", ""], he: ["  "], "*": ["ACME"] },
      }),
    ).toEqual({ name: "Late delivery", keywords: { en: ["late"], "*": ["ACME"] } });
  });

  it.each([
    [{ name: "", keywords: { en: ["x"] } }, "Name the theme."],
    [{ name: "Delay", keywords: { en: [" "] } }, "Give the theme at least one keyword or phrase."],
    [{ name: "Delay", keywords: { English: ["late"] } }, "Keywords are listed per language tag"],
    [{ name: "Delay", keywords: { en: ["x".repeat(81)] } }, "A keyword is at most 80 characters."],
  ])("rejects %j", (input, message) => {
    const result = themeInput.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });
});
