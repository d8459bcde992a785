"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Card } from "@/components/ui/card";
import { MetricDelta, MetricValue } from "./metric-delta";
import type { MetricView } from "./segment-metrics";

/** A segment's figures as a grid of cards: label, value with its low-sample mark, details, change. */
export function MetricCards({ views, label }: { views: MetricView[]; label: string }) {
  const { t } = useI18n();
  return (
    <ul aria-label={label} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5">
      {views.map((view) => (
        <li key={view.metric}>
          <Card className="flex h-full flex-col gap-1 p-4" data-testid={`segment-metric-${view.metric}`}>
            <h3 className="text-sm font-medium text-muted-foreground" title={t(`segments.metricHints.${view.metric}`)}>
              {view.label}
            </h3>
            <MetricValue view={view} className="text-xl" />
            {view.sample && <p className="text-xs text-muted-foreground tabular-nums">{view.sample}</p>}
            {view.detail && <p className="text-xs text-muted-foreground tabular-nums">{view.detail}</p>}
            <div className="mt-auto pt-1">
              <MetricDelta delta={view.delta} noChange={t("segments.noChange")} />
            </div>
          </Card>
        </li>
      ))}
    </ul>
  );
}
