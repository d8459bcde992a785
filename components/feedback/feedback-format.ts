import type { Channel, FeedbackSource, MetricKind } from "@/server/domain/enums";
import { SCORE_RANGES } from "@/server/domain/scores";
import type { Translate } from "@/server/i18n/core";

export type Tone = "negative" | "neutral" | "positive";

/**
 * How a score reads on its own scale, for colour only (the number is always shown): NPS 0–6 low and
 * 9–10 high (detractor / promoter); CSAT and ratings 1–2 low, 4–5 high; CES 1–3 low, 5–7 high.
 */
export function scoreTone(kind: MetricKind, score: number | null): Tone {
  if (kind === "none" || score === null) return "neutral";
  const [low, high] = kind === "nps" ? [6, 9] : kind === "ces" ? [3, 5] : [2, 4];
  return score <= low ? "negative" : score >= high ? "positive" : "neutral";
}

/** The top of a kind's scale ("NPS 3/10"); null for feedback without a score. */
export function scoreMax(kind: MetricKind): number | null {
  return kind === "none" ? null : SCORE_RANGES[kind].max;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "3 hours ago", "in 2 days": the largest whole unit; under a minute is "now". */
export function formatRelative(at: Date, now: Date, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const diff = at.getTime() - now.getTime();
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return format.format(Math.trunc(diff / ms), unit);
  }
  return format.format(0, "second");
}

/** A language tag's name in the reader's language ("he" → "Hebrew"); the tag itself if unknown. */
export function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A `datetime-local` input's value for an instant, in the browser's time zone. */
export function toLocalInputValue(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** "Survey · Web"; a channel named like its source ("Email · Email") is said once. */
export function sourceAndChannel(item: { source: FeedbackSource; channel: Channel | null }, t: Translate): string {
  const source = t(`enumLabels.feedbackSource.${item.source}`);
  const channel = item.channel ? t(`enumLabels.channel.${item.channel}`) : null;
  return channel && channel !== source ? `${source} · ${channel}` : source;
}
