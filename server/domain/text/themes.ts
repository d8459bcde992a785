import { foldForMatching, normaliseText, primaryLanguage } from "./normalise";
import { segmentText, wordKeys, type TextSegment } from "./tokenise";

/** Keywords/phrases per language, as stored in `themes.keywords` (see db/schema/themes.ts). */
export type ThemeKeywords = Record<string, string[]>;

export interface ThemeDefinition<Id = string | number> {
  id: Id;
  keywords: ThemeKeywords;
}

/** The keywords key that applies to comments in every language (brand names, product codes). */
export const ANY_LANGUAGE = "*";

/** A keyword word of at least this many characters also matches a word that extends it by ≤ 3 ("delay" → "delayed"). */
export const INFLECTION_MIN_LENGTH = 5;
export const INFLECTION_MAX_EXTRA = 3;

const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const STARRED_WORD = /([\p{L}\p{N}][\p{L}\p{N}\p{M}'-]*)\*/gu;
const WHITESPACE = /\s+/g;
const HEBREW_PROCLITICS = /^[והבלמשכ]{1,2}(?=[\u05D0-\u05EA]{2})/;
const ARABIC_PROCLITICS = /^(?:وال|بال|فال|كال|لل|ال|و|ف|ب|ل|ك)(?=[\u0621-\u064A]{2})/;

interface KeywordWord {
  key: string;
  /** Written with a trailing "*": any word starting with `key` matches. */
  prefix: boolean;
}

interface CompiledKeyword {
  theme: number;
  words: KeywordWord[];
}

interface LanguageIndex {
  /** Keywords by their first word's key. */
  byFirstWord: Map<string, CompiledKeyword[]>;
  /** Keywords whose first word is a "*" prefix, by that prefix. */
  byFirstPrefix: Map<string, CompiledKeyword[]>;
  /** Keywords in unspaced scripts (Chinese, Japanese, Thai): matched as substrings, by theme. */
  substrings: Array<{ theme: number; text: string }>;
}

/** Themes prepared for matching many comments: build once with {@link compileThemes}. */
export interface CompiledThemes<Id = string | number> {
  ids: readonly Id[];
  byLanguage: ReadonlyMap<string, LanguageIndex>;
}

function emptyIndex(): LanguageIndex {
  return { byFirstWord: new Map(), byFirstPrefix: new Map(), substrings: [] };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function addKeyword(index: LanguageIndex, theme: number, keyword: string, language: string | null): void {
  const normalised = normaliseText(keyword).trim();
  if (normalised === "") return;
  if (UNSPACED_SCRIPT.test(normalised)) {
    const text = foldForMatching(normalised.replace(STARRED_WORD, "$1").replace(WHITESPACE, ""));
    if (text !== "") index.substrings.push({ theme, text });
    return;
  }
  const starred = new Set([...normalised.matchAll(STARRED_WORD)].map((m) => foldForMatching(m[1]!)));
  const words = wordKeys(segmentText(normalised, language)).map((key) => ({ key, prefix: starred.has(key) }));
  const first = words[0];
  if (!first) return;
  push(first.prefix ? index.byFirstPrefix : index.byFirstWord, first.key, { theme, words });
}

/**
 * Prepares themes for {@link matchThemes}: each keyword is normalised and tokenised like the
 * comments are, under its language (primary subtag) or {@link ANY_LANGUAGE}.
 */
export function compileThemes<Id>(themes: readonly ThemeDefinition<Id>[]): CompiledThemes<Id> {
  const byLanguage = new Map<string, LanguageIndex>();
  themes.forEach((theme, position) => {
    for (const [tag, keywords] of Object.entries(theme.keywords)) {
      const language = tag === ANY_LANGUAGE ? ANY_LANGUAGE : primaryLanguage(tag);
      if (!language || !Array.isArray(keywords)) continue;
      let index = byLanguage.get(language);
      if (!index) {
        index = emptyIndex();
        byLanguage.set(language, index);
      }
      for (const keyword of keywords) {
        if (typeof keyword === "string") addKeyword(index, position, keyword, language === ANY_LANGUAGE ? null : language);
      }
    }
  });
  return { ids: themes.map((t) => t.id), byLanguage };
}

const compiledCache = new WeakMap<readonly ThemeDefinition<unknown>[], CompiledThemes<unknown>>();
function compiledFor<Id>(themes: readonly ThemeDefinition<Id>[]): CompiledThemes<Id> {
  let compiled = compiledCache.get(themes) as CompiledThemes<Id> | undefined;
  if (!compiled) {
    compiled = compileThemes(themes);
    compiledCache.set(themes, compiled);
  }
  return compiled;
}

function wordVariants(word: string, language: string | null): string[] {
  const proclitics = language === "he" ? HEBREW_PROCLITICS : language === "ar" ? ARABIC_PROCLITICS : null;
  if (!proclitics) return [word];
  const bare = word.replace(proclitics, "");
  return bare === word ? [word] : [word, bare];
}

function wordMatches(keyword: KeywordWord, word: string): boolean {
  if (word === keyword.key) return true;
  if (!word.startsWith(keyword.key)) return false;
  return keyword.prefix || (keyword.key.length >= INFLECTION_MIN_LENGTH && word.length - keyword.key.length <= INFLECTION_MAX_EXTRA);
}

function restMatches(keyword: CompiledKeyword, words: readonly string[], start: number, language: string | null): boolean {
  if (start + keyword.words.length > words.length) return false;
  for (let j = 1; j < keyword.words.length; j++) {
    const word = words[start + j]!;
    if (!wordVariants(word, language).some((v) => wordMatches(keyword.words[j]!, v))) return false;
  }
  return true;
}

function matchIndex(index: LanguageIndex, words: readonly string[], compact: string, language: string | null, found: Set<number>): void {
  for (const { theme, text } of index.substrings) if (!found.has(theme) && compact.includes(text)) found.add(theme);
  for (let i = 0; i < words.length; i++) {
    for (const variant of wordVariants(words[i]!, language)) {
      const candidates: CompiledKeyword[] = [];
      const exact = index.byFirstWord.get(variant);
      if (exact) candidates.push(...exact);
      for (let length = Math.max(INFLECTION_MIN_LENGTH, variant.length - INFLECTION_MAX_EXTRA); length < variant.length; length++) {
        const inflected = index.byFirstWord.get(variant.slice(0, length));
        if (inflected) candidates.push(...inflected);
      }
      if (index.byFirstPrefix.size > 0) {
        for (let length = 1; length <= variant.length; length++) {
          const prefixed = index.byFirstPrefix.get(variant.slice(0, length));
          if (prefixed) candidates.push(...prefixed);
        }
      }
      for (const keyword of candidates) {
        if (!found.has(keyword.theme) && restMatches(keyword, words, i, language)) found.add(keyword.theme);
      }
    }
  }
}

/**
 * Ids of the themes whose keywords occur in `text`, in the themes' order.
 *
 * Keywords of the comment's language (primary subtag: "pt-BR" uses "pt") and of
 * {@link ANY_LANGUAGE} apply; with no language, every language's keywords do. Text and keywords
 * are normalised, tokenised and accent-folded alike, so matching is by whole words in sequence,
 * case- and accent-insensitive: "late delivery" matches "LATE delivery!" but not "chocolate
 * delivery". A keyword word of ≥ {@link INFLECTION_MIN_LENGTH} characters also matches words that
 * extend it by ≤ {@link INFLECTION_MAX_EXTRA} ("cancel" → "cancelled"); "deliver*" matches any
 * word starting with "deliver". Hebrew and Arabic words also match without their attached
 * prefixes ("באיחור" finds "איחור"). Keywords in Chinese, Japanese or Thai match as substrings of
 * the comment's words joined without spaces, so word segmentation cannot split them.
 * A theme list passed as an array is compiled once per array (kept while the array lives); edit
 * a copy, not the array in place.
 */
export function matchThemes<Id>(
  text: string | null | undefined,
  language: string | null | undefined,
  themes: readonly ThemeDefinition<Id>[] | CompiledThemes<Id>,
): Id[] {
  if (!text) return [];
  return matchThemeSegments(segmentText(text, language), language, themes);
}

/** {@link matchThemes} of a comment already segmented with {@link segmentText} under `language`. */
export function matchThemeSegments<Id>(
  segments: readonly TextSegment[],
  language: string | null | undefined,
  themes: readonly ThemeDefinition<Id>[] | CompiledThemes<Id>,
): Id[] {
  const compiled = "byLanguage" in themes ? themes : compiledFor(themes);
  const lang = primaryLanguage(language);
  const words = wordKeys(segments);
  if (words.length === 0) return [];
  const compact = words.join("");
  const found = new Set<number>();
  if (lang) {
    for (const key of [lang, ANY_LANGUAGE]) {
      const index = compiled.byLanguage.get(key);
      if (index) matchIndex(index, words, compact, lang, found);
    }
  } else {
    for (const [key, index] of compiled.byLanguage) matchIndex(index, words, compact, key === ANY_LANGUAGE ? null : key, found);
  }
  return [...found].sort((a, b) => a - b).map((position) => compiled.ids[position]!);
}
