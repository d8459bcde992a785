"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Suspense } from "react";
import { CustomerTable, CustomerTableSkeleton } from "@/components/customers/customer-table";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { MetricCards } from "./metric-cards";
import { SegmentSwatch } from "./metric-delta";
import { PeriodSummary } from "./period-summary";
import { SegmentFormDialog } from "./segment-form-dialog";
import { buildSegmentMetrics } from "./segment-metrics";
import { SegmentReassignDialog } from "./segment-reassign-dialog";
import { SegmentsFilterBar } from "./segments-filter-bar";
import { compareHref, segmentsHref, type SegmentsUrlFilters } from "./segments-url";

/**
 * One segment: its persona, every figure for the period with its change, and its customers (each
 * opening the customer's page). Admins edit it and reassign customers into it.
 */
export function SegmentDetail({
  id,
  filters,
  access,
}: {
  id: number;
  filters: SegmentsUrlFilters;
  access: { canManage: boolean; canReadCustomers: boolean };
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.segments.byId.queryOptions({ id, ...filters }));
  const { segment } = data;
  const views = buildSegmentMetrics(segment, { t, locale, currency: data.currency });
  const count = (value: number) => new Intl.NumberFormat(locale).format(value);

  return (
    <>
      <Link href={segmentsHref(filters)} className="text-sm text-primary underline-offset-4 hover:underline">
        {t("segments.detail.back")}
      </Link>
      <div className="mb-4 mt-2 flex flex-wrap items-start justify-between gap-4">
        <div className="flex items-center gap-3">
          <SegmentSwatch color={segment.color} className="size-5" />
          <h1 className="text-2xl font-semibold tracking-tight" dir="auto">
            {segment.name}
          </h1>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="outline">
            <Link href={compareHref(segment.id, undefined, filters)}>{t("segments.detail.compareWith")}</Link>
          </Button>
          {access.canManage && (
            <>
              <SegmentFormDialog
                segment={segment}
                filters={filters}
                trigger={<Button variant="outline">{t("segments.edit")}</Button>}
              />
              <SegmentReassignDialog segment={segment} />
            </>
          )}
        </div>
      </div>

      <section aria-labelledby="segment-persona" className="mb-6">
        <h2 id="segment-persona" className="mb-1 text-sm font-semibold">
          {t("segments.detail.persona")}
        </h2>
        {segment.description ? (
          <p className="max-w-3xl whitespace-pre-wrap text-sm" dir="auto">
            {segment.description}
          </p>
        ) : (
          <p className="text-sm text-muted-foreground">{t("segments.detail.noPersona")}</p>
        )}
        <p className="mt-2 text-sm text-muted-foreground">
          {t("segments.detail.assigned", {
            count: count(segment.customerCount),
            active: count(segment.activeCustomerCount),
          })}
        </p>
      </section>

      <section aria-labelledby="segment-figures" className="mb-8">
        <h2 id="segment-figures" className="mb-2 text-lg font-semibold">
          {t("segments.detail.figures")}
        </h2>
        <SegmentsFilterBar filters={filters} />
        <PeriodSummary periods={data} />
        <MetricCards views={views} label={t("segments.detail.figures")} />
        <p className="mt-2 text-xs text-muted-foreground">{t("segments.lowSampleLegend")}</p>
      </section>

      {access.canReadCustomers && (
        <section aria-labelledby="segment-customers">
          <h2 id="segment-customers" className="mb-2 text-lg font-semibold">
            <bdi>{t("segments.detail.customers", { name: segment.name })}</bdi>
          </h2>
          <Suspense fallback={<CustomerTableSkeleton />}>
            <CustomerTable
              search=""
              segmentId={segment.id}
              label={t("segments.detail.customers", { name: segment.name })}
            />
          </Suspense>
        </section>
      )}
    </>
  );
}
