"use client";

import { useMemo } from "react";
import {
  CartesianGrid,
  LabelList,
  ReferenceArea,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";
import { ChartCard, type ChartStateProps } from "@/components/dashboard/chart-card";
import type { LegendItem } from "@/components/dashboard/chart-legend";
import { tooltipRow } from "@/components/dashboard/chart-marks";
import { AXIS_LINE, AXIS_TICK, GRID_STROKE } from "@/components/dashboard/chart-theme";
import { formatDay, formatList, formatNps } from "@/components/dashboard/format";
import { niceScoreAxis } from "@/components/dashboard/trends-data";
import { useI18n } from "@/components/i18n/i18n-provider";
import { DOT_AREA_RANGE, QUADRANT_COLORS } from "./matrix-theme";
import { MatrixTooltip } from "./matrix-tooltip";
import { buildPriorityMatrix, type MatrixPoint, QUADRANTS, type ThemeImpactRow } from "./priority-matrix";
import { useImpactCsv } from "./use-impact-csv";

const HEIGHT = 400;
const MARGIN = { top: 20, right: 24, bottom: 28, left: 12 };

interface DotProps {
  cx?: number;
  cy?: number;
  size?: number;
  payload?: MatrixPoint;
}

/** A theme's dot: its quadrant's colour, its area from the mentions; hollow and dashed when low-sample. */
function MatrixDot({ cx, cy, size, payload }: DotProps) {
  if (typeof cx !== "number" || typeof cy !== "number" || !payload) return null;
  const color = QUADRANT_COLORS[payload.quadrant];
  const radius = Math.sqrt((size ?? DOT_AREA_RANGE[0]) / Math.PI);
  const low = payload.impact.lowSample;
  return (
    <circle
      cx={cx}
      cy={cy}
      r={radius}
      strokeWidth={low ? 1.75 : 1.25}
      strokeDasharray={low ? "3 2" : undefined}
      style={{ stroke: color, fill: low ? "var(--card)" : color, fillOpacity: low ? 0.85 : 0.7 }}
    />
  );
}

/**
 * The key-driver priority matrix: a dot per theme at its frequency among NPS responses (x) and its
 * impact on NPS in points (y, NPS of all − NPS without the theme; negative pulls NPS down), sized by
 * mentions and coloured by quadrant, with guides at the median frequency and impact and the "fix
 * first" corner (frequent × strongly negative) shaded. Low-sample themes are hollow. A dot opens
 * that theme's feedback through `onOpen`.
 */
export function PriorityMatrixChart({
  data,
  from,
  to,
  onOpen,
  ...state
}: {
  data?: { responses: number; themes: ThemeImpactRow[] };
  from: string;
  to: string;
  onOpen?: (themeId: number) => void;
} & ChartStateProps) {
  const { t, locale } = useI18n();
  const model = useMemo(() => buildPriorityMatrix(data?.themes ?? []), [data]);
  const { points, splits, unplotted } = model;
  const xAxis = useMemo(
    () => niceScoreAxis([0, splits.frequency, ...points.map((p) => p.x)], 0, 100),
    [points, splits],
  );
  const yAxis = useMemo(() => niceScoreAxis([0, ...points.map((p) => p.y)], -100, 100), [points]);
  const csv = useImpactCsv(data?.themes ?? [], points);
  const axisPercent = useMemo(
    () => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }),
    [locale],
  );

  const legend: LegendItem[] = [
    ...QUADRANTS.map((quadrant) => ({
      label: t(`themeAnalytics.quadrant.${quadrant}`),
      color: QUADRANT_COLORS[quadrant],
      shape: "dot" as const,
    })),
    { label: t("dashboard.lowSampleLegend"), color: "var(--muted-foreground)", shape: "hollow" },
    { label: t("themeAnalytics.matrix.sizeLegend"), color: "var(--muted-foreground)", shape: "dot" },
  ];

  const note = (
    <div className="grid gap-1">
      {onOpen && <p>{t("themeAnalytics.matrix.drillHint")}</p>}
      {unplotted.length > 0 && (
        <p>
          {t("themeAnalytics.matrix.unplotted", {
            names: formatList(
              locale,
              unplotted.map((row) => row.name),
            ),
          })}
        </p>
      )}
    </div>
  );

  return (
    <ChartCard
      title={t("themeAnalytics.matrix.title")}
      description={t("themeAnalytics.matrix.about", { from: formatDay(locale, from), to: formatDay(locale, to) })}
      legend={legend}
      note={note}
      empty={data !== undefined && points.length === 0}
      emptyMessage={t("themeAnalytics.matrix.empty")}
      loading={state.loading || (!data && !state.error)}
      error={state.error}
      onRetry={state.onRetry}
      csv={csv}
      height={HEIGHT}
    >
      <div style={{ height: HEIGHT }}>
        <ScatterChart responsive style={{ width: "100%", height: "100%" }} margin={MARGIN}>
          <CartesianGrid stroke={GRID_STROKE} />
          {splits.impact > yAxis.domain[0] && (
            <ReferenceArea
              x1={splits.frequency}
              x2={xAxis.domain[1]}
              y1={yAxis.domain[0]}
              y2={splits.impact}
              ifOverflow="hidden"
              style={{ fill: QUADRANT_COLORS.fixFirst, fillOpacity: 0.07 }}
              label={{
                value: t("themeAnalytics.quadrant.fixFirst"),
                position: "insideBottomRight",
                fill: QUADRANT_COLORS.fixFirst,
                fontSize: 12,
                fontWeight: 600,
              }}
            />
          )}
          <XAxis
            type="number"
            dataKey="x"
            name={t("themeAnalytics.matrix.frequency")}
            domain={xAxis.domain}
            ticks={xAxis.ticks}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={AXIS_LINE}
            tickFormatter={(value: number) => axisPercent.format(value / 100)}
            label={{
              value: t("themeAnalytics.matrix.xAxis"),
              position: "insideBottom",
              offset: -18,
              fill: AXIS_TICK.fill,
              fontSize: 12,
            }}
          />
          <YAxis
            type="number"
            dataKey="y"
            name={t("themeAnalytics.matrix.impact")}
            width={64}
            domain={yAxis.domain}
            ticks={yAxis.ticks}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            tickFormatter={(value: number) => formatNps(locale, value)}
            label={{
              value: t("themeAnalytics.matrix.yAxis"),
              angle: -90,
              position: "insideLeft",
              offset: 4,
              fill: AXIS_TICK.fill,
              fontSize: 12,
              style: { textAnchor: "middle" },
            }}
          />
          <ZAxis type="number" dataKey="mentions" range={DOT_AREA_RANGE} />
          {splits.impact !== 0 && <ReferenceLine y={0} stroke="var(--muted-foreground)" strokeOpacity={0.5} />}
          <ReferenceLine
            x={splits.frequency}
            stroke="var(--muted-foreground)"
            strokeDasharray="5 4"
            ifOverflow="extendDomain"
          />
          <ReferenceLine
            y={splits.impact}
            stroke="var(--muted-foreground)"
            strokeDasharray="5 4"
            ifOverflow="extendDomain"
          />
          <Tooltip
            cursor={{ strokeDasharray: "3 3", stroke: "var(--muted-foreground)" }}
            content={(props) => <MatrixTooltip point={tooltipRow<MatrixPoint>(props)} canOpen={onOpen !== undefined} />}
          />
          <Scatter
            data={points}
            shape={MatrixDot}
            isAnimationActive={false}
            cursor={onOpen ? "pointer" : undefined}
            onClick={(point: { payload?: MatrixPoint }) => {
              if (onOpen && point.payload) onOpen(point.payload.themeId);
            }}
          >
            <LabelList dataKey="name" position="top" offset={10} fill="var(--foreground)" fontSize={11} aria-hidden />
          </Scatter>
        </ScatterChart>
      </div>
    </ChartCard>
  );
}
