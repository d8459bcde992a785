/**
 * The lexicon scorer behind analyseSentiment: AFINN-style valences adjusted by negation,
 * boosters, contrast, capitals, questions and irrealis, per language.
 */
import { emojiValence, lexiconFor, type Lexicon } from "./lexicon";
import { primaryLanguage } from "./normalise";
import { BOOSTER_FACTOR, NEGATION_SCOPE, sentimentRules, type SentimentRules } from "./sentiment-rules";
import { segmentText, type TextSegment } from "./tokenise";

export interface TextSentiment {
  /** Sum of the adjusted valences (AFINN scale, unbounded). */
  raw: number;
  /** raw / √(raw² + {@link SENTIMENT_ALPHA}), in −1…1. */
  score: number;
  /** Lexicon words, phrases, emoji and emoticons found. */
  hits: number;
}

/** Squashes the raw sum into −1…1: one AFINN ±2 word → ±0.46, ±3 → ±0.61, two of them → ±0.84. */
export const SENTIMENT_ALPHA = 15;
/** A negated word keeps three quarters of its strength, reversed ("not good" ≈ −2.25). */
export const NEGATION_FACTOR = -0.75;
/** A word in capitals inside a text that is not all capitals: emphasis. */
export const CAPITALS_FACTOR = 1.5;
/** In a sentence with "but": the part before counts half, the part after one and a half. */
export const BEFORE_CONTRAST = 0.5;
export const AFTER_CONTRAST = 1.5;
/**
 * A negation that negates no sentiment word ("the email never arrived", "can't check in", "still
 * haven't heard"): in customer messages that is a complaint more often than not.
 */
export const DANGLING_NEGATION = -1;
/**
 * Negativity bias: a negative word weighs a quarter more than a positive one, so mixed praise
 * and complaint ("great crew, but two hours late") leans negative, as readers weigh it.
 */
export const NEGATIVE_WEIGHT = 1.25;
/** Added to |raw| per "!" (at most three), in the direction already taken. */
export const EXCLAMATION_BONUS = 0.3;

const HAN = /\p{Script=Han}/u;
const QUESTION = /[?\u061F\uFF1F]/;
const SENTENCE_END = /[.!?…\n\r\u061F\u06D4\u3002\uFF01\uFF1F]/;
const HEBREW_PROCLITICS = /^[והבלמשכ]{1,2}(?=[\u05D0-\u05EA]{2})/;
const ARABIC_PROCLITICS = /^(?:وال|بال|فال|كال|لل|ال|و|ف|ب|ل|ك)(?=[\u0621-\u064A]{2})/;

type Item = { kind: "word"; key: string; upper: boolean; hashtag?: boolean } | { kind: "emoji"; value: number } | { kind: "break"; text: string };

/** Cuts a run of Han characters into the longest dictionary words, left to right. */
function cutHan(key: string, lexicon: Lexicon): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < key.length) {
    let length = Math.min(lexicon.maxChars, key.length - i);
    while (length > 1 && !lexicon.dictionary.has(key.slice(i, i + length))) length--;
    out.push(key.slice(i, i + length));
    i += length;
  }
  return out;
}

function toItems(segments: readonly TextSegment[], lexicon: Lexicon): Item[] {
  const items: Item[] = [];
  for (const s of segments) {
    if (s.kind === "word") {
      if (lexicon.dictionary.size > 0 && HAN.test(s.key)) {
        for (const key of cutHan(s.key, lexicon)) items.push({ kind: "word", key, upper: false });
      } else {
        items.push({ kind: "word", key: s.key, upper: s.upper, hashtag: s.hashtag });
      }
    } else if (s.kind === "emoji") {
      items.push({ kind: "emoji", value: emojiValence(s.text) });
    } else {
      items.push({ kind: "break", text: s.text });
    }
  }
  return items;
}

function lookupWord(key: string, lexicon: Lexicon): number | undefined {
  const direct = lexicon.entries.get(key);
  if (direct !== undefined) return direct;
  // Hebrew and Arabic attach "and", "the", "in", "to" to the word: "והשירות", "والخدمة".
  const proclitics = lexicon.language === "he" ? HEBREW_PROCLITICS : lexicon.language === "ar" ? ARABIC_PROCLITICS : null;
  if (!proclitics) return undefined;
  const bare = key.replace(proclitics, "");
  return bare === key ? undefined : lexicon.entries.get(bare);
}

/** Longest lexicon phrase starting at item `start` (words only, within a clause): [valence, words]. */
function lookupPhrase(items: readonly Item[], start: number, lexicon: Lexicon): [number, number] | null {
  const first = items[start] as Extract<Item, { kind: "word" }>;
  if (!lexicon.phraseStarts.has(first.key)) return null;
  const keys = [first.key];
  for (let i = start + 1; i < items.length && keys.length < lexicon.maxWords; i++) {
    const item = items[i]!;
    if (item.kind !== "word") break;
    keys.push(item.key);
  }
  for (let n = keys.length; n >= 2; n--) {
    const value = lexicon.entries.get(keys.slice(0, n).join(" "));
    if (value !== undefined) return [value, n];
  }
  return null;
}

/**
 * A hashtag runs words together: "#unitedfail", "#whyairtravelsucks", "#notcool". Its valence is
 * that of the longest lexicon word (≥ 3 letters) it ends with, else the longest it starts with,
 * reversed (× the negation factor) when it starts with a negator followed by a lexicon word.
 */
function lookupHashtag(key: string, lexicon: Lexicon, rules: SentimentRules | null): number | undefined {
  if (rules) {
    for (const negator of rules.negators) {
      if (key.length > negator.length + 2 && key.startsWith(negator)) {
        const rest = lexicon.entries.get(key.slice(negator.length));
        if (rest !== undefined) return rest * NEGATION_FACTOR;
      }
    }
  }
  // the head of an English compound comes last ("#epicfail"): endings first, then beginnings
  for (const ending of [true, false]) {
    for (let length = Math.min(key.length - 1, 12); length >= 3; length--) {
      const value = lexicon.entries.get(ending ? key.slice(key.length - length) : key.slice(0, length));
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

function isEmphatic(items: readonly Item[], at: number, rules: SentimentRules): boolean {
  for (let i = at + 1; i <= at + 2 && i < items.length; i++) {
    const item = items[i]!;
    if (item.kind !== "word") return false;
    if (rules.emphatics.has(item.key)) return true;
  }
  return false;
}

interface Hit {
  position: number;
  applied: number;
  negated: boolean;
}

/**
 * Lexicon sentiment of a text in a language with a lexicon (SENTIMENT_LANGUAGES), else null.
 *
 * raw = Σ over sentences of Σ adjusted valences, then ± {@link EXCLAMATION_BONUS} per "!" (≤ 3);
 * score = raw / √(raw² + α), α = {@link SENTIMENT_ALPHA}. A word's AFINN valence (−5…5) is
 * × {@link NEGATIVE_WEIGHT} when negative; × {@link NEGATION_FACTOR} within {@link NEGATION_SCOPE}
 * words after a negator of its clause (German, Dutch and Persian also look back from a negator
 * that finds nothing ahead; a negator that negates nothing adds {@link DANGLING_NEGATION});
 * × 1.5 / 0.6 after a booster / dampener ("very", "slightly"; "never been more" is a booster);
 * × {@link CAPITALS_FACTOR} in capitals; with a contrast word ("but") everything before it ×
 * {@link BEFORE_CONTRAST} and the rest of its sentence × {@link AFTER_CONTRAST}; ignored after an
 * irrealis marker of its clause ("would", "if"). A sentence ending in "?" adds nothing when its sum
 * is positive. Multi-word entries win over their words ("no problem", "on hold"); hashtags are
 * read as compounds ("#unitedfail"); emoji and emoticons add their valence as they are; Hebrew
 * and Arabic words are also looked up without attached prefixes; Chinese runs are cut into the
 * longest lexicon words. `hits` counts what carried sentiment (a dangling negation included).
 */
export function scoreTextSentiment(text: string, language: string): TextSentiment | null {
  const lang = primaryLanguage(language);
  return lang && lexiconFor(lang) ? scoreSegmentsSentiment(segmentText(text, lang), lang) : null;
}

/** {@link scoreTextSentiment} of a comment already segmented with {@link segmentText} under `language`. */
export function scoreSegmentsSentiment(segments: readonly TextSegment[], language: string): TextSentiment | null {
  const lang = primaryLanguage(language);
  const lexicon = lang ? lexiconFor(lang) : null;
  if (!lang || !lexicon) return null;
  const items = toItems(segments, lexicon);
  const shouting = !items.some((i) => i.kind === "word" && !i.upper);
  return scoreItems(items, lexicon, sentimentRules(lang), shouting);
}

function scoreItems(items: readonly Item[], lexicon: Lexicon, rules: SentimentRules | null, shouting: boolean): TextSentiment {
  let total = 0;
  let sentence = 0;
  let contrast = false;
  let hits = 0;
  let exclamations = 0;
  let position = 0;
  let negation: { position: number; left: number; used: boolean } | null = null;
  let boost: { factor: number; left: number } | null = null;
  let last: Hit | null = null;
  let irrealis = false;

  const closeNegation = () => {
    if (negation && !negation.used) {
      // "Ich mag es nicht": a negator with nothing to flip ahead flips the word just before it
      if (rules?.negationLooksBack && last && !last.negated && negation.position - last.position <= NEGATION_SCOPE) {
        sentence += last.applied * (NEGATION_FACTOR - 1);
        last.applied *= NEGATION_FACTOR;
        last.negated = true;
      } else {
        sentence += contrast ? DANGLING_NEGATION * AFTER_CONTRAST : DANGLING_NEGATION;
        hits++;
      }
    }
    negation = null;
  };
  const endClause = () => {
    closeNegation();
    boost = null;
    last = null;
    irrealis = false;
  };

  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind === "break") {
      endClause();
      exclamations += item.text.split("!").length - 1;
      if (SENTENCE_END.test(item.text)) {
        // a question asks rather than praises ("is my flight on time?"); complaints stay
        if (QUESTION.test(item.text) && sentence > 0) sentence = 0;
        total += sentence;
        sentence = 0;
        contrast = false;
      }
      continue;
    }
    if (item.kind === "emoji") {
      if (item.value !== 0) {
        sentence += item.value;
        hits++;
      }
      continue;
    }

    let value: number | undefined;
    let span = 1;
    const phrase = lookupPhrase(items, i, lexicon);
    if (phrase) {
      [value, span] = phrase;
      // a phrase that starts with a negation ("pas bon", "not good") is the negation itself
      if (rules?.negators.has(item.key)) negation = null;
    } else if (rules?.emphaticNegators.has(item.key) && isEmphatic(items, i, rules)) {
      boost = { factor: BOOSTER_FACTOR, left: 3 };
      position++;
      continue;
    } else if (rules?.negators.has(item.key)) {
      // "ne … pas", "not … no": a second negator renews the first one's reach
      if (!negation) negation = { position, left: NEGATION_SCOPE, used: false };
      else negation = { position, left: NEGATION_SCOPE, used: negation.used };
      position++;
      continue;
    } else {
      value = lookupWord(item.key, lexicon);
      if (value === undefined && item.hashtag) value = lookupHashtag(item.key, lexicon, rules);
    }

    if (value === undefined && rules) {
      if (rules.irrealis.has(item.key)) irrealis = true;
      const factor = rules.boosters.get(item.key);
      const post = rules.postBoosters.get(item.key);
      if (factor !== undefined) {
        boost = { factor, left: 2 };
      } else if (post !== undefined && last && position - last.position <= 2) {
        sentence += last.applied * (post - 1);
        last.applied *= post;
      } else if (rules.contrasts.has(item.key)) {
        // "I love your flights! But there's always a delay": the whole text so far counts less
        total *= BEFORE_CONTRAST;
        sentence *= BEFORE_CONTRAST;
        contrast = true;
        endClause();
      } else {
        if (negation && --negation.left === 0) closeNegation();
        if (boost && --boost.left === 0) boost = null;
      }
      position++;
      continue;
    }
    if (value === undefined) {
      position++;
      continue;
    }

    if (irrealis) {
      negation = null;
      boost = null;
      position += span;
      i += span - 1;
      continue;
    }
    let applied = value < 0 ? value * NEGATIVE_WEIGHT : value;
    if (item.upper && !shouting) applied *= CAPITALS_FACTOR;
    if (boost) {
      applied *= boost.factor;
      boost = null;
    }
    let negated = false;
    if (negation) {
      applied *= NEGATION_FACTOR;
      negation.used = true;
      negation = null;
      negated = true;
    }
    if (contrast) applied *= AFTER_CONTRAST;
    sentence += applied;
    hits++;
    last = { position: position + span - 1, applied, negated };
    position += span;
    i += span - 1;
  }
  endClause();
  total += sentence;
  if (total !== 0) total += Math.sign(total) * EXCLAMATION_BONUS * Math.min(exclamations, 3);
  const score = total / Math.sqrt(total * total + SENTIMENT_ALPHA);
  return { raw: total, score: Math.round(score * 1000) / 1000 + 0, hits };
}
