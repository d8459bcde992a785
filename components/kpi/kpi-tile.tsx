"use client";

import { ArrowDownRight, ArrowRight, ArrowUpRight } from "lucide-react";
import { useId } from "react";
import { LowSampleBadge } from "@/components/dashboard/low-sample-badge";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { TileView, Tone } from "./kpi-tile-model";
import { KpiSparkline } from "./kpi-sparkline";

const TONE_CLASS: Record<Tone, string> = {
  good: "text-positive",
  bad: "text-negative",
  neutral: "text-muted-foreground",
};

const STATUS_CLASS = {
  met: "bg-positive/15 text-positive",
  onTrack: "bg-primary/15 text-primary",
  behind: "bg-negative/15 text-negative",
  none: "bg-muted text-muted-foreground",
} as const;

const PROGRESS_CLASS = {
  met: "bg-positive",
  onTrack: "bg-primary",
  behind: "bg-negative",
  none: "bg-muted-foreground",
} as const;

/**
 * One KPI: its value (— without data), the change against the comparison period coloured by whether
 * it is good, the target with its status, the sample size and a low-sample mark, a 12-month sparkline,
 * and a note when some filters do not apply to it.
 */
export function KpiTile({ view }: { view: TileView }) {
  const { t } = useI18n();
  const aboutId = useId();
  const { delta, target } = view;
  const Arrow = delta?.direction === "up" ? ArrowUpRight : delta?.direction === "down" ? ArrowDownRight : ArrowRight;
  const status = target?.status ?? "none";

  return (
    <Card className="flex min-w-0 flex-col gap-2 p-4" data-testid={`kpi-${view.kpi}`} aria-describedby={aboutId}>
      <div className="flex items-start justify-between gap-2">
        <h3 className="text-sm font-medium text-muted-foreground" title={view.about}>
          {view.label}
        </h3>
        {view.lowSample && <LowSampleBadge />}
      </div>
      <p id={aboutId} className="sr-only">
        {view.about}
      </p>

      <div>
        <p
          className={cn("text-2xl font-semibold tabular-nums", view.lowSample && "opacity-80")}
          data-testid={`kpi-${view.kpi}-value`}
        >
          {view.value}
        </p>
        {view.details.map((detail) => (
          <p key={detail.text} className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
            <span className="tabular-nums">{detail.text}</span>
            {detail.lowSample && <LowSampleBadge />}
          </p>
        ))}
      </div>

      <div className="text-xs">
        {delta ? (
          <p className="flex flex-wrap items-center gap-x-1.5">
            <span className={cn("inline-flex items-center gap-0.5 font-medium tabular-nums", TONE_CLASS[delta.tone])}>
              <Arrow className="size-3.5" aria-hidden />
              {delta.text}
              <span className="sr-only">, {delta.meaning}</span>
            </span>
            <span className="text-muted-foreground">{view.comparisonText}</span>
            {delta.notSignificant && (
              <span className="text-muted-foreground italic" title={t("dashboard.kpi.notSignificantHint")}>
                · {t("dashboard.kpi.notSignificant")}
              </span>
            )}
          </p>
        ) : view.kpi === "revenue_at_risk" ? null : (
          // revenue at risk is a state (today's detractors), not a flow: it has no comparison period
          <p className="text-muted-foreground">{t("dashboard.kpi.noChange")}</p>
        )}
      </div>

      {target ? (
        <div className="text-xs" title={target.detail}>
          <div className="flex items-center justify-between gap-2">
            <span className="tabular-nums text-muted-foreground">{target.text}</span>
            <span className={cn("rounded px-1.5 py-px text-[11px] font-medium", STATUS_CLASS[status])}>
              {target.statusText}
            </span>
          </div>
          {target.progress !== null && (
            <div className="mt-1 h-1 w-full overflow-hidden rounded-full bg-muted" aria-hidden>
              <div
                className={cn("h-full rounded-full", PROGRESS_CLASS[status])}
                style={{ width: `${Math.round(target.progress * 100)}%` }}
              />
            </div>
          )}
          <span className="sr-only">{target.detail}</span>
        </div>
      ) : (
        <p className="text-xs text-muted-foreground">{t("dashboard.kpi.noTarget")}</p>
      )}

      <KpiSparkline points={view.sparkline} summary={view.sparklineSummary} />

      <div className="mt-auto flex flex-wrap items-center justify-between gap-x-2 text-[11px] text-muted-foreground">
        <span className="tabular-nums" title={view.sampleTitle}>
          {view.sampleText}
        </span>
        {view.ignoredNote && <span>{view.ignoredNote}</span>}
      </div>
    </Card>
  );
}
