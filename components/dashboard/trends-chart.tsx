"use client";

import { useMemo, useState } from "react";
import { Bar, CartesianGrid, ComposedChart, Line, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { TrendsPayload } from "@/server/domain/dashboard/payload";
import { ChartCard, type ChartStateProps } from "./chart-card";
import type { LegendItem } from "./chart-legend";
import { scoreDot, tooltipRow } from "./chart-marks";
import { AXIS_LINE, AXIS_TICK, CHART_COLORS, GRID_STROKE, seriesColor } from "./chart-theme";
import { toCsv } from "./csv";
import type { OnDrill } from "./drill";
import { formatMoneyNumber, formatMonth, formatNps, formatPercent, roundTo } from "./format";
import { SegmentedToggle } from "./segmented-toggle";
import { TrendsTooltip } from "./trends-tooltip";
import { buildTrendModel, niceScoreAxis, type TrendKpi, type TrendRow, type TrendSeriesMeta } from "./trends-data";
import { useChartDrill } from "./use-chart-drill";

const SCORE_HEIGHT = 240;
const REVENUE_HEIGHT = 150;
const MARGIN = { top: 12, right: 16, bottom: 0, left: 8 };
const Y_WIDTH = 60;

/** The total in the theme's text colour; segments in their own colours. */
export function trendColor(series: TrendSeriesMeta): string {
  return series.isTotal ? "var(--foreground)" : seriesColor(series.color, series.index - 1);
}

/**
 * 24 months of NPS or CSAT (toggle) over monthly revenue, as two panels on one time axis: the score
 * with its target line and rings on months that moved beyond the margin of error, revenue as bars
 * (stacked per segment when `bySegment`) with the revenue target's monthly pace. Low-sample months are
 * hollow points. Either panel's tooltip gives the month's score, answers and revenue per series. A
 * month opens its feedback through `onDrill`.
 */
export function TrendsChart({
  data,
  bySegment,
  onBySegmentChange,
  onDrill,
  defaultKpi = "nps",
  ...state
}: {
  data?: TrendsPayload;
  bySegment: boolean;
  onBySegmentChange: (bySegment: boolean) => void;
  onDrill?: OnDrill;
  defaultKpi?: TrendKpi;
} & ChartStateProps) {
  const { t, locale } = useI18n();
  const [kpi, setKpi] = useState<TrendKpi>(defaultKpi);
  const totalName = t("dashboard.trends.allSegments");
  const model = useMemo(() => (data ? buildTrendModel(data, kpi, totalName) : null), [data, kpi, totalName]);
  const drillMonth = onDrill && ((row: TrendRow) => onDrill({ month: row.month }));
  const scoreDrill = useChartDrill<TrendRow>(drillMonth);
  const revenueDrill = useChartDrill<TrendRow>(drillMonth);
  const currency = data?.currency ?? "USD";
  const kpiLabel = t(`enumLabels.kpi.${kpi}`);
  const formatScore = (value: number | null) =>
    kpi === "nps" ? formatNps(locale, value) : formatPercent(locale, value);

  const series = useMemo(() => model?.series ?? [], [model]);
  const shown = useMemo(() => (bySegment ? series : series.slice(0, 1)), [bySegment, series]);
  const revenueSeries = bySegment && series.length > 1 ? series.slice(1) : series.slice(0, 1);
  const markers = (model?.markers ?? []).filter((marker) => shown.some((s) => s.index === marker.seriesIndex));
  const axis = useMemo(() => {
    const values = [
      ...(model?.rows ?? []).flatMap((row) => shown.map((s) => row[`score${s.index}`] as number | null)),
      ...(model?.scoreTargets ?? []).map((target) => target.value),
    ];
    return kpi === "nps" ? niceScoreAxis(values, -100, 100) : niceScoreAxis(values, 0, 100);
  }, [model, shown, kpi]);
  const empty =
    model !== null &&
    model.rows.every((row) => shown.every((s) => row[`score${s.index}`] === null) && (row.revenue0 ?? 0) === 0);

  const scoreTarget = model?.scoreTargets.at(-1);
  const revenuePace = model?.revenueTargets.at(-1);
  const legend: LegendItem[] = [
    ...shown.map((s) => ({ label: s.name, color: trendColor(s), shape: "line" as const })),
    ...(bySegment
      ? []
      : [{ label: t("dashboard.trends.revenue"), color: CHART_COLORS.revenue, shape: "square" as const }]),
    ...(scoreTarget
      ? [
          {
            label: t("dashboard.trends.targetValue", { value: formatScore(scoreTarget.value) }),
            color: CHART_COLORS.target,
            shape: "dashed" as const,
          },
        ]
      : []),
    ...(revenuePace
      ? [
          {
            label: t("dashboard.trends.revenuePace", {
              value: formatMoneyNumber(locale, revenuePace.value, currency, { compact: true }),
            }),
            color: CHART_COLORS.target,
            shape: "dashed" as const,
          },
        ]
      : []),
    { label: t("dashboard.trends.significantChange"), color: CHART_COLORS.target, shape: "hollow" },
    { label: t("dashboard.lowSampleLegend"), color: "var(--muted-foreground)", shape: "hollow" },
  ];

  const csv = () =>
    toCsv(
      (model?.rows ?? []).flatMap((row) => shown.map((s) => ({ row, s }))),
      [
        { header: t("dashboard.csv.month"), value: ({ row }) => row.month },
        { header: t("dashboard.csv.series"), value: ({ s }) => s.name },
        { header: kpiLabel, value: ({ row, s }) => roundTo(row[`score${s.index}`] as number | null, 2) },
        {
          header: t("dashboard.csv.marginOfError"),
          value: ({ row, s }) => roundTo(row[`moe${s.index}`] as number | null, 2),
        },
        { header: t("dashboard.csv.responses"), value: ({ row, s }) => row[`n${s.index}`] as number },
        { header: t("dashboard.csv.lowSample"), value: ({ row, s }) => row[`low${s.index}`] as boolean },
        {
          header: t("dashboard.csv.revenue", { currency }),
          value: ({ row, s }) => row[`revenueExact${s.index}`] as string | null,
        },
      ],
    );

  const xAxis = (hide: boolean) => (
    <XAxis
      dataKey="month"
      scale="band"
      tick={hide ? false : AXIS_TICK}
      height={hide ? 4 : 24}
      tickLine={false}
      axisLine={AXIS_LINE}
      tickFormatter={(month: string) => formatMonth(locale, month, "short")}
      minTickGap={12}
    />
  );
  const tooltip = (
    <Tooltip
      cursor={{ fill: "var(--muted)", fillOpacity: 0.5 }}
      content={(props) => (
        <TrendsTooltip
          row={tooltipRow<TrendRow>(props)}
          series={shown}
          kpi={kpi}
          markers={markers}
          currency={currency}
          revenueOnly={bySegment ? undefined : series[0]}
        />
      )}
    />
  );
  const targetLine = (target: { from: string; to: string; value: number }) => (
    <ReferenceLine
      key={`${target.from}-${target.value}`}
      segment={[
        { x: target.from, y: target.value },
        { x: target.to, y: target.value },
      ]}
      stroke={CHART_COLORS.target}
      strokeOpacity={0.7}
      strokeDasharray="6 4"
      ifOverflow="extendDomain"
    />
  );

  return (
    <ChartCard
      title={t("dashboard.trends.title", { kpi: kpiLabel })}
      description={t(kpi === "nps" ? "dashboard.trends.aboutNps" : "dashboard.trends.aboutCsat")}
      legend={legend}
      controls={
        <>
          <SegmentedToggle
            label={t("dashboard.trends.kpiToggle")}
            value={kpi}
            onChange={setKpi}
            options={[
              { value: "nps", label: t("enumLabels.kpi.nps") },
              { value: "csat", label: t("enumLabels.kpi.csat") },
            ]}
          />
          <SegmentedToggle
            label={t("dashboard.trends.splitToggle")}
            value={bySegment ? "segments" : "total"}
            onChange={(value) => onBySegmentChange(value === "segments")}
            options={[
              { value: "total", label: t("dashboard.trends.total") },
              { value: "segments", label: t("dashboard.trends.perSegment") },
            ]}
          />
        </>
      }
      note={onDrill ? t("dashboard.chart.drillHintMonths") : undefined}
      empty={empty}
      loading={state.loading || (!data && !state.error)}
      error={state.error}
      onRetry={state.onRetry}
      csv={csv}
      height={SCORE_HEIGHT + REVENUE_HEIGHT}
    >
      {model && (
        <div className="flex flex-col gap-1">
          <div style={{ height: SCORE_HEIGHT }} {...scoreDrill.handlers}>
            <ComposedChart
              data={model.rows}
              responsive
              style={{ width: "100%", height: "100%" }}
              margin={MARGIN}
              cursor={scoreDrill.cursor}
            >
              <CartesianGrid vertical={false} stroke={GRID_STROKE} />
              {xAxis(true)}
              <YAxis
                width={Y_WIDTH}
                tick={AXIS_TICK}
                tickLine={false}
                axisLine={false}
                domain={axis.domain}
                ticks={axis.ticks}
                tickFormatter={(value: number) => formatScore(value)}
              />
              {tooltip}
              {model.scoreTargets.map(targetLine)}
              {shown.map((s) => (
                <Line
                  key={s.index}
                  dataKey={`score${s.index}`}
                  name={s.name}
                  stroke={trendColor(s)}
                  strokeWidth={s.isTotal ? 2.5 : 1.75}
                  type="monotone"
                  connectNulls={false}
                  isAnimationActive={false}
                  dot={scoreDot<TrendRow>(trendColor(s), (row) => row[`low${s.index}`] === true, s.isTotal ? 3.5 : 3)}
                  activeDot={{ r: 5 }}
                />
              ))}
              {markers.map((marker) => {
                const owner = series[marker.seriesIndex];
                return (
                  <ReferenceDot
                    key={`${marker.month}-${marker.seriesIndex}`}
                    x={marker.month}
                    y={marker.value}
                    r={8}
                    fill="none"
                    stroke={owner ? trendColor(owner) : CHART_COLORS.target}
                    strokeWidth={1.5}
                    ifOverflow="extendDomain"
                  />
                );
              })}
              {scoreDrill.tracker}
            </ComposedChart>
          </div>
          <div style={{ height: REVENUE_HEIGHT }} {...revenueDrill.handlers}>
            <ComposedChart
              data={model.rows}
              responsive
              style={{ width: "100%", height: "100%" }}
              margin={MARGIN}
              cursor={revenueDrill.cursor}
            >
              <CartesianGrid vertical={false} stroke={GRID_STROKE} />
              {xAxis(false)}
              <YAxis
                width={Y_WIDTH}
                tick={AXIS_TICK}
                tickLine={false}
                axisLine={false}
                tickFormatter={(value: number) => formatMoneyNumber(locale, value, currency, { compact: true })}
              />
              {tooltip}
              {revenueSeries.map((s) => (
                <Bar
                  key={s.index}
                  dataKey={`revenue${s.index}`}
                  name={s.name}
                  stackId="revenue"
                  fill={s.isTotal ? CHART_COLORS.revenue : trendColor(s)}
                  fillOpacity={0.85}
                  maxBarSize={28}
                  isAnimationActive={false}
                />
              ))}
              {model.revenueTargets.map(targetLine)}
              {revenueDrill.tracker}
            </ComposedChart>
          </div>
        </div>
      )}
    </ChartCard>
  );
}
