import { MAX_KEYWORD_LENGTH, MAX_KEYWORDS_PER_LANGUAGE, MAX_THEME_NAME } from "@/server/domain/text/theme-input";
import { ANY_LANGUAGE, type ThemeKeywords } from "@/server/domain/text/themes";

export { ANY_LANGUAGE, MAX_KEYWORD_LENGTH, MAX_KEYWORDS_PER_LANGUAGE, MAX_THEME_NAME };

/**
 * The languages the editor offers, as the text analysis detects them (DEFAULT_DETECTION_LANGUAGES
 * in server/domain/text/language.ts, which cannot be imported here: it carries the detector). A
 * test keeps the two lists equal. Keywords match comments by primary language, so "pt" covers pt-BR.
 */
// prettier-ignore
export const THEME_LANGUAGES: readonly string[] = [
  "en", "fr", "es", "pt", "de", "it", "nl", "pl", "sv", "da", "fi", "cs", "hu", "ro", "tr", "ru",
  "uk", "el", "he", "ar", "fa", "ur", "hi", "bn", "id", "vi", "th", "zh", "ja", "ko",
];

/** One language of the editor: a language tag (or "*") and its keywords as typed. */
export interface KeywordRow {
  /** Stable React key; not sent. */
  id: number;
  language: string;
  text: string;
}

export interface ThemeDraft {
  name: string;
  rows: KeywordRow[];
}

/** Line breaks and commas (Latin, Arabic, full-width and ideographic) separate keywords. */
const SEPARATORS = /[\r\n,،，、]+/u;

/** Keywords typed in a textarea: split at line breaks and commas, trimmed, blanks and repeats dropped. */
export function splitKeywords(text: string): string[] {
  return [
    ...new Set(
      text
        .split(SEPARATORS)
        .map((word) => word.trim())
        .filter(Boolean),
    ),
  ];
}

/** "*" first, then the languages in alphabetical order of their tag. */
function languageOrder(a: string, b: string): number {
  if (a === b) return 0;
  if (a === ANY_LANGUAGE) return -1;
  if (b === ANY_LANGUAGE) return 1;
  return a < b ? -1 : 1;
}

/** The languages of a stored theme in display order ("*" first). */
export function keywordLanguages(keywords: ThemeKeywords): string[] {
  return Object.keys(keywords).sort(languageOrder);
}

/** The editor rows of a stored theme: one per language, a keyword per line. */
export function keywordRowsOf(keywords: ThemeKeywords): KeywordRow[] {
  return keywordLanguages(keywords).map((language, id) => ({
    id,
    language,
    text: (keywords[language] ?? []).join("\n"),
  }));
}

/**
 * The keywords record themes.create/update take, from the editor rows: rows of one language are
 * merged, keywords split by {@link splitKeywords}, repeats dropped, languages without keywords left out.
 */
export function keywordsOf(rows: readonly KeywordRow[]): ThemeKeywords {
  const merged = new Map<string, string[]>();
  for (const row of rows) {
    const words = splitKeywords(row.text);
    if (words.length === 0) continue;
    merged.set(row.language, [...new Set([...(merged.get(row.language) ?? []), ...words])]);
  }
  return Object.fromEntries([...merged.entries()].sort(([a], [b]) => languageOrder(a, b)));
}

/** The form a suggested phrase opens: named after the phrase, which is its one keyword. */
export function suggestionDraft(suggestion: { phrase: string; language: string }): ThemeDraft {
  const name = suggestion.phrase.slice(0, MAX_THEME_NAME);
  return { name, rows: [{ id: 0, language: suggestion.language || ANY_LANGUAGE, text: suggestion.phrase }] };
}

/** Each is a message key under `settingsThemes.problem`. */
export type ThemeDraftProblem =
  "nameRequired" | "nameTooLong" | "keywordsRequired" | "keywordTooLong" | "tooManyKeywords";

export interface ThemeDraftProblems {
  name?: ThemeDraftProblem;
  /** About the keywords as a whole (none at all). */
  keywords?: ThemeDraftProblem;
  /** Per row id. */
  rows: Record<number, ThemeDraftProblem>;
}

/** The checks of themeInput (server/domain/text/theme-input.ts), as message keys for the form. */
export function checkThemeDraft(draft: ThemeDraft): ThemeDraftProblems {
  const problems: ThemeDraftProblems = { rows: {} };
  const name = draft.name.trim();
  if (name === "") problems.name = "nameRequired";
  else if (name.length > MAX_THEME_NAME) problems.name = "nameTooLong";
  const keywords = keywordsOf(draft.rows);
  for (const row of draft.rows) {
    if (splitKeywords(row.text).some((word) => word.length > MAX_KEYWORD_LENGTH)) {
      problems.rows[row.id] = "keywordTooLong";
    } else if ((keywords[row.language]?.length ?? 0) > MAX_KEYWORDS_PER_LANGUAGE) {
      problems.rows[row.id] = "tooManyKeywords";
    }
  }
  if (Object.keys(keywords).length === 0) problems.keywords = "keywordsRequired";
  return problems;
}

/** True when the draft has nothing to fix. */
export function isThemeDraftValid(problems: ThemeDraftProblems): boolean {
  return !problems.name && !problems.keywords && Object.keys(problems.rows).length === 0;
}
