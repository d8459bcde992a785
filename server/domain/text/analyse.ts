import type { MetricKind } from "../enums";
import { detectLanguage } from "./language";
import { primaryLanguage } from "./normalise";
import { sentimentOfSegments, type SentimentResult } from "./sentiment";
import { compileThemes, matchThemeSegments, type CompiledThemes, type ThemeDefinition } from "./themes";
import { segmentText } from "./tokenise";

export interface CommentInput {
  text: string | null | undefined;
  /** BCP 47 tag when the source gave one; null/absent → detected. */
  language?: string | null;
  metricKind?: MetricKind | null;
  score?: number | null;
}

export interface CommentAnalysis<Id = string | number> {
  /** BCP 47 tag: the given one (as given) or the detected one; null when neither. */
  language: string | null;
  languageSource: "given" | "detected" | null;
  sentiment: SentimentResult;
  /** Ids of the matched themes, in the themes' order. */
  themeIds: Id[];
}

/**
 * Language, sentiment and themes of one comment, ready for `feedback.language`,
 * `feedback.sentiment`/`sentimentLabel` and `feedback_themes` (origin "rule"). A given language
 * is kept; otherwise it is detected ({@link detectLanguage}). Sentiment: as analyseSentiment
 * under that language. Themes: as matchThemes; pass {@link compileThemes}' result when analysing
 * many comments. The text is segmented once for both.
 */
export function analyseComment<Id = string | number>(
  input: CommentInput,
  themes: readonly ThemeDefinition<Id>[] | CompiledThemes<Id> = [],
): CommentAnalysis<Id> {
  const text = input.text?.trim() ? input.text : null;
  const given = input.language?.trim() ? input.language.trim() : null;
  const language = given ?? (text ? detectLanguage(text) : null);
  // segmented once, for sentiment and themes alike
  const segments = text ? segmentText(text, language) : null;
  const sentiment = sentimentOfSegments(segments, primaryLanguage(language), input.metricKind, input.score);
  const themeIds = segments ? matchThemeSegments(segments, language, themes) : [];
  return {
    language,
    languageSource: given ? "given" : language ? "detected" : null,
    sentiment,
    themeIds,
  };
}

/**
 * {@link analyseComment} for many comments, compiling the themes once. Results are in input
 * order. Pure and synchronous: about 10,000 short comments a second or more on one core (see
 * bench/text-speed.ts); split larger batches to keep an event loop responsive.
 */
export function analyseBatch<Id = string | number>(
  inputs: readonly CommentInput[],
  themes: readonly ThemeDefinition<Id>[] = [],
): Array<CommentAnalysis<Id>> {
  const compiled = compileThemes(themes);
  return inputs.map((input) => analyseComment(input, compiled));
}
