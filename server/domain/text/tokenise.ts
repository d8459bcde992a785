import { foldForMatching, normaliseScript, primaryLanguage, stripMarkup } from "./normalise";

/** A piece of a comment, in reading order. */
export type TextSegment =
  | {
      kind: "word";
      /** Normalised, lower case: "não", "配送", "n'". */
      text: string;
      /** {@link foldForMatching} of `text`: what lexicons and keywords compare on. */
      key: string;
      /** Written in capitals (two or more letters, none lower case): emphasis in most scripts. */
      upper: boolean;
      /** Written as a hashtag ("#fail"): often several words run together ("#neverflyingagain"). */
      hashtag: boolean;
    }
  /** One emoji (skin tone and presentation selectors removed) or a text emoticon such as ":)". */
  | { kind: "emoji"; text: string }
  /** Punctuation that ends a clause: negation and intensifiers do not reach across it. */
  | { kind: "break"; text: string };

export type WordSegment = Extract<TextSegment, { kind: "word" }>;

// Text emoticons, stood alone (space or edge either side, punctuation allowed after).
const EMOTICON =
  /(?<=^|\s)(>:\(|:'\(|[:;=][-'^o]?[)\]}DpP*3]+|[:;=][-'^]?[([{/\\|]+|\([-'^]?[:;=]|<3+|\^_*\^|T_T|-_-)(?=$|\s|[.,!?])/g;
const EMOTICON_PLACEHOLDER = "\uE000";
const EMOJI_MODIFIERS = /[\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F]/gu;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const CLAUSE_BREAK = /[.,;:!?¡¿…()[\]{}\n\r\u2014\u2013\u060C\u061B\u061F\u06D4\u3001\u3002\uFF01\uFF0C\uFF1A\uFF1B\uFF1F]/;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/gu;
// French, Italian and Catalan elision: "n'est" → "n'" + "est", "l'app" → "l'" + "app".
const ELISION = /^(\p{L}{1,2}'|qu'|jusqu'|lorsqu'|puisqu'|dell'|nell'|sull'|dall'|all'|quest'|quell')(\p{L}.*)$/u;
const ELIDING_LANGUAGES = new Set(["fr", "it", "ca"]);

const segmenters = new Map<string, Intl.Segmenter>();
function wordSegmenter(language: string | null): Intl.Segmenter {
  const locale = language ?? "und";
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language ?? undefined, { granularity: "word" });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

function wordSegment(raw: string, hashtag = false): WordSegment {
  const text = raw.toLowerCase();
  const capitals = raw.match(UPPER)?.length ?? 0;
  return { kind: "word", text, key: foldForMatching(text), upper: capitals >= 2 && !LOWER.test(raw), hashtag };
}

/**
 * Splits a comment into words, emoji and clause breaks, with Intl.Segmenter's word boundaries
 * (dictionary-based for Chinese, Japanese and Thai, so unspaced scripts come apart into words).
 * URLs and @mentions are dropped and HTML entities decoded first ({@link stripMarkup}), hashtags
 * become words flagged `hashtag`; text is
 * normalised ({@link normaliseScript}) and lower-cased per word. In French, Italian and Catalan
 * an elided article or "ne" becomes its own word ("n'est" → "n'", "est").
 */
export function segmentText(text: string, language?: string | null): TextSegment[] {
  const lang = primaryLanguage(language);
  const emoticons: string[] = [];
  const prepared = normaliseScript(stripMarkup(text, true)).replace(EMOTICON, (match) => {
    emoticons.push(match);
    return ` ${EMOTICON_PLACEHOLDER} `;
  });
  const out: TextSegment[] = [];
  let emoticonIndex = 0;
  let hashtag = false;
  for (const { segment, isWordLike } of wordSegmenter(lang).segment(prepared)) {
    if (isWordLike) {
      const elided = lang !== null && ELIDING_LANGUAGES.has(lang) ? ELISION.exec(segment) : null;
      if (elided) {
        out.push(wordSegment(elided[1]!), wordSegment(elided[2]!));
      } else {
        out.push(wordSegment(segment, hashtag));
      }
      hashtag = false;
      continue;
    }
    hashtag = segment === "#";
    if (hashtag) {
      continue;
    } else if (segment === EMOTICON_PLACEHOLDER) {
      out.push({ kind: "emoji", text: emoticons[emoticonIndex++] ?? "" });
    } else if (PICTOGRAPHIC.test(segment)) {
      out.push({ kind: "emoji", text: segment.replace(EMOJI_MODIFIERS, "") });
    } else if (CLAUSE_BREAK.test(segment)) {
      out.push({ kind: "break", text: segment });
    }
  }
  return out;
}

/** The words of {@link segmentText}, as keys (normalised, lower case, accents folded). */
export function wordKeys(segments: readonly TextSegment[]): string[] {
  const keys: string[] = [];
  for (const s of segments) if (s.kind === "word") keys.push(s.key);
  return keys;
}

/**
 * The words of a comment in reading order, normalised and lower case (accents kept):
 * `tokenise("配送延迟了", "zh")` → ["配送", "延迟", "了"]; `tokenise("Don’t GO!")` → ["don't", "go"].
 */
export function tokenise(text: string, language?: string | null): string[] {
  const words: string[] = [];
  for (const s of segmentText(text, language)) if (s.kind === "word") words.push(s.text);
  return words;
}
