import { francAll } from "franc";
import { foldForMatching, stripMarkup } from "./normalise";
import { lexiconFor } from "./lexicon";
import { stopWords } from "./stop-words";

/**
 * ISO 639-3 codes franc returns → the BCP 47 tags stored in `feedback.language`. Only these
 * languages are considered, which keeps franc from answering Scots or Tok Pisin for a short
 * English sentence. Macrolanguage members map to the macrolanguage's tag (Mandarin → "zh",
 * Iranian and Dari Persian → "fa", Standard Arabic → "ar", Standard Malay → "ms").
 */
// prettier-ignore
export const ISO639_3_TO_BCP47: Readonly<Record<string, string>> = {
  eng: "en", fra: "fr", spa: "es", por: "pt", deu: "de", ita: "it", nld: "nl", cat: "ca",
  glg: "gl", ron: "ro", pol: "pl", ces: "cs", slk: "sk", slv: "sl", hrv: "hr", bos: "bs",
  srp: "sr", hun: "hu", fin: "fi", ekk: "et", lvs: "lv", lit: "lt", swe: "sv", dan: "da",
  nob: "nb", nno: "nn", afr: "af", tur: "tr", azj: "az", ind: "id", zlm: "ms", vie: "vi",
  tgl: "tl", swh: "sw", rus: "ru", ukr: "uk", bel: "be", bul: "bg", mkd: "mk", kaz: "kk",
  uzn: "uz", ell: "el", heb: "he", arb: "ar", pes: "fa", prs: "fa", urd: "ur", hin: "hi",
  mar: "mr", npi: "ne", ben: "bn", pan: "pa", guj: "gu", tam: "ta", tel: "te", kan: "kn",
  mal: "ml", sin: "si", tha: "th", khm: "km", mya: "my", kat: "ka", hye: "hy", amh: "am",
  cmn: "zh", jpn: "ja", kor: "ko",
};

/**
 * The languages {@link detectLanguage} chooses among unless told otherwise: widely used ones.
 * Close relatives that trigrams confuse on a short comment (Galician for Portuguese, Catalan for
 * French, Bulgarian for Russian) are left out; pass them as `candidates` where a workspace really
 * receives them.
 */
// prettier-ignore
export const DEFAULT_DETECTION_LANGUAGES: readonly string[] = [
  "en", "fr", "es", "pt", "de", "it", "nl", "pl", "sv", "da", "fi", "cs", "hu", "ro", "tr", "ru",
  "uk", "el", "he", "ar", "fa", "ur", "hi", "bn", "id", "vi", "th", "zh", "ja", "ko",
];

const BCP47_TO_ISO639_3 = new Map<string, string[]>();
for (const [iso3, tag] of Object.entries(ISO639_3_TO_BCP47)) {
  BCP47_TO_ISO639_3.set(tag, [...(BCP47_TO_ISO639_3.get(tag) ?? []), iso3]);
}
const francCodeLists = new Map<string, string[]>();
function francCodes(candidates: readonly string[]): string[] {
  const cacheKey = candidates.join(",");
  let codes = francCodeLists.get(cacheKey);
  if (!codes) {
    codes = candidates.flatMap((tag) => BCP47_TO_ISO639_3.get(tag) ?? []);
    francCodeLists.set(cacheKey, codes);
  }
  return codes;
}

const KANA = /[\u3040-\u30FF\u31F0-\u31FF]/gu;
const HAN = /\p{Script=Han}/gu;
/** Scripts that only one supported language writes: decided without trigrams. */
const SCRIPT_ONLY_LANGUAGES: ReadonlyArray<{ script: RegExp; language: string }> = [
  { script: HAN, language: "zh" },
  { script: /\p{Script=Hangul}/gu, language: "ko" },
  { script: /\p{Script=Hebrew}/gu, language: "he" },
  { script: /\p{Script=Thai}/gu, language: "th" },
  { script: /\p{Script=Greek}/gu, language: "el" },
  { script: /\p{Script=Georgian}/gu, language: "ka" },
  { script: /\p{Script=Armenian}/gu, language: "hy" },
];
const LETTER = /\p{L}/gu;
const UKRAINIAN_LETTERS = /[іїєґІЇЄҐ]/;
const RUSSIAN_LETTERS = /[ыэёъЫЭЁЪ]/;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const ARABIC_SCRIPT = /\p{Script=Arabic}/gu;
const URDU_LETTERS = /[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06D2]/; // ٹ ڈ ڑ ں ھ ہ ے
const PERSIAN_LETTERS = /[\u067E\u0686\u0698\u06AF\u06CC\u06A9]/gu; // پ چ ژ گ ی ک
const ARABIC_LETTERS = /[\u0629\u064A\u0643\u0649]/gu; // ة ي ك ى
const NOT_LANGUAGE = /[\p{N}\p{P}\p{S}\s]+/gu;

/** Fewer letters than this in a script shared by several languages (Latin, Cyrillic, Arabic…) → null. */
export const MIN_LETTERS_FOR_DETECTION = 12;
/** Letters needed in a script written by one supported language only (Hebrew, Han, kana…). */
export const MIN_LETTERS_SINGLE_SCRIPT = 2;

/**
 * Weight of the share of the words that a language knows (its stop words and sentiment lexicon),
 * added to franc's 0–1 similarity.
 */
export const VOCABULARY_WEIGHT = 1.5;
/** Below this lead of the best language over the next, the text is undetermined (null). */
export const AMBIGUITY_MARGIN = 0.05;
/** Only the first this many characters of a comment are looked at. */
export const SAMPLE_LENGTH = 300;
/** Without trigrams: ≥ 6 words, ≥ half of them known to one language, 0.25 ahead of the next. */
export const FAST_PATH_MIN_WORDS = 6;
export const FAST_PATH_MIN_SHARE = 0.5;
export const FAST_PATH_MIN_LEAD = 0.25;
/** franc's closest languages that the vocabulary then re-ranks. */
const FRANC_CANDIDATES = 6;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * The language of a comment as a BCP 47 tag ("en", "he", "zh", "fa", …), or null when the text
 * is too short or cannot be told apart.
 *
 * Looks at the first {@link SAMPLE_LENGTH} characters; URLs, @mentions, digits, punctuation and
 * emoji are ignored. A comment whose words are mostly one language's known words (stop words and
 * sentiment lexicon; see {@link FAST_PATH_MIN_SHARE}) is that language without further ado. When at least half of the letters
 * are in a script that only one supported language uses (Hebrew → "he", Han → "zh", kana →
 * "ja", Hangul → "ko", Thai, Greek, Georgian, Armenian), {@link MIN_LETTERS_SINGLE_SCRIPT}
 * letters suffice; kana makes Han text Japanese. Otherwise franc's trigram model decides among
 * `candidates` (BCP 47 tags of {@link ISO639_3_TO_BCP47}; default
 * {@link DEFAULT_DETECTION_LANGUAGES}) and needs {@link MIN_LETTERS_FOR_DETECTION} letters:
 * each language scores franc's similarity (0–1, 1 for the closest) plus {@link VOCABULARY_WEIGHT}
 * × the share of the words it knows (stop words, sentiment lexicon), which settles short comments
 * that trigrams alone give to a neighbour ("o produto chegou" is not Galician); a lead under
 * {@link AMBIGUITY_MARGIN} → null. Cyrillic text with і/ї/є/ґ is Ukrainian, with ы/э/ё/ъ
 * Russian; Arabic-script text with ٹ/ڈ/ڑ/ں/ھ/ے is Urdu, with more of پ/چ/ژ/گ/ی/ک than of ة/ي/ك/ى
 * Persian, with more of the latter Arabic.
 */
export function detectLanguage(
  text: string | null | undefined,
  candidates: readonly string[] = DEFAULT_DETECTION_LANGUAGES,
): string | null {
  if (!text) return null;
  // the opening of a long review says as much as all of it, and trigrams cost per character
  const plain = stripMarkup(text.length > SAMPLE_LENGTH ? text.slice(0, SAMPLE_LENGTH) : text)
    .replace(NOT_LANGUAGE, " ")
    .trim();
  const letters = count(plain, LETTER);
  if (letters < MIN_LETTERS_SINGLE_SCRIPT) return null;

  const kana = count(plain, KANA);
  if (kana > 0 && (kana + count(plain, HAN)) * 2 >= letters) return "ja";
  let best: { language: string; letters: number } | null = null;
  for (const { script, language } of SCRIPT_ONLY_LANGUAGES) {
    const n = count(plain, script);
    if (n > (best?.letters ?? 0)) best = { language, letters: n };
  }
  if (best && best.letters * 2 >= letters) return best.language;
  if (letters < MIN_LETTERS_FOR_DETECTION) return null;

  let pool = candidates;
  if (count(plain, CYRILLIC) * 2 >= letters) {
    // trigrams tell Russian from Ukrainian badly on short text; their letters tell them apart
    if (UKRAINIAN_LETTERS.test(plain) && candidates.includes("uk")) return "uk";
    if (RUSSIAN_LETTERS.test(plain) && candidates.includes("ru")) return "ru";
  } else if (count(plain, ARABIC_SCRIPT) * 2 >= letters) {
    // so do Arabic, Persian and Urdu: each writes letters the others do not
    if (URDU_LETTERS.test(plain) && candidates.includes("ur")) return "ur";
    const persian = count(plain, PERSIAN_LETTERS);
    const arabic = count(plain, ARABIC_LETTERS);
    if (persian > arabic && candidates.includes("fa")) return "fa";
    if (arabic > persian && candidates.includes("ar")) return "ar";
    pool = candidates.filter((tag) => tag === "ar" || tag === "fa" || tag === "ur");
  }

  const only = francCodes(pool);
  if (only.length === 0) return null;
  const words = plain.toLowerCase().split(" ").map(foldForMatching);
  const shares = new Map<string, number>();
  const vocabularyShare = (language: string): number => {
    let share = shares.get(language);
    if (share === undefined) {
      const stops = stopWords(language);
      const lexicon = lexiconFor(language);
      const known = words.filter((w) => stops.has(w) || (lexicon?.entries.has(w) ?? false)).length;
      share = known / words.length;
      shares.set(language, share);
    }
    return share;
  };

  // Most comments name their language by their words alone: no trigrams needed.
  if (words.length >= FAST_PATH_MIN_WORDS) {
    const ranked = pool
      .filter((language) => stopWords(language).size > 0)
      .map((language) => ({ language, share: vocabularyShare(language) }))
      .sort((a, b) => b.share - a.share);
    const [top, next] = ranked;
    if (top && top.share >= FAST_PATH_MIN_SHARE && top.share - (next?.share ?? 0) >= FAST_PATH_MIN_LEAD) return top.language;
  }

  // franc's closest languages, and every language whose words we know, re-ranked by those words
  const ranked = francAll(plain, { only, minLength: 1 });
  const similarity = new Map(ranked.map(([code, value]) => [ISO639_3_TO_BCP47[code], value]));
  const contenders = new Set<string>();
  for (const [code] of ranked.slice(0, FRANC_CANDIDATES)) {
    const language = ISO639_3_TO_BCP47[code];
    if (language !== undefined) contenders.add(language);
  }
  for (const language of pool) if (stopWords(language).size > 0 && similarity.has(language)) contenders.add(language);
  let first: { language: string; score: number } | null = null;
  let second = -Infinity;
  for (const language of contenders) {
    const score = (similarity.get(language) ?? 0) + VOCABULARY_WEIGHT * vocabularyShare(language);
    if (first === null || score > first.score) {
      second = first?.score ?? second;
      first = { language, score };
    } else if (score > second) {
      second = score;
    }
  }
  return first !== null && first.score - second >= AMBIGUITY_MARGIN ? first.language : null;
}
