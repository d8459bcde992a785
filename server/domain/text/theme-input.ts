import { z } from "zod";
import { ANY_LANGUAGE } from "./themes";

export const MAX_THEME_NAME = 80;
export const MAX_KEYWORD_LENGTH = 80;
export const MAX_KEYWORDS_PER_LANGUAGE = 100;

const LANGUAGE_KEY = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * A theme as the library editor sends it: a name and keywords or phrases per language
 * (`{ en: ["late delivery"], he: ["באיחור"], "*": ["ACME-X1"] }`, "*" for every language). Keywords
 * are trimmed, blank ones dropped, repeats removed; a language with none left is dropped.
 */
export const themeInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the theme.")
    .max(MAX_THEME_NAME, `A theme name is at most ${MAX_THEME_NAME} characters.`),
  keywords: z
    .record(
      z.string(),
      z
        .array(z.string().max(MAX_KEYWORD_LENGTH, `A keyword is at most ${MAX_KEYWORD_LENGTH} characters.`))
        .max(MAX_KEYWORDS_PER_LANGUAGE, `At most ${MAX_KEYWORDS_PER_LANGUAGE} keywords per language.`),
    )
    .superRefine((record, ctx) => {
      const bad = Object.keys(record).find((key) => key !== ANY_LANGUAGE && !LANGUAGE_KEY.test(key));
      if (bad !== undefined) {
        ctx.addIssue({
          code: "custom",
          message: `Keywords are listed per language tag (en, he, zh, pt-BR) or ${ANY_LANGUAGE} for every language, not ${JSON.stringify(bad.slice(0, 20))}.`,
        });
      }
    })
    .transform((record) => {
      const out: Record<string, string[]> = {};
      for (const [language, words] of Object.entries(record)) {
        const kept = [...new Set(words.map((w) => w.trim()).filter(Boolean))];
        if (kept.length > 0) out[language] = kept;
      }
      return out;
    })
    .refine((record) => Object.keys(record).length > 0, "Give the theme at least one keyword or phrase."),
});
export type ThemeInput = z.output<typeof themeInput>;
