"use client";

import { Download } from "lucide-react";
import { type ReactNode, useId, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Skeleton } from "@/components/ui/skeleton";
import { ChartLegend, type LegendItem } from "./chart-legend";
import { downloadBlob, downloadFigurePng, placedChartSvgs, svgFromMarkup } from "./chart-png";
import { exportFileName } from "./csv";

// recharts makes each chart focusable (arrow keys move the tooltip): a visible ring for keyboard focus only
const FIGURE_CLASS =
  "flex min-w-0 flex-col gap-3 [&_.recharts-surface]:outline-none [&_.recharts-surface:focus-visible]:rounded-sm [&_.recharts-surface:focus-visible]:outline-solid [&_.recharts-surface:focus-visible]:outline-2 [&_.recharts-surface:focus-visible]:outline-offset-2 [&_.recharts-surface:focus-visible]:outline-ring";

/** Loading, error and empty states shared by every chart; charts pass them through from their query. */
export interface ChartStateProps {
  loading?: boolean;
  /** A message to show instead of the chart; `onRetry` adds a Retry button. */
  error?: string | null;
  onRetry?: () => void;
}

export interface ChartCardProps extends ChartStateProps {
  title: string;
  /** One line on how the figure is computed, under the title (and in the exported image). */
  description: string;
  legend?: readonly LegendItem[];
  /** Toggles and other view controls, in the header next to the export menu. */
  controls?: ReactNode;
  /** Below the chart: rules, low-sample notes, the drill-down hint. */
  note?: ReactNode;
  /** No data in the period: the chart is replaced by `emptyMessage`. */
  empty?: boolean;
  emptyMessage?: string;
  /** The chart's data as CSV text (see toCsv); without it, no CSV export. */
  csv?: () => string;
  /** SVG markup to export as PNG when the chart is not a recharts SVG (the heatmap table). */
  exportSvg?: () => string | null;
  /** Height of the chart area while loading or empty, so the layout does not jump. */
  height?: number;
  className?: string;
  children?: ReactNode;
}

/**
 * The frame of every dashboard chart: a heading, a "how this is computed" line, the chart in a
 * figure labelled by the heading, a legend, an export menu (CSV of the data, PNG of the chart), and
 * the loading, error and empty states.
 */
export function ChartCard(props: ChartCardProps) {
  const { title, description, legend = [], controls, note, loading, error, onRetry, empty, height = 280 } = props;
  const { t } = useI18n();
  const titleId = useId();
  const descriptionId = useId();
  const figureRef = useRef<HTMLDivElement>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const ready = !loading && !error && !empty;

  const exportCsv = () => {
    if (!props.csv) return;
    // The BOM makes spreadsheet software read the file as UTF-8 (segment names in any script)
    const blob = new Blob(["\uFEFF", props.csv()], { type: "text/csv;charset=utf-8" });
    downloadBlob(blob, `${exportFileName(title, new Date())}.csv`);
  };

  const exportPng = async () => {
    const figure = figureRef.current;
    if (!figure) return;
    setExportError(null);
    try {
      const custom = props.exportSvg?.();
      const parsed = custom ? svgFromMarkup(custom) : null;
      const charts = custom ? (parsed ? [{ svg: parsed, x: 0, y: 0 }] : []) : placedChartSvgs(figure);
      if (charts.length === 0) throw new Error("No chart to export.");
      await downloadFigurePng({
        figure,
        title,
        description,
        legend,
        charts,
        fileName: exportFileName(title, new Date()),
      });
    } catch {
      setExportError(t("dashboard.chart.exportFailed"));
    }
  };

  let body: ReactNode;
  if (loading) {
    body = (
      <div aria-busy="true" style={{ height }} className="flex flex-col justify-end gap-2">
        <span className="sr-only">{t("dashboard.chart.loading", { title })}</span>
        <Skeleton className="h-full w-full" />
      </div>
    );
  } else if (error) {
    body = (
      <div
        role="alert"
        style={{ minHeight: height }}
        className="flex flex-col items-center justify-center gap-3 text-center"
      >
        <p className="text-sm font-medium">{t("dashboard.chart.errorTitle")}</p>
        <p className="max-w-md text-sm text-muted-foreground">{error}</p>
        {onRetry && (
          <Button variant="outline" size="sm" onClick={onRetry}>
            {t("dashboard.chart.retry")}
          </Button>
        )}
      </div>
    );
  } else if (empty) {
    body = (
      <div style={{ minHeight: height }} className="flex items-center justify-center text-center">
        <p className="max-w-md text-sm text-muted-foreground">{props.emptyMessage ?? t("dashboard.chart.empty")}</p>
      </div>
    );
  } else {
    body = props.children;
  }

  return (
    <Card className={cn("flex min-w-0 flex-col gap-3 p-5", props.className)}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 flex-1">
          <h2 id={titleId} className="text-base font-semibold leading-tight">
            {title}
          </h2>
          <p id={descriptionId} className="mt-1 text-xs text-muted-foreground">
            {description}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {ready && controls}
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button
                variant="ghost"
                size="icon"
                aria-label={t("dashboard.chart.exportLabel", { title })}
                disabled={!ready}
              >
                <Download aria-hidden />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              {props.csv && (
                <DropdownMenuItem onSelect={exportCsv}>{t("dashboard.chart.downloadCsv")}</DropdownMenuItem>
              )}
              <DropdownMenuItem onSelect={() => void exportPng()}>{t("dashboard.chart.downloadPng")}</DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
        </div>
      </div>
      <div
        ref={figureRef}
        role="figure"
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        className={FIGURE_CLASS}
      >
        {body}
        {ready && legend.length > 0 && <ChartLegend items={legend} />}
      </div>
      {ready && note && <div className="text-xs text-muted-foreground">{note}</div>}
      {exportError && (
        <p role="alert" className="text-xs text-destructive">
          {exportError}
        </p>
      )}
    </Card>
  );
}
