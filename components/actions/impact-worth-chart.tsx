"use client";

import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/components/dashboard/chart-card";
import type { LegendItem } from "@/components/dashboard/chart-legend";
import { tooltipRow } from "@/components/dashboard/chart-marks";
import { AXIS_LINE, AXIS_TICK, GRID_STROKE } from "@/components/dashboard/chart-theme";
import { ChartTooltipBox } from "@/components/dashboard/chart-tooltip";
import { toCsv } from "@/components/dashboard/csv";
import { formatMoneyNumber } from "@/components/dashboard/format";
import { useI18n } from "@/components/i18n/i18n-provider";
import {
  VERDICT_LABEL,
  type VerdictTone,
  VERDICT_TONE,
  type WorthRow,
  type WorthSource,
  worthRows,
} from "./impact-format";

const ROW_HEIGHT = 44;
const TONE_COLOR: Record<VerdictTone, string> = {
  positive: "var(--positive)",
  negative: "var(--negative)",
  neutral: "var(--chart-passive)",
  warning: "var(--chart-passive)",
};

type ChartRow = WorthRow & { error: [number, number] };

/**
 * The revenue each measured change is worth, with its 95% interval as error bars: money compares
 * across KPIs, so one axis holds them all. Coloured by verdict (the tooltip and table say it in words).
 */
export function ImpactWorthChart({ items, currency }: { items: readonly WorthSource[]; currency: string }) {
  const { t, locale } = useI18n();
  const rows: ChartRow[] = useMemo(
    () => worthRows(items).map((row) => ({ ...row, error: [row.estimate - row.low, row.high - row.estimate] })),
    [items],
  );
  const money = (value: number, compact = false) =>
    formatMoneyNumber(locale, value, currency, { compact, signed: true });
  const legend: LegendItem[] = [
    { label: t("actions.impact.verdict.improved"), color: TONE_COLOR.positive, shape: "square" },
    { label: t("actions.impact.verdict.worsened"), color: TONE_COLOR.negative, shape: "square" },
    { label: t("actions.impact.verdict.noChange"), color: TONE_COLOR.neutral, shape: "square" },
  ];
  const csv = () =>
    toCsv(rows, [
      { header: t("actions.colTitle"), value: (row) => row.title },
      { header: t("actions.impact.colVerdict"), value: (row) => t(VERDICT_LABEL[row.verdict]) },
      { header: t("actions.impact.csvWorth", { currency }), value: (row) => row.estimate },
      { header: t("actions.impact.csvLow", { currency }), value: (row) => row.low },
      { header: t("actions.impact.csvHigh", { currency }), value: (row) => row.high },
    ]);

  return (
    <ChartCard
      title={t("actions.impact.chartTitle")}
      description={t("actions.impact.chartDescription")}
      legend={legend}
      empty={rows.length === 0}
      emptyMessage={t("actions.impact.chartEmpty")}
      csv={csv}
      height={160}
    >
      <div style={{ height: Math.max(140, rows.length * ROW_HEIGHT + 48) }}>
        <BarChart
          data={rows}
          layout="vertical"
          responsive
          style={{ width: "100%", height: "100%" }}
          margin={{ top: 4, right: 24, bottom: 4, left: 8 }}
        >
          <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
          <XAxis
            type="number"
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={AXIS_LINE}
            tickFormatter={(value: number) => money(value, true)}
          />
          <YAxis
            type="category"
            dataKey="title"
            width={160}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            interval={0}
          />
          <ReferenceLine x={0} stroke="var(--foreground)" strokeOpacity={0.5} />
          <Tooltip
            cursor={{ fill: "var(--muted)", fillOpacity: 0.5 }}
            content={(props) => {
              const row = tooltipRow<ChartRow>(props);
              if (!row) return null;
              return (
                <ChartTooltipBox
                  title={row.title}
                  rows={[
                    { label: t("actions.impact.colWorth"), value: money(row.estimate) },
                    {
                      label: t("actions.impact.ci95"),
                      value: t("actions.impact.range", { low: money(row.low), high: money(row.high) }),
                    },
                    { label: t("actions.impact.colVerdict"), value: t(VERDICT_LABEL[row.verdict]) },
                  ]}
                />
              );
            }}
          />
          <Bar dataKey="estimate" maxBarSize={20} radius={[0, 3, 3, 0]} isAnimationActive={false}>
            {rows.map((row) => (
              <Cell key={row.actionId} fill={TONE_COLOR[VERDICT_TONE[row.verdict]]} />
            ))}
            <ErrorBar dataKey="error" direction="x" width={6} stroke="var(--foreground)" strokeWidth={1.5} />
          </Bar>
        </BarChart>
      </div>
    </ChartCard>
  );
}
