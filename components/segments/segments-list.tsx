"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { MetricDelta, MetricValue, SegmentSwatch } from "./metric-delta";
import { PeriodSummary } from "./period-summary";
import { buildSegmentMetrics, SEGMENT_METRICS } from "./segment-metrics";
import { segmentHref, type SegmentsUrlFilters } from "./segments-url";

/**
 * Every segment with its figures for the period and how each moved against the comparison period:
 * size, revenue, ARPC, churn, NPS/CSAT/CES (marked when few answers), promoter vs detractor value
 * and revenue at risk. A segment's name opens its page.
 */
export function SegmentsList({ filters, canManage }: { filters: SegmentsUrlFilters; canManage: boolean }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.segments.list.queryOptions(filters));
  const ctx = { t, locale, currency: data.currency };

  if (data.items.length === 0) {
    return (
      <Card>
        <CardContent className="p-6 text-sm text-muted-foreground">
          {canManage ? t("segments.emptyAdmin") : t("segments.empty")}
        </CardContent>
      </Card>
    );
  }
  return (
    <>
      <PeriodSummary periods={data} />
      <Card>
        <CardContent className="overflow-x-auto p-0">
          <table className="w-full min-w-[72rem] text-sm" aria-label={t("segments.tableLabel")}>
            <thead className="bg-muted/40 text-muted-foreground">
              <tr>
                <th scope="col" className="sticky start-0 z-10 bg-card px-4 py-2 text-start font-medium">
                  {t("segments.colSegment")}
                </th>
                {SEGMENT_METRICS.map((metric) => (
                  <th
                    key={metric}
                    scope="col"
                    className="px-3 py-2 text-end align-bottom font-medium"
                    title={t(`segments.metricHints.${metric}`)}
                  >
                    {t(`segments.metrics.${metric}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.items.map((segment) => {
                const views = buildSegmentMetrics(segment, ctx);
                return (
                  <tr key={segment.id} className="border-t align-top">
                    <th scope="row" className="sticky start-0 z-10 max-w-72 bg-card px-4 py-3 text-start font-normal">
                      <div className="flex items-start gap-2">
                        <SegmentSwatch color={segment.color} className="mt-1" />
                        <div className="min-w-0">
                          <Link
                            href={segmentHref(segment.id, filters)}
                            className="font-medium text-primary underline-offset-4 hover:underline"
                            aria-label={t("segments.open", { name: segment.name })}
                          >
                            <bdi>{segment.name}</bdi>
                          </Link>
                          {segment.description && (
                            <p className="line-clamp-3 text-xs text-muted-foreground" dir="auto">
                              {segment.description}
                            </p>
                          )}
                        </div>
                      </div>
                    </th>
                    {views.map((view) => (
                      <td key={view.metric} className="px-3 py-3 text-end">
                        <div className="flex flex-col items-end gap-0.5">
                          <MetricValue view={view} className="justify-end" />
                          {view.sample && <span className="text-[11px] text-muted-foreground">{view.sample}</span>}
                          <MetricDelta delta={view.delta} noChange={t("segments.noChange")} />
                        </div>
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </CardContent>
      </Card>
      <p className="mt-2 text-xs text-muted-foreground">{t("segments.lowSampleLegend")}</p>
    </>
  );
}

export function SegmentsListSkeleton() {
  return (
    <div className="grid gap-2" aria-busy="true">
      {Array.from({ length: 5 }, (_, i) => (
        <Skeleton key={i} className="h-14" />
      ))}
    </div>
  );
}
