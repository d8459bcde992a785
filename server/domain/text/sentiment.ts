import type { MetricKind, SentimentLabel } from "../enums";
import { detectLanguage } from "./language";
import { lexiconFor } from "./lexicon";
import { primaryLanguage } from "./normalise";
import { sentimentFromScore } from "./score-sentiment";
import { scoreSegmentsSentiment } from "./text-sentiment";
import { segmentText, type TextSegment } from "./tokenise";


/** Where a label came from: the comment's words, or its score when the words could not say. */
export type SentimentSource = "text" | "score";

export interface SentimentInput {
  text?: string | null;
  /** BCP 47 tag; null or absent → detected from the text. */
  language?: string | null;
  metricKind?: MetricKind | null;
  score?: number | null;
}

export interface SentimentResult {
  /** −1 (most negative) … 1 (most positive), 3 decimals; null without text or score to go on. */
  score: number | null;
  label: SentimentLabel | null;
  source: SentimentSource | null;
}

/** |score| below this is neutral. */
export const NEUTRAL_BAND = 0.05;

/** The label of a −1…1 score: within ±{@link NEUTRAL_BAND} neutral. */
export function labelForScore(score: number, neutralBand = NEUTRAL_BAND): SentimentLabel {
  return score >= neutralBand ? "positive" : score <= -neutralBand ? "negative" : "neutral";
}

/**
 * Sentiment of one comment. With text in a language that has a lexicon (given, or detected when
 * `language` is null/absent) and at least one sentiment-bearing word, emoji or emoticon, the
 * text decides (source "text"; scoreTextSentiment, labelled by {@link labelForScore}). Otherwise
 * the score decides when there is one (source "score", see {@link sentimentFromScore});
 * otherwise text without any sentiment word in a supported language is neutral 0 (source
 * "text"); otherwise all null (no text and no score, or a language without a lexicon and no
 * score).
 */
export function analyseSentiment(input: SentimentInput): SentimentResult {
  const text = input.text?.trim() ? input.text : null;
  const language = primaryLanguage(input.language) ?? (text ? detectLanguage(text) : null);
  const segments = text && language && lexiconFor(language) ? segmentText(text, language) : null;
  return sentimentOfSegments(segments, language, input.metricKind, input.score);
}

/**
 * {@link analyseSentiment} of a comment already segmented under its (known) language; `segments`
 * null when there is no text.
 */
export function sentimentOfSegments(
  segments: readonly TextSegment[] | null,
  language: string | null,
  metricKind?: MetricKind | null,
  score?: number | null,
): SentimentResult {
  const fromText = segments && language ? scoreSegmentsSentiment(segments, language) : null;
  if (fromText && fromText.hits > 0) {
    return { score: fromText.score, label: labelForScore(fromText.score), source: "text" };
  }
  const fromScore = sentimentFromScore(metricKind, score);
  if (fromScore) return { ...fromScore, source: "score" };
  if (fromText) return { score: 0, label: "neutral", source: "text" };
  return { score: null, label: null, source: null };
}
