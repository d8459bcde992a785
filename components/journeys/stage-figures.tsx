"use client";

import { ArrowDownRight, ArrowRight, ArrowUpRight } from "lucide-react";
import { formatCount } from "@/components/dashboard/format";
import { LowSampleBadge } from "@/components/dashboard/low-sample-badge";
import { useI18n } from "@/components/i18n/i18n-provider";
import { cn } from "@/components/ui/cn";
import { formatSentiment, formatStageMetric, sentimentTone, stageTrend, type TrendDirection } from "./journey-format";
import type { JourneyFigures, StageMetricKind } from "./types";

const TREND_CLASS: Record<TrendDirection, string> = {
  up: "text-positive",
  down: "text-negative",
  flat: "text-muted-foreground",
};
const TREND_ICON = { up: ArrowUpRight, down: ArrowDownRight, flat: ArrowRight } as const;
const SENTIMENT_CLASS = { positive: "text-positive", negative: "text-negative", neutral: "text-foreground" } as const;

interface StageFiguresProps {
  kind: StageMetricKind;
  current: JourneyFigures;
  previous: JourneyFigures | null;
  /** The comparison period's label ("Previous 90 days"), for the trend's spoken meaning. */
  comparison: string | null;
  /** A touchpoint's one-line version. */
  compact?: boolean;
}

/**
 * A stage's or touchpoint's figures for the period: the main metric (marked when it rests on fewer
 * than 30 answers), its change since the comparison period, the feedback volume and mean sentiment.
 */
export function StageFigures({ kind, current, previous, comparison, compact = false }: StageFiguresProps) {
  const { t, locale } = useI18n();
  const metricName = t(`enumLabels.metricKind.${kind}`);
  const value = formatStageMetric(locale, kind, current.metric.value);
  const trend = stageTrend(locale, kind, current.metric.value, previous?.metric.value ?? null);
  const trendText = trend
    ? trend.direction === "flat"
      ? t("journeys.map.trend.flat")
      : t(`journeys.map.trend.${trend.direction}`, { delta: t(`journeys.map.unit.${kind}`, { value: trend.delta }) })
    : t("journeys.map.trend.none");
  const trendMeaning =
    trend && previous && comparison
      ? t("journeys.map.trendMeaning", {
          comparison,
          previous: formatStageMetric(locale, kind, previous.metric.value),
        })
      : null;
  const Icon = trend ? TREND_ICON[trend.direction] : null;
  const sample = t("journeys.map.responsesTitle", {
    count: formatCount(locale, current.metric.sampleSize),
    metric: metricName,
  });
  const sentiment = formatSentiment(locale, current.sentiment);
  const sentimentClass = SENTIMENT_CLASS[sentimentTone(current.sentiment)];

  const trendNode = (
    <span
      className={cn(
        "inline-flex items-center gap-0.5 text-xs font-medium tabular-nums",
        trend ? TREND_CLASS[trend.direction] : "text-muted-foreground",
      )}
      title={trendMeaning ?? undefined}
    >
      {Icon && <Icon aria-hidden className="size-3.5" />}
      {trendText}
      {trendMeaning && <span className="sr-only">, {trendMeaning}</span>}
    </span>
  );

  if (compact) {
    return (
      <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-muted-foreground">
        <span className="font-semibold tabular-nums text-foreground" title={sample}>
          {metricName} {value}
        </span>
        {current.metric.lowSample && current.metric.sampleSize > 0 && <LowSampleBadge />}
        {trendNode}
        <span className="tabular-nums">
          {t("journeys.map.volume")} {formatCount(locale, current.volume)}
        </span>
      </div>
    );
  }

  return (
    <dl className="grid grid-cols-2 gap-x-3 gap-y-2">
      <div className="col-span-2">
        <dt className="text-xs text-muted-foreground">{t(`journeys.map.metricAbout.${kind}`)}</dt>
        <dd className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
          <span className="text-3xl font-semibold tabular-nums" title={sample}>
            {value}
          </span>
          {current.metric.sampleSize > 0 ? (
            <span className="text-xs tabular-nums text-muted-foreground" title={sample}>
              {t("journeys.map.responses", { count: formatCount(locale, current.metric.sampleSize) })}
            </span>
          ) : (
            <span className="text-xs text-muted-foreground">{t("journeys.map.noScore")}</span>
          )}
          {current.metric.lowSample && current.metric.sampleSize > 0 && <LowSampleBadge />}
        </dd>
        <dd className="mt-0.5">{trendNode}</dd>
      </div>
      <div>
        <dt className="text-xs text-muted-foreground">{t("journeys.map.volume")}</dt>
        <dd className="text-sm font-medium tabular-nums">{formatCount(locale, current.volume)}</dd>
      </div>
      <div>
        <dt className="text-xs text-muted-foreground">{t("journeys.map.sentiment")}</dt>
        <dd className={cn("text-sm font-medium tabular-nums", sentimentClass)}>{sentiment}</dd>
      </div>
    </dl>
  );
}
