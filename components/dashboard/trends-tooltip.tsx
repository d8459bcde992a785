"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { LegendSwatch } from "./chart-legend";
import { CHART_COLORS, seriesColor } from "./chart-theme";
import { formatCount, formatMoney, formatMonth, formatNps, formatPercent, formatPoints } from "./format";
import type { TrendKpi, TrendMarker, TrendRow, TrendSeriesMeta } from "./trends-data";

const colorOf = (series: TrendSeriesMeta) =>
  series.isTotal ? "var(--foreground)" : seriesColor(series.color, series.index - 1);

/**
 * A month of the trend chart, one line per series: score (hollow swatch and ◌ when low-sample),
 * answers and revenue; then the changes beyond the margin of error found in that month.
 */
export function TrendsTooltip({
  row,
  series,
  kpi,
  markers,
  currency,
  revenueOnly,
}: {
  row: TrendRow | undefined;
  series: readonly TrendSeriesMeta[];
  kpi: TrendKpi;
  markers: readonly TrendMarker[];
  currency: string;
  /** Total only: the revenue bar is the total's, in the revenue colour. */
  revenueOnly?: TrendSeriesMeta;
}) {
  const { t, locale } = useI18n();
  if (!row) return null;
  const format = (value: number | null) => (kpi === "nps" ? formatNps(locale, value) : formatPercent(locale, value));
  const notes = markers
    .filter((marker) => marker.month === row.month)
    .map((marker) =>
      t("dashboard.trends.changeNote", {
        series: series.find((s) => s.index === marker.seriesIndex)?.name ?? "",
        change: formatPoints(locale, marker.change),
        margin: formatPoints(locale, marker.marginOfError, false),
      }),
    );
  return (
    <div className="rounded-md border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-md">
      <p className="mb-1 font-medium">{formatMonth(locale, row.month)}</p>
      <table className="tabular-nums">
        <thead className="text-[11px] text-muted-foreground">
          <tr>
            <th className="pe-3 text-start font-normal" />
            <th className="pe-3 text-end font-normal">{t(`enumLabels.kpi.${kpi}`)}</th>
            <th className="pe-3 text-end font-normal">{t("dashboard.trends.answers")}</th>
            <th className="text-end font-normal">{t("dashboard.trends.revenue")}</th>
          </tr>
        </thead>
        <tbody>
          {series.map((s) => {
            const low = row[`low${s.index}`] === true;
            const n = row[`n${s.index}`];
            return (
              <tr key={s.index}>
                <td className="pe-3">
                  <span className="flex items-center gap-1.5">
                    <LegendSwatch shape={low ? "hollow" : "line"} color={colorOf(s)} />
                    <span dir="auto">{s.name}</span>
                  </span>
                </td>
                <td className="pe-3 text-end font-medium">{format(row[`score${s.index}`] as number | null)}</td>
                <td className="pe-3 text-end text-muted-foreground">
                  {formatCount(locale, typeof n === "number" ? n : 0)}
                  {low && <span title={t("dashboard.lowSampleHint")}> ◌</span>}
                </td>
                <td className="text-end">
                  {revenueOnly === s && (
                    <LegendSwatch shape="square" color={CHART_COLORS.revenue} className="me-1 inline" />
                  )}
                  {formatMoney(locale, row[`revenueExact${s.index}`] as string | null, currency)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {notes.length > 0 && (
        <div className="mt-1.5 border-t pt-1.5 text-[11px] text-muted-foreground">
          {notes.map((note) => (
            <span key={note} className="block">
              {note}
            </span>
          ))}
        </div>
      )}
      {series.some((s) => row[`low${s.index}`] === true) && (
        <p className="mt-1 text-[11px] text-muted-foreground">◌ {t("dashboard.lowSampleLegend")}</p>
      )}
    </div>
  );
}
