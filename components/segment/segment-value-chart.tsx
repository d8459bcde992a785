"use client";

import { type KeyboardEvent, useMemo } from "react";
import { Bar, BarChart, Cell, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard, type ChartStateProps } from "@/components/dashboard/chart-card";
import type { LegendItem } from "@/components/dashboard/chart-legend";
import { AXIS_LINE, AXIS_TICK, CHART_COLORS } from "@/components/dashboard/chart-theme";
import { ChartTooltipBox } from "@/components/dashboard/chart-tooltip";
import { toCsv } from "@/components/dashboard/csv";
import type { OnDrill } from "@/components/dashboard/drill";
import { formatCount, formatDay, formatMoney } from "@/components/dashboard/format";
import { useI18n } from "@/components/i18n/i18n-provider";
import { cn } from "@/components/ui/cn";
import type { SegmentsPayload } from "@/server/domain/dashboard/payload";
import { NPS_CATEGORIES } from "@/server/domain/kpi";
import { isSegmentsEmpty, type SegmentValueRow, segmentValueRows, type ValueCategory } from "./segment-data";

const PANEL_HEIGHT = 150;
const COLOR: Record<ValueCategory, string> = {
  promoter: CHART_COLORS.promoter,
  passive: CHART_COLORS.passive,
  detractor: CHART_COLORS.detractor,
};

/**
 * Promoter vs passive vs detractor value: the mean trailing-12-month revenue per customer of each
 * latest-NPS category, as grouped bars per segment. Each segment is its own small panel on its own
 * scale, with the amounts printed on the bars: a customer of one segment can be worth a hundred times
 * one of another, and on a shared axis the small segments' bars would vanish. Bars resting on fewer
 * than 30 customers are faded with a dashed outline. A panel opens the segment's feedback via `onDrill`.
 */
export function SegmentValueChart({
  data,
  onDrill,
  ...state
}: { data?: SegmentsPayload; onDrill?: OnDrill } & ChartStateProps) {
  const { t, locale } = useI18n();
  const noSegment = t("dashboard.noSegment");
  const rows = useMemo(() => (data ? segmentValueRows(data, noSegment) : []), [data, noSegment]);
  const currency = data?.currency ?? "USD";
  const label = (category: ValueCategory) => t(`dashboard.segments.category.${category}`);

  const legend: LegendItem[] = [
    ...NPS_CATEGORIES.map((category) => ({ label: label(category), color: COLOR[category], shape: "square" as const })),
    { label: t("dashboard.lowSampleLegend"), color: "var(--muted-foreground)", shape: "hatched" },
  ];

  const csv = () =>
    toCsv(rows, [
      { header: t("dashboard.csv.segment"), value: (row) => row.name },
      ...NPS_CATEGORIES.flatMap((category) => [
        {
          header: t("dashboard.csv.meanRevenue", { category: label(category), currency }),
          value: (row: SegmentValueRow) => row.exact[category],
        },
        {
          header: t("dashboard.csv.customersOf", { category: label(category) }),
          value: (row: SegmentValueRow) => row.customers[category],
        },
      ]),
      { header: t("dashboard.csv.promoterMinusDetractor", { currency }), value: (row) => row.promoterMinusDetractor },
    ]);

  return (
    <ChartCard
      title={t("dashboard.segments.valueTitle")}
      description={t("dashboard.segments.valueAbout", {
        from: data ? formatDay(locale, data.windowFrom) : "",
        to: data ? formatDay(locale, data.windowTo) : "",
      })}
      legend={legend}
      note={
        <>
          <p>{t("dashboard.segments.valueScaleNote")}</p>
          {onDrill && <p>{t("dashboard.chart.drillHintPanels")}</p>}
        </>
      }
      empty={data !== undefined && (rows.length === 0 || isSegmentsEmpty(data))}
      loading={state.loading || (!data && !state.error)}
      error={state.error}
      onRetry={state.onRetry}
      csv={csv}
      height={2 * PANEL_HEIGHT}
    >
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 2xl:grid-cols-4">
        {rows.map((row) => (
          <ValuePanel
            key={row.segmentId ?? "none"}
            row={row}
            currency={currency}
            onOpen={onDrill && (() => onDrill({ segmentId: row.segmentId }))}
          />
        ))}
      </div>
    </ChartCard>
  );
}

interface PanelBar {
  category: ValueCategory;
  value: number | null;
  exact: string | null;
  low: boolean;
}

function ValuePanel({ row, currency, onOpen }: { row: SegmentValueRow; currency: string; onOpen?: () => void }) {
  const { t, locale } = useI18n();
  const bars: PanelBar[] = NPS_CATEGORIES.map((category) => ({
    category,
    value: row[category],
    exact: row.exact[category],
    low: row.lowSample[category],
  }));
  const money = (amount: string | null) => formatMoney(locale, amount, currency);
  const summary = t("dashboard.segments.valuePanelLabel", {
    name: row.name,
    promoter: money(row.exact.promoter),
    passive: money(row.exact.passive),
    detractor: money(row.exact.detractor),
  });
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (onOpen && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      onOpen();
    }
  };

  return (
    <div
      role={onOpen ? "button" : "group"}
      tabIndex={onOpen ? 0 : undefined}
      aria-label={summary}
      onClick={onOpen}
      onKeyDown={onKeyDown}
      className={cn(
        "min-w-0 rounded-md border px-1 pt-1",
        onOpen &&
          "cursor-pointer hover:bg-accent/40 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
      )}
      style={{ height: PANEL_HEIGHT }}
    >
      <BarChart
        data={bars}
        responsive
        style={{ width: "100%", height: "100%" }}
        margin={{ top: 18, right: 4, bottom: 0, left: 4 }}
        barCategoryGap="18%"
        accessibilityLayer={false}
      >
        <XAxis
          dataKey="category"
          tick={false}
          tickLine={false}
          axisLine={AXIS_LINE}
          height={22}
          label={{
            value: row.name,
            position: "insideBottom",
            offset: 2,
            fill: AXIS_TICK.fill,
            fontSize: AXIS_TICK.fontSize,
          }}
        />
        <YAxis hide domain={[(min: number) => Math.min(0, min), (max: number) => Math.max(0, max)]} />
        <Tooltip
          cursor={{ fill: "var(--muted)", fillOpacity: 0.5 }}
          content={(props) => (props.active ? <ValueTooltip row={row} currency={currency} /> : null)}
        />
        <Bar dataKey="value" isAnimationActive={false} radius={[3, 3, 0, 0]}>
          {bars.map((bar) => (
            <Cell
              key={bar.category}
              fill={COLOR[bar.category]}
              fillOpacity={bar.low ? 0.35 : 1}
              stroke={bar.low ? COLOR[bar.category] : undefined}
              strokeDasharray={bar.low ? "3 2" : undefined}
              strokeWidth={bar.low ? 1.25 : 0}
            />
          ))}
          <LabelList
            dataKey="exact"
            position="top"
            fill={AXIS_TICK.fill}
            fontSize={11}
            formatter={(value) =>
              formatMoney(locale, typeof value === "string" ? value : null, currency, { compact: true })
            }
          />
        </Bar>
      </BarChart>
    </div>
  );
}

function ValueTooltip({ row, currency }: { row: SegmentValueRow; currency: string }) {
  const { t, locale } = useI18n();
  const anyLow = NPS_CATEGORIES.some((category) => row.lowSample[category]);
  return (
    <ChartTooltipBox
      title={row.name}
      rows={NPS_CATEGORIES.map((category) => ({
        label: t(`dashboard.segments.category.${category}`),
        value: formatMoney(locale, row.exact[category], currency, { cents: true }),
        detail:
          t("dashboard.customersCount", { count: formatCount(locale, row.customers[category]) }) +
          (row.lowSample[category] ? ` · ${t("dashboard.lowSample")}` : ""),
        color: COLOR[category],
        shape: row.lowSample[category] ? "hatched" : "square",
      }))}
      footer={
        <>
          {t("dashboard.segments.promoterMinusDetractor", {
            value: formatMoney(locale, row.promoterMinusDetractor, currency, { signed: true }),
          })}
          {anyLow && <span className="block">{t("dashboard.lowSampleHintCustomers")}</span>}
        </>
      }
    />
  );
}
