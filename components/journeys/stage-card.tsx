"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import type { AppRouter } from "@/server/api/root";
import { JOURNEY_FEEDBACK_WINDOW_DAYS } from "@/server/domain/journeys";
import { formatNumber } from "@/server/i18n/core";

type Stage = inferRouterOutputs<AppRouter>["journeys"]["list"]["items"][number];

/** `number` is the stage's 1-based place in the journey (positions may have gaps after reordering). */
export function StageCard({ stage, number }: { stage: Stage; number: number }) {
  const { t, locale } = useI18n();
  return (
    <Card className="flex w-full flex-col">
      <CardHeader>
        <p className="text-xs font-medium text-muted-foreground">{t("journeys.stage", { number })}</p>
        <h2 className="text-lg font-semibold" dir="auto">
          {stage.name}
        </h2>
      </CardHeader>
      <CardContent className="flex flex-1 flex-col gap-4">
        <div>
          <p className="text-2xl font-semibold tabular-nums">{formatNumber(locale, stage.feedbackCount)}</p>
          <p className="text-xs text-muted-foreground">
            {t("journeys.feedbackWindow", { days: JOURNEY_FEEDBACK_WINDOW_DAYS })}
          </p>
          <p className="mt-1 text-xs text-muted-foreground">
            {t("journeys.mainMetric", { metric: t(`enumLabels.metricKind.${stage.mainMetric}`) })}
          </p>
        </div>
        <div>
          <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">
            {t("journeys.touchpoints")}
          </h3>
          {stage.touchpoints.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("journeys.noTouchpoints")}</p>
          ) : (
            <ul className="flex flex-col gap-1.5">
              {stage.touchpoints.map((point) => (
                <li key={point.id} className="flex items-center justify-between gap-2 rounded-md bg-muted px-2 py-1.5 text-sm">
                  <span className="min-w-0 truncate" dir="auto">
                    {point.name}
                  </span>
                  <span className="shrink-0 text-xs text-muted-foreground">{t(`enumLabels.channel.${point.channel}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
