"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import type { DashboardFilters } from "@/server/domain/dashboard/filters";
import { FunnelSection } from "./funnel-section";
import { journeyInboxHref, type JourneyInboxTarget } from "./inbox-links";
import { JourneyMap } from "./journey-map";
import { MomentsOfTruth } from "./moments-of-truth";

/** The message of a failed query. */
function failure(error: unknown, fallback: string): string | null {
  if (!error) return null;
  return error instanceof Error && error.message ? error.message : fallback;
}

/**
 * The journey page for the URL's filters: the map, the moments of truth and the funnel, each its
 * own query (prefetched by the page), keeping the previous figures on screen while new filters load.
 * Every stage, theme and touchpoint links to the inbox filtered to it, the period and the segments.
 */
export function JourneysView({ filters, canManage }: { filters: DashboardFilters; canManage: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const keep = { placeholderData: keepPreviousData };
  const map = useQuery({ ...trpc.journeys.map.queryOptions(filters), ...keep });
  const moments = useQuery({ ...trpc.journeys.momentsOfTruth.queryOptions(filters), ...keep });
  const funnel = useQuery({ ...trpc.journeys.funnel.queryOptions(filters), ...keep });
  const fallback = t("journeys.loadFailed");

  const period = map.data?.period ?? null;
  const hrefOf = useCallback(
    (target: JourneyInboxTarget) => journeyInboxHref(filters, period && { from: period.from, to: period.to }, target),
    [filters, period],
  );

  return (
    <div className="flex flex-col gap-8" aria-busy={map.isFetching || moments.isFetching || funnel.isFetching}>
      <section aria-labelledby="journey-map-heading" className="flex flex-col gap-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="journey-map-heading" className="text-lg font-semibold">
            {t("journeys.map.heading")}
          </h2>
          {map.data && (
            <p className="text-sm text-muted-foreground">
              {map.data.comparison
                ? t("journeys.period", { period: map.data.period.label, comparison: map.data.comparison.label })
                : t("journeys.periodAlone", { period: map.data.period.label })}
            </p>
          )}
        </div>
        <p className="max-w-4xl text-xs text-muted-foreground">{t("journeys.map.about")}</p>
        {map.data ? (
          <JourneyMap data={map.data} canManage={canManage} hrefOf={hrefOf} />
        ) : map.error ? (
          <LoadFailed message={failure(map.error, fallback) ?? fallback} onRetry={() => void map.refetch()} />
        ) : (
          <JourneyMapSkeleton />
        )}
      </section>

      <div className="grid gap-6 2xl:grid-cols-2">
        {moments.data ? (
          <MomentsOfTruth data={moments.data} hrefOf={hrefOf} />
        ) : moments.error ? (
          <LoadFailed message={failure(moments.error, fallback) ?? fallback} onRetry={() => void moments.refetch()} />
        ) : (
          <Skeleton className="h-96 w-full rounded-xl" />
        )}
        <FunnelSection
          data={funnel.data}
          loading={funnel.isPending}
          error={failure(funnel.error, fallback)}
          onRetry={() => void funnel.refetch()}
        />
      </div>
    </div>
  );
}

function LoadFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="flex flex-col items-start gap-3 rounded-xl border p-6">
      <p className="text-sm">{message}</p>
      <Button variant="outline" size="sm" onClick={onRetry}>
        {t("journeys.retry")}
      </Button>
    </div>
  );
}

/** Five stage columns while the map loads. */
export function JourneyMapSkeleton() {
  return (
    <div className="flex gap-4 overflow-hidden" aria-busy="true">
      {Array.from({ length: 5 }, (_, i) => (
        <Skeleton key={i} className="h-[28rem] w-72 shrink-0 rounded-xl" />
      ))}
    </div>
  );
}
