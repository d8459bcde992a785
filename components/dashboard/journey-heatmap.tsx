"use client";

import { useMemo, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { cn } from "@/components/ui/cn";
import type { HeatmapPayload } from "@/server/domain/dashboard/payload";
import { ChartCard, type ChartStateProps } from "./chart-card";
import type { LegendItem } from "./chart-legend";
import { toCsv } from "./csv";
import type { OnDrill } from "./drill";
import { formatCount, formatNps, formatPercent, formatPoints, roundTo } from "./format";
import { tableToSvgMarkup } from "./heatmap-export";
import {
  buildHeatGrid,
  heatBackground,
  type HeatCellView,
  type HeatKpi,
  heatLevel,
  isHeatGridEmpty,
} from "./heatmap-scale";
import { SegmentedToggle } from "./segmented-toggle";

const HATCH =
  "repeating-linear-gradient(135deg, transparent 0 5px, color-mix(in oklab, var(--foreground) 22%, transparent) 5px 6.5px)";

/**
 * Journey stage (rows, journey order) × segment (columns): NPS or CSAT per cell on a diverging
 * colour scale, as an HTML table. Every cell prints its value (colour is never the only cue), low-sample
 * cells are hatched and marked ◌, empty cells show —. A cell opens its feedback through `onDrill`.
 */
export function JourneyHeatmap({
  data,
  onDrill,
  ...state
}: { data?: HeatmapPayload; onDrill?: OnDrill } & ChartStateProps) {
  const { t, locale } = useI18n();
  const [kpi, setKpi] = useState<HeatKpi>("nps");
  const tableRef = useRef<HTMLTableElement>(null);
  const noStage = t("dashboard.heatmap.noStage");
  const noSegment = t("dashboard.noSegment");
  const grid = useMemo(
    () => (data ? buildHeatGrid(data, kpi, { noStage, noSegment }) : null),
    [data, kpi, noStage, noSegment],
  );
  const kpiLabel = t(`enumLabels.kpi.${kpi}`);
  const format = (value: number | null) => (kpi === "nps" ? formatNps(locale, value) : formatPercent(locale, value));

  const legend: LegendItem[] = [
    { label: t("dashboard.heatmap.worse"), color: "var(--heat-bad)", shape: "square" },
    {
      label: t("dashboard.heatmap.neutral", { value: format(kpi === "nps" ? 0 : 75) }),
      color: "var(--heat-mid)",
      shape: "square",
    },
    { label: t("dashboard.heatmap.better"), color: "var(--heat-good)", shape: "square" },
    { label: t("dashboard.lowSampleLegend"), color: "var(--muted-foreground)", shape: "hatched" },
  ];

  const describe = (cell: HeatCellView) => {
    const parts = [t("dashboard.responses", { count: formatCount(locale, cell.sampleSize) })];
    if (cell.marginOfError !== null)
      parts.push(t("dashboard.marginOfError", { value: formatPoints(locale, cell.marginOfError, false) }));
    if (cell.sampleSize > 0 && cell.lowSample) parts.push(t("dashboard.lowSample"));
    return parts.join(" · ");
  };

  const csv = () =>
    toCsv(grid?.rows.flat() ?? [], [
      { header: t("dashboard.csv.stage"), value: (cell) => cell.stageName },
      { header: t("dashboard.csv.segment"), value: (cell) => cell.segmentName },
      { header: kpiLabel, value: (cell) => roundTo(cell.value, 2) },
      { header: t("dashboard.csv.marginOfError"), value: (cell) => roundTo(cell.marginOfError, 2) },
      { header: t("dashboard.csv.responses"), value: (cell) => cell.sampleSize },
      { header: t("dashboard.csv.lowSample"), value: (cell) => cell.lowSample },
    ]);

  return (
    <ChartCard
      title={t("dashboard.heatmap.title", { kpi: kpiLabel })}
      description={t(kpi === "nps" ? "dashboard.heatmap.aboutNps" : "dashboard.heatmap.aboutCsat", {
        period: data?.period.label ?? "",
      })}
      legend={legend}
      controls={
        <SegmentedToggle
          label={t("dashboard.heatmap.kpiToggle")}
          value={kpi}
          onChange={setKpi}
          options={[
            { value: "nps", label: t("enumLabels.kpi.nps") },
            { value: "csat", label: t("enumLabels.kpi.csat") },
          ]}
        />
      }
      note={
        <>
          <p>{t("dashboard.heatmap.emptyCell")}</p>
          {onDrill && <p>{t("dashboard.chart.drillHintCells")}</p>}
        </>
      }
      empty={grid !== null && (grid.stages.length === 0 || grid.segments.length === 0 || isHeatGridEmpty(grid))}
      loading={state.loading || (!data && !state.error)}
      error={state.error}
      onRetry={state.onRetry}
      csv={csv}
      exportSvg={() => (tableRef.current ? tableToSvgMarkup(tableRef.current) : null)}
      height={320}
    >
      {grid && (
        <div className="relative overflow-x-auto">
          <table ref={tableRef} className="w-full border-separate border-spacing-1 text-sm">
            <caption className="sr-only">{t("dashboard.heatmap.caption", { kpi: kpiLabel })}</caption>
            <thead>
              <tr>
                <th
                  scope="col"
                  className="w-24 text-start align-bottom text-xs font-medium text-muted-foreground"
                  data-grid-box="start"
                >
                  {t("dashboard.heatmap.stage")}
                </th>
                {grid.segments.map((segment) => (
                  <th
                    key={segment.id ?? "none"}
                    scope="col"
                    className="min-w-14 px-0.5 pb-1 text-center align-bottom text-xs font-medium text-muted-foreground"
                    data-grid-box="middle"
                    dir="auto"
                  >
                    {segment.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.rows.map((row, s) => {
                const stage = grid.stages[s];
                return (
                  <tr key={stage?.id ?? "none"}>
                    <th scope="row" className="pe-2 text-start text-xs font-medium" data-grid-box="start" dir="auto">
                      {stage?.name}
                    </th>
                    {row.map((cell) => {
                      const empty = cell.sampleSize === 0 || cell.value === null;
                      const low = !empty && cell.lowSample;
                      const text = format(cell.value);
                      const title = `${cell.stageName} · ${cell.segmentName}: ${kpiLabel} ${text} (${describe(cell)})`;
                      const shared = {
                        "data-grid-box": "middle",
                        "data-grid-text": low ? `${text} ◌` : text,
                        "data-low-sample": String(low),
                        title,
                        style: {
                          backgroundColor: heatBackground(heatLevel(kpi, cell.value)),
                          backgroundImage: low ? HATCH : undefined,
                        },
                        className: cn(
                          "relative flex h-11 w-full items-center justify-center gap-0.5 rounded-md text-[13px] tabular-nums",
                          empty && "text-muted-foreground",
                          low && "text-foreground/80",
                        ),
                      };
                      const content = (
                        <>
                          {text}
                          {low && (
                            <span aria-hidden className="text-[10px] leading-none">
                              ◌
                            </span>
                          )}
                          <span className="sr-only">
                            {`, ${cell.stageName}, ${cell.segmentName}, ${describe(cell)}`}
                          </span>
                        </>
                      );
                      return (
                        <td key={cell.segmentId ?? "none"} className="p-0">
                          {onDrill && !empty ? (
                            <button
                              type="button"
                              {...shared}
                              className={cn(
                                shared.className,
                                "cursor-pointer outline-offset-2 hover:ring-2 hover:ring-ring/50 focus-visible:outline-2 focus-visible:outline-ring",
                              )}
                              onClick={() => onDrill({ stageId: cell.stageId, segmentId: cell.segmentId })}
                            >
                              {content}
                            </button>
                          ) : (
                            <span {...shared}>{content}</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </ChartCard>
  );
}
