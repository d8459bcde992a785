"use client";

import { useMemo } from "react";
import { Bar, CartesianGrid, ComposedChart, ErrorBar, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard, type ChartStateProps } from "@/components/dashboard/chart-card";
import type { LegendItem } from "@/components/dashboard/chart-legend";
import { scoreDot, tooltipRow } from "@/components/dashboard/chart-marks";
import { AXIS_LINE, AXIS_TICK, CHART_COLORS, GRID_STROKE } from "@/components/dashboard/chart-theme";
import { ChartTooltipBox } from "@/components/dashboard/chart-tooltip";
import { toCsv } from "@/components/dashboard/csv";
import type { OnDrill } from "@/components/dashboard/drill";
import {
  formatCount,
  formatMoney,
  formatMoneyNumber,
  formatNps,
  formatPoints,
  roundTo,
} from "@/components/dashboard/format";
import { useChartDrill } from "@/components/dashboard/use-chart-drill";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { SegmentsPayload } from "@/server/domain/dashboard/payload";
import { isSegmentsEmpty, npsAxis, type NpsRevenueRow, npsRevenueRows } from "./segment-data";

const ROW_HEIGHT = 40;

/**
 * NPS and net revenue per segment in one chart, a row per segment: revenue as bars on the bottom
 * axis, NPS as points with their 95% margin of error on the top axis (hollow when low-sample). A bar or point opens
 * the segment's feedback through `onDrill`.
 */
export function SegmentNpsRevenueChart({
  data,
  onDrill,
  ...state
}: { data?: SegmentsPayload; onDrill?: OnDrill } & ChartStateProps) {
  const { t, locale } = useI18n();
  const noSegment = t("dashboard.noSegment");
  const rows = useMemo(() => (data ? npsRevenueRows(data, noSegment) : []), [data, noSegment]);
  const axis = useMemo(() => npsAxis(rows), [rows]);
  const drill = useChartDrill<NpsRevenueRow>(onDrill && ((row) => onDrill({ segmentId: row.segmentId })), {
    vertical: true,
  });
  const currency = data?.currency ?? "USD";
  // a row per segment: names of any length stay readable, and the axes stay put
  const height = Math.max(200, rows.length * ROW_HEIGHT + 56);

  const legend: LegendItem[] = [
    { label: t("dashboard.segments.revenue"), color: CHART_COLORS.revenue, shape: "square" },
    { label: t("dashboard.segments.nps"), color: CHART_COLORS.score, shape: "dot" },
    { label: t("dashboard.lowSampleLegend"), color: CHART_COLORS.score, shape: "hollow" },
  ];

  const csv = () =>
    toCsv(rows, [
      { header: t("dashboard.csv.segment"), value: (row) => row.name },
      { header: t("dashboard.csv.revenue", { currency }), value: (row) => row.revenue },
      { header: t("dashboard.csv.nps"), value: (row) => roundTo(row.nps, 2) },
      { header: t("dashboard.csv.marginOfError"), value: (row) => roundTo(row.npsError, 2) },
      { header: t("dashboard.csv.responses"), value: (row) => row.responses },
      { header: t("dashboard.csv.lowSample"), value: (row) => row.lowSample },
      { header: t("dashboard.csv.customers"), value: (row) => row.customers },
    ]);

  return (
    <ChartCard
      title={t("dashboard.segments.npsRevenueTitle")}
      description={t("dashboard.segments.npsRevenueAbout", { period: data?.period.label ?? "" })}
      legend={legend}
      note={onDrill ? t("dashboard.chart.drillHintSegments") : undefined}
      empty={data !== undefined && (rows.length === 0 || isSegmentsEmpty(data))}
      loading={state.loading || (!data && !state.error)}
      error={state.error}
      onRetry={state.onRetry}
      csv={csv}
      height={280}
    >
      <div style={{ height }} {...drill.handlers}>
        <ComposedChart
          data={rows}
          layout="vertical"
          responsive
          style={{ width: "100%", height: "100%" }}
          margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
          cursor={drill.cursor}
        >
          <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
          <YAxis
            type="category"
            dataKey="name"
            width={128}
            interval={0}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={AXIS_LINE}
          />
          <XAxis
            xAxisId="revenue"
            type="number"
            orientation="bottom"
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            tickFormatter={(value: number) => formatMoneyNumber(locale, value, currency, { compact: true })}
          />
          <XAxis
            xAxisId="nps"
            type="number"
            orientation="top"
            domain={axis.domain}
            ticks={axis.ticks}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            tickFormatter={(value: number) => formatNps(locale, value)}
          />
          <ReferenceLine xAxisId="nps" x={0} stroke={CHART_COLORS.score} strokeOpacity={0.6} strokeDasharray="4 3" />
          <Tooltip
            cursor={{ fill: "var(--muted)", fillOpacity: 0.5 }}
            content={(props) => <NpsRevenueTooltip row={tooltipRow<NpsRevenueRow>(props)} currency={currency} />}
          />
          <Bar
            xAxisId="revenue"
            dataKey="revenueValue"
            fill={CHART_COLORS.revenue}
            radius={[0, 4, 4, 0]}
            maxBarSize={22}
            isAnimationActive={false}
          />
          <Line
            xAxisId="nps"
            dataKey="nps"
            stroke="none"
            isAnimationActive={false}
            dot={scoreDot<NpsRevenueRow>(CHART_COLORS.score, (row) => row.lowSample, 5)}
            activeDot={false}
          >
            <ErrorBar dataKey="npsError" width={8} strokeWidth={1.5} stroke={CHART_COLORS.score} direction="x" />
          </Line>
          {drill.tracker}
        </ComposedChart>
      </div>
    </ChartCard>
  );
}

function NpsRevenueTooltip({ row, currency }: { row: NpsRevenueRow | undefined; currency: string }) {
  const { t, locale } = useI18n();
  if (!row) return null;
  const nps =
    row.nps === null
      ? formatNps(locale, null)
      : row.npsError === null
        ? formatNps(locale, row.nps)
        : t("dashboard.valueWithMargin", {
            value: formatNps(locale, row.nps),
            margin: formatPoints(locale, row.npsError, false),
          });
  return (
    <ChartTooltipBox
      title={row.name}
      rows={[
        {
          label: t("dashboard.segments.revenue"),
          value: formatMoney(locale, row.revenue, currency, { cents: true }),
          color: CHART_COLORS.revenue,
          shape: "square",
        },
        {
          label: t("dashboard.segments.nps"),
          value: nps,
          detail: t("dashboard.responses", { count: formatCount(locale, row.responses) }),
          color: CHART_COLORS.score,
          shape: row.lowSample ? "hollow" : "dot",
        },
        { label: t("dashboard.segments.customers"), value: formatCount(locale, row.customers) },
      ]}
      footer={row.lowSample ? t("dashboard.lowSampleHint") : undefined}
    />
  );
}
