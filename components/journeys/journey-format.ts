import { formatMean, formatNps, formatPercent, NO_DATA } from "@/components/dashboard/format";
import type { StageMetricKind } from "./types";

/**
 * A stage's main metric as shown: NPS in points ("+42"), CSAT and the share of ratings 4–5 in
 * percent ("87.5%"), CES as a mean on 1–7 ("5.43"). `null` (no scored answer) prints "—".
 */
export function formatStageMetric(locale: string, kind: StageMetricKind, value: number | null): string {
  if (kind === "nps") return formatNps(locale, value);
  if (kind === "ces") return formatMean(locale, value);
  return formatPercent(locale, value);
}

export type TrendDirection = "up" | "down" | "flat";

export interface StageTrend {
  direction: TrendDirection;
  /** The unsigned change at the metric's precision ("3.5", "0.12"); empty when flat. */
  delta: string;
}

/**
 * The change of a stage's main metric since the comparison period, or `null` when either period
 * has no figure. Every main metric is better higher (CES asks how easy it was). A change that
 * rounds to zero at the printed precision (one decimal for points and percent, two for a CES mean)
 * is flat, so "Up 0.0" never shows.
 */
export function stageTrend(
  locale: string,
  kind: StageMetricKind,
  current: number | null,
  previous: number | null,
): StageTrend | null {
  if (current === null || previous === null) return null;
  const change = current - previous;
  const digits = kind === "ces" ? 2 : 1;
  if (Math.abs(change) < 0.5 * 10 ** -digits) return { direction: "flat", delta: "" };
  const delta = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    Math.abs(change),
  );
  return { direction: change > 0 ? "up" : "down", delta };
}

export type SentimentTone = "positive" | "neutral" | "negative";

/** Mean sentiment (−1…1) with two decimals and a sign ("+0.32", "−0.41"); "—" without any. */
export function formatSentiment(locale: string, value: number | null): string {
  if (value === null) return NO_DATA;
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: "exceptZero",
  }).format(value);
}

/** The neutral band of server/domain/text/sentiment.ts (NEUTRAL_BAND), not imported: that module carries the lexicons. */
const NEUTRAL_BAND = 0.05;

/** Colour of a mean sentiment: within ±0.05 neutral, as the labeller reads a single comment. */
export function sentimentTone(value: number | null): SentimentTone {
  if (value === null || Math.abs(value) <= NEUTRAL_BAND) return "neutral";
  return value > 0 ? "positive" : "negative";
}
