"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { KpiTiles } from "@/components/kpi/kpi-tiles";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { DashboardFilters } from "@/server/domain/dashboard";
import type { DrillTarget } from "./drill";
import { JourneyHeatmap } from "./journey-heatmap";
import {
  LazyRevenueAtRiskChart as RevenueAtRiskChart,
  LazySegmentNpsRevenueChart as SegmentNpsRevenueChart,
  LazySegmentValueChart as SegmentValueChart,
  LazyTrendsChart as TrendsChart,
} from "./lazy-charts";

/** The message of a failed query, for a chart's error state. */
function failure(error: unknown, fallback: string): string | null {
  if (!error) return null;
  return error instanceof Error && error.message ? error.message : fallback;
}

/**
 * The executive dashboard's figures for the URL's filters: each chart has its own query, so a
 * slow or failed one shows its own skeleton or error while the others render. Changing filters
 * keeps the previous figures on screen until the new ones arrive. Clicks on a segment, a journey
 * stage or a month open the feedback inbox filtered to it and to the period.
 */
export function DashboardView({ filters }: { filters: DashboardFilters }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [bySegment, setBySegment] = useState(false);
  const keep = { placeholderData: keepPreviousData };
  const kpis = useQuery({ ...trpc.dashboard.kpis.queryOptions(filters), ...keep });
  const segments = useQuery({ ...trpc.dashboard.segments.queryOptions(filters), ...keep });
  const trends = useQuery({ ...trpc.dashboard.trends.queryOptions({ ...filters, bySegment }), ...keep });
  const heatmap = useQuery({ ...trpc.dashboard.heatmap.queryOptions(filters), ...keep });
  const fallback = t("dashboardFilters.loadFailed");

  const period = kpis.data?.period ?? segments.data?.period ?? heatmap.data?.period;
  const onDrill = useCallback(
    async (target: DrillTarget) => {
      // the inbox link validates with the inbox's zod schema: loaded on the first drill, so the
      // dashboard's first load carries no validation library (about 30 KB gzipped)
      const { feedbackInboxHref } = await import("@/server/domain/feedback/inbox-href");
      const segmentIds = target.segmentId !== undefined ? [target.segmentId] : filters.segmentIds;
      const href = feedbackInboxHref({
        segmentIds,
        ...(target.stageId !== undefined && target.stageId !== null
          ? { stageId: target.stageId }
          : filters.stageId
            ? { stageId: filters.stageId }
            : {}),
        ...(target.month ? { month: target.month } : period ? { from: period.from, to: period.to } : {}),
        ...(filters.channel ? { channel: filters.channel } : {}),
        ...(filters.region ? { region: filters.region } : {}),
      });
      router.push(href);
    },
    [filters, period, router],
  );

  return (
    <div className="flex flex-col gap-6" aria-busy={kpis.isFetching || segments.isFetching}>
      <KpiTiles
        data={kpis.data}
        loading={kpis.isPending}
        error={failure(kpis.error, fallback)}
        onRetry={() => void kpis.refetch()}
      />
      <div className="grid gap-6 xl:grid-cols-2">
        <SegmentNpsRevenueChart
          data={segments.data}
          loading={segments.isPending}
          error={failure(segments.error, fallback)}
          onRetry={() => void segments.refetch()}
          onDrill={onDrill}
        />
        <SegmentValueChart
          data={segments.data}
          loading={segments.isPending}
          error={failure(segments.error, fallback)}
          onRetry={() => void segments.refetch()}
          onDrill={onDrill}
        />
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <RevenueAtRiskChart
          data={segments.data}
          loading={segments.isPending}
          error={failure(segments.error, fallback)}
          onRetry={() => void segments.refetch()}
          onDrill={onDrill}
        />
        <JourneyHeatmap
          data={heatmap.data}
          loading={heatmap.isPending}
          error={failure(heatmap.error, fallback)}
          onRetry={() => void heatmap.refetch()}
          onDrill={onDrill}
        />
      </div>
      <TrendsChart
        data={trends.data}
        bySegment={bySegment}
        onBySegmentChange={setBySegment}
        loading={trends.isPending}
        error={failure(trends.error, fallback)}
        onRetry={() => void trends.refetch()}
        onDrill={onDrill}
      />
    </div>
  );
}
