"use client";

import dynamic from "next/dynamic";
import { useId, useMemo, useState } from "react";
import { ChartCard, type ChartStateProps } from "@/components/dashboard/chart-card";
import { toCsv } from "@/components/dashboard/csv";
import { formatCount } from "@/components/dashboard/format";
import { useI18n } from "@/components/i18n/i18n-provider";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import {
  ALL_CUSTOMERS,
  FUNNEL_COLORS,
  type FunnelInput,
  funnelOptions,
  funnelRows,
  isFunnelEmpty,
} from "./funnel-data";
import { FunnelTable } from "./funnel-table";

// recharts (~120 KB gzipped) comes after the page, as on the dashboard; the table renders at once
const FunnelChart = dynamic(() => import("./funnel-chart").then((module) => module.FunnelChart), {
  ssr: false,
  loading: () => <Skeleton className="h-[300px] w-full" />,
});

/**
 * The funnel: customers reaching each stage and the drop between stages, for everyone or one
 * segment at a time (a selector), as a bar chart and the same figures in a table.
 */
export function FunnelSection({ data, ...state }: { data?: FunnelInput } & ChartStateProps) {
  const { t, locale } = useI18n();
  const selectId = useId();
  const [selected, setSelected] = useState(ALL_CUSTOMERS);
  const options = useMemo(
    () =>
      data
        ? funnelOptions(data, { all: t("journeys.funnel.overall"), noSegment: t("journeys.funnel.noSegment") }, locale)
        : [],
    [data, locale, t],
  );
  // a segment that left the data (the filters changed) falls back to everyone
  const current = options.some((option) => option.value === selected) ? selected : ALL_CUSTOMERS;
  const segment = options.find((option) => option.value === current)?.label ?? t("journeys.funnel.overall");
  const rows = useMemo(() => (data ? funnelRows(data, current) : []), [data, current]);
  const summary = t("journeys.funnel.chartLabel", {
    segment,
    summary: rows
      .map((row) => t("journeys.funnel.chartPoint", { stage: row.name, reached: formatCount(locale, row.reached) }))
      .join(", "),
  });

  const csv = () =>
    toCsv(rows, [
      { header: t("journeys.funnel.stage"), value: (row) => row.name },
      { header: t("journeys.funnel.reachedColumn"), value: (row) => row.reached },
      { header: t("journeys.funnel.dropColumn"), value: (row) => row.dropCount },
      { header: t("journeys.funnel.dropPercentColumn"), value: (row) => row.dropPercent },
      { header: t("journeys.funnel.conversionColumn"), value: (row) => row.conversionPercent },
    ]);

  return (
    <ChartCard
      title={t("journeys.funnel.heading")}
      description={t("journeys.funnel.about")}
      legend={[
        { label: t("journeys.funnel.reached"), color: FUNNEL_COLORS.reached, shape: "square" },
        { label: t("journeys.funnel.dropped"), color: FUNNEL_COLORS.dropped, shape: "hatched" },
      ]}
      controls={
        <div className="flex items-center gap-2">
          <label htmlFor={selectId} className="text-sm font-medium">
            {t("journeys.funnel.segment")}
          </label>
          <NativeSelect
            id={selectId}
            className="w-48"
            value={current}
            onChange={(event) => setSelected(event.target.value)}
          >
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </NativeSelect>
        </div>
      }
      loading={state.loading || (!data && !state.error)}
      error={state.error}
      onRetry={state.onRetry}
      empty={data !== undefined && isFunnelEmpty(funnelRows(data, ALL_CUSTOMERS))}
      emptyMessage={t("journeys.funnel.empty")}
      csv={csv}
      height={300}
    >
      <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
        <FunnelChart rows={rows} summary={summary} />
        <FunnelTable rows={rows} caption={t("journeys.funnel.table", { segment })} />
      </div>
    </ChartCard>
  );
}
