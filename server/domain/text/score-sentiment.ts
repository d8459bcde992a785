import type { MetricKind, SentimentLabel } from "../enums";
import { isScoreInRange } from "../scores";

/**
 * The neutral band of each metric kind, the same bands the KPIs use: NPS passives 7–8 (detractors
 * 0–6 negative, promoters 9–10 positive), CSAT and ratings 3 (1–2 negative, 4–5 positive, as in
 * CSAT's "satisfied" 4–5), CES 4 on the 1–7 "it was easy" agreement scale (1–3 hard → negative,
 * 5–7 easy → positive, as in CES's "easy" 5–7).
 */
export const SCORE_SENTIMENT_BANDS: Record<Exclude<MetricKind, "none">, { min: number; neutralLow: number; neutralHigh: number; max: number }> = {
  nps: { min: 0, neutralLow: 7, neutralHigh: 8, max: 10 },
  csat: { min: 1, neutralLow: 3, neutralHigh: 3, max: 5 },
  rating: { min: 1, neutralLow: 3, neutralHigh: 3, max: 5 },
  ces: { min: 1, neutralLow: 4, neutralHigh: 4, max: 7 },
};

/**
 * Sentiment implied by a score when the text cannot speak: the label from
 * {@link SCORE_SENTIMENT_BANDS}, and a value in −1…1 that maps the scale piecewise-linearly
 * around the middle m of the neutral band: (score − m) / (m − min) below it, (score − m) /
 * (max − m) above it, so the scale's ends are −1 and 1 and the neutral band sits around 0
 * (NPS: 0 → −1, 6 → −0.2, 7.5 → 0, 9 → 0.6, 10 → 1; CSAT 1 → −1, 2 → −0.5, 3 → 0, 5 → 1).
 * Null for kind "none", a null score, or a score outside the kind's range.
 */
export function sentimentFromScore(
  metricKind: MetricKind | null | undefined,
  score: number | null | undefined,
): { score: number; label: SentimentLabel } | null {
  if (!metricKind || metricKind === "none" || score === null || score === undefined) return null;
  if (!isScoreInRange(metricKind, score)) return null;
  const band = SCORE_SENTIMENT_BANDS[metricKind];
  const middle = (band.neutralLow + band.neutralHigh) / 2;
  const value = score < middle ? (score - middle) / (middle - band.min) : (score - middle) / (band.max - middle);
  const label: SentimentLabel = score < band.neutralLow ? "negative" : score > band.neutralHigh ? "positive" : "neutral";
  return { score: Math.round(value * 1000) / 1000, label };
}
