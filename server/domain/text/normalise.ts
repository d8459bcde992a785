/**
 * Text normalisation shared by language detection, tokenisation, sentiment and theme matching.
 * Two levels: `normaliseText` gives the form shown to people (NFKC, lower case, no Hebrew/Arabic
 * vowel points); `foldForMatching` gives the key that lexicons and keywords are compared on
 * (also without Latin accents and with Arabic-script letter variants merged), so "nao" finds
 * "não" and a keyword typed with a Persian yeh finds text typed with an Arabic one.
 */

// Hebrew cantillation and niqqud (vowel points), keeping maqaf (U+05BE), paseq, sof pasuq.
const HEBREW_POINTS = /[\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7]/g;
// Arabic harakat, Quranic marks, superscript alef and tatweel (the elongation stroke).
const ARABIC_POINTS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;
const APOSTROPHES = /[\u2018\u2019\u02BC\u00B4`]/g;
// Persian writes a zero-width non-joiner inside words ("نمی‌خواهم"); as a space, the negative
// prefix and the plural suffix become words of their own, which is how lexicons spell them.
const ARABIC_SCRIPT_ZWNJ = /(?<=[\u0600-\u06FF])\u200C|\u200C(?=[\u0600-\u06FF])/g;
const LATIN_ACCENTS = /[\u0300-\u036F]/g;
const NON_ASCII = /[^\u0000-\u007F]/;

const ARABIC_LETTER_FOLDS: Record<string, string> = {
  "\u0623": "\u0627", // أ → ا
  "\u0625": "\u0627", // إ → ا
  "\u0622": "\u0627", // آ → ا
  "\u0671": "\u0627", // ٱ → ا
  "\u0649": "\u064A", // ى → ي
  "\u06CC": "\u064A", // Persian yeh ی → ي
  "\u06A9": "\u0643", // Persian keheh ک → ك
  "\u0629": "\u0647", // ة → ه
};
const ARABIC_LETTER_VARIANTS = /[\u0623\u0625\u0622\u0671\u0649\u06CC\u06A9\u0629]/g;

const HTML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
const HTML_ENTITY = /&(#\d{1,7}|#x[0-9a-f]{1,6}|amp|lt|gt|quot|apos|nbsp);/gi;
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const MENTION = /(?<![\p{L}\p{N}_])@[\p{L}\p{N}_]+/gu;
const HASH = /(?<![\p{L}\p{N}_])#(?=[\p{L}\p{N}_])/gu;

function decodeEntity(match: string, body: string): string {
  const lower = body.toLowerCase();
  if (lower.startsWith("#")) {
    const code = lower.startsWith("#x") ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
  }
  return HTML_ENTITIES[lower] ?? match;
}

/**
 * Removes what is not the customer's language: URLs and @mentions become spaces, HTML entities
 * (`&amp;`, `&#39;`) are decoded, a hashtag keeps its word ("#fail" → "fail"; with
 * `keepHashes` the "#" stays, for callers that treat hashtags apart).
 */
export function stripMarkup(text: string, keepHashes = false): string {
  const stripped = text.replace(HTML_ENTITY, decodeEntity).replace(URL, " ").replace(MENTION, " ");
  return keepHashes ? stripped : stripped.replace(HASH, "");
}

/**
 * The display form of text: Unicode NFKC (full-width letters, ligatures and compatibility
 * characters become their plain forms), Hebrew and Arabic vowel points removed (customers rarely
 * write them, lexicons sometimes do), typographic apostrophes as "'", Persian ZWNJ as a space.
 * Case is kept: callers lower-case per token where case carries meaning (ALL CAPS emphasis).
 */
export function normaliseScript(text: string): string {
  return text
    .normalize("NFKC")
    .replace(HEBREW_POINTS, "")
    .replace(ARABIC_POINTS, "")
    .replace(APOSTROPHES, "'")
    .replace(ARABIC_SCRIPT_ZWNJ, " ");
}

/** {@link normaliseScript} and lower case: the form phrases are shown in. */
export function normaliseText(text: string): string {
  return normaliseScript(text).toLowerCase();
}

/**
 * The comparison key of normalised text: Latin (and Greek/Cyrillic) combining accents removed
 * ("não" → "nao", "défectueux" → "defectueux"), Arabic-script letter variants merged (alef forms,
 * alef maqsura and Persian yeh → ي, keheh → ك, teh marbuta → ه). Pure ASCII is returned as is.
 * The fold is lossy on purpose ("año" and "ano" meet); it is only ever used to compare.
 */
export function foldForMatching(normalised: string): string {
  if (!NON_ASCII.test(normalised)) return normalised;
  return normalised
    .normalize("NFD")
    .replace(LATIN_ACCENTS, "")
    .normalize("NFC")
    .replace(ARABIC_LETTER_VARIANTS, (c) => ARABIC_LETTER_FOLDS[c] ?? c);
}

/** Primary language subtag of a BCP 47 tag, lower case: "pt-BR" → "pt"; legacy "iw" → "he". */
export function primaryLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const primary = tag.trim().split(/[-_]/)[0]?.toLowerCase() ?? "";
  if (primary === "") return null;
  return primary === "iw" ? "he" : primary;
}
