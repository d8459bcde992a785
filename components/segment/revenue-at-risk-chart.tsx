"use client";

import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard, type ChartStateProps } from "@/components/dashboard/chart-card";
import type { LegendItem } from "@/components/dashboard/chart-legend";
import { tooltipRow } from "@/components/dashboard/chart-marks";
import { AXIS_LINE, AXIS_TICK, CHART_COLORS, GRID_STROKE } from "@/components/dashboard/chart-theme";
import { ChartTooltipBox } from "@/components/dashboard/chart-tooltip";
import { toCsv } from "@/components/dashboard/csv";
import type { OnDrill } from "@/components/dashboard/drill";
import { formatCount, formatDay, formatMoney, formatMoneyNumber } from "@/components/dashboard/format";
import { useChartDrill } from "@/components/dashboard/use-chart-drill";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { SegmentsPayload } from "@/server/domain/dashboard/payload";
import { sumMoney } from "@/server/domain/kpi";
import { type RevenueAtRiskRow, revenueAtRiskRows } from "./segment-data";

const ROW_HEIGHT = 40;

/**
 * Revenue at risk per segment: the trailing-12-month revenue of customers whose latest NPS answer is
 * a detractor (0–6), largest first, with the rule stated on the card and the churn-weighted figure in
 * the tooltip. A bar opens the segment's feedback through `onDrill`.
 */
export function RevenueAtRiskChart({
  data,
  onDrill,
  ...state
}: { data?: SegmentsPayload; onDrill?: OnDrill } & ChartStateProps) {
  const { t, locale } = useI18n();
  const noSegment = t("dashboard.noSegment");
  const rows = useMemo(() => (data ? revenueAtRiskRows(data, noSegment) : []), [data, noSegment]);
  const drill = useChartDrill<RevenueAtRiskRow>(onDrill && ((row) => onDrill({ segmentId: row.segmentId })), {
    vertical: true,
  });
  const currency = data?.currency ?? "USD";
  const height = Math.max(160, rows.length * ROW_HEIGHT + 40);
  const total = useMemo(() => sumMoney(rows.map((row) => row.risk)), [rows]);
  const weightedTotal = useMemo(() => {
    const known = rows.flatMap((row) => (row.churnWeighted === null ? [] : [row.churnWeighted]));
    return known.length === 0 ? null : sumMoney(known);
  }, [rows]);

  const legend: LegendItem[] = [
    { label: t("dashboard.segments.revenueAtRisk"), color: CHART_COLORS.risk, shape: "square" },
  ];

  const csv = () =>
    toCsv(rows, [
      { header: t("dashboard.csv.segment"), value: (row) => row.name },
      { header: t("dashboard.csv.revenueAtRisk", { currency }), value: (row) => row.risk },
      { header: t("dashboard.csv.churnWeighted", { currency }), value: (row) => row.churnWeighted },
      { header: t("dashboard.csv.churnWeightedSample"), value: (row) => row.churnWeightedSample },
      { header: t("dashboard.csv.lowSample"), value: (row) => row.churnWeightedLowSample },
    ]);

  return (
    <ChartCard
      title={t("dashboard.segments.riskTitle")}
      description={t("dashboard.segments.riskRule", {
        from: data ? formatDay(locale, data.windowFrom) : "",
        to: data ? formatDay(locale, data.windowTo) : "",
      })}
      legend={legend}
      note={
        <>
          <p className="tabular-nums">
            {t("dashboard.segments.riskTotal", {
              value: formatMoney(locale, total, currency),
              weighted: formatMoney(locale, weightedTotal, currency),
            })}
          </p>
          {onDrill && <p>{t("dashboard.chart.drillHintSegments")}</p>}
        </>
      }
      empty={data !== undefined && rows.length === 0}
      emptyMessage={t("dashboard.segments.riskEmpty")}
      loading={state.loading || (!data && !state.error)}
      error={state.error}
      onRetry={state.onRetry}
      csv={csv}
      height={200}
    >
      <div style={{ height }} {...drill.handlers}>
        <BarChart
          data={rows}
          layout="vertical"
          responsive
          style={{ width: "100%", height: "100%" }}
          margin={{ top: 4, right: 72, bottom: 4, left: 8 }}
          cursor={drill.cursor}
        >
          <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
          <XAxis
            type="number"
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={AXIS_LINE}
            tickFormatter={(value: number) => formatMoneyNumber(locale, value, currency, { compact: true })}
          />
          <YAxis
            type="category"
            dataKey="name"
            width={128}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            interval={0}
          />
          <Tooltip
            cursor={{ fill: "var(--muted)", fillOpacity: 0.5 }}
            content={(props) => <RiskTooltip row={tooltipRow<RevenueAtRiskRow>(props)} currency={currency} />}
          />
          <Bar
            dataKey="riskValue"
            fill={CHART_COLORS.risk}
            radius={[0, 4, 4, 0]}
            maxBarSize={24}
            isAnimationActive={false}
          >
            <LabelList
              dataKey="risk"
              position="right"
              fill={AXIS_TICK.fill}
              fontSize={12}
              formatter={(value) =>
                formatMoney(locale, typeof value === "string" ? value : null, currency, { compact: true })
              }
            />
          </Bar>
          {drill.tracker}
        </BarChart>
      </div>
    </ChartCard>
  );
}

function RiskTooltip({ row, currency }: { row: RevenueAtRiskRow | undefined; currency: string }) {
  const { t, locale } = useI18n();
  if (!row) return null;
  return (
    <ChartTooltipBox
      title={row.name}
      rows={[
        {
          label: t("dashboard.segments.revenueAtRisk"),
          value: formatMoney(locale, row.risk, currency, { cents: true }),
          color: CHART_COLORS.risk,
          shape: "square",
        },
        {
          label: t("dashboard.segments.churnWeighted"),
          value: formatMoney(locale, row.churnWeighted, currency, { cents: true }),
          detail:
            t("dashboard.customersCount", { count: formatCount(locale, row.churnWeightedSample) }) +
            (row.churnWeightedLowSample ? ` · ${t("dashboard.lowSample")}` : ""),
        },
      ]}
      footer={t("dashboard.segments.churnWeightedRule")}
    />
  );
}
