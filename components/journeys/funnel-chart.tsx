"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_LINE, AXIS_TICK, GRID_STROKE } from "@/components/dashboard/chart-theme";
import { ChartTooltipBox } from "@/components/dashboard/chart-tooltip";
import { formatCount, formatPercent } from "@/components/dashboard/format";
import { useI18n } from "@/components/i18n/i18n-provider";
import { inDisplayOrder } from "@/server/domain/journeys/stages";
import { textDirection } from "@/server/i18n/core";
import { FUNNEL_COLORS, type FunnelRow } from "./funnel-data";

const HEIGHT = 300;
/** Stage names longer than this are cut on the axis (the tooltip and the table carry them whole). */
const TICK_CHARACTERS = 14;

/**
 * Customers reaching each stage as bars in journey order (right to left in an RTL locale), with the
 * customers lost since the stage before stacked on top in the negative colour: the full column is
 * the previous stage's reach, so the drop reads as the gap. Counts are printed on the bars.
 */
export function FunnelChart({ rows, summary }: { rows: readonly FunnelRow[]; summary: string }) {
  const { locale } = useI18n();
  const data = inDisplayOrder(rows, textDirection(locale));
  const short = (name: string) => (name.length > TICK_CHARACTERS ? `${name.slice(0, TICK_CHARACTERS - 1)}…` : name);
  return (
    <div role="img" aria-label={summary} style={{ height: HEIGHT }} className="min-w-0">
      <BarChart
        data={data}
        responsive
        style={{ width: "100%", height: "100%" }}
        margin={{ top: 20, right: 8, bottom: 4, left: 8 }}
        barCategoryGap="22%"
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke={GRID_STROKE} strokeDasharray="3 3" />
        <XAxis
          dataKey="name"
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={AXIS_LINE}
          interval={0}
          tickFormatter={short}
        />
        <YAxis
          orientation={textDirection(locale) === "rtl" ? "right" : "left"}
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={false}
          width={48}
          allowDecimals={false}
          tickFormatter={(value: number) => formatCount(locale, value)}
        />
        <Tooltip
          cursor={{ fill: "var(--muted)", fillOpacity: 0.5 }}
          content={(props) => {
            const row = props.active ? (props.payload?.[0]?.payload as FunnelRow | undefined) : undefined;
            return row ? <FunnelTooltip row={row} /> : null;
          }}
        />
        <Bar dataKey="reached" stackId="funnel" fill={FUNNEL_COLORS.reached} isAnimationActive={false}>
          <LabelList
            dataKey="reached"
            position="insideTop"
            fill="var(--primary-foreground)"
            fontSize={12}
            formatter={(value) => (typeof value === "number" && value > 0 ? formatCount(locale, value) : "")}
          />
        </Bar>
        <Bar
          dataKey="dropped"
          stackId="funnel"
          fill={FUNNEL_COLORS.dropped}
          fillOpacity={0.3}
          stroke={FUNNEL_COLORS.dropped}
          strokeDasharray="3 2"
          isAnimationActive={false}
          radius={[3, 3, 0, 0]}
        >
          <LabelList
            dataKey="dropPercent"
            position="top"
            fill={AXIS_TICK.fill}
            fontSize={11}
            formatter={(value) => (typeof value === "number" && value > 0 ? `−${formatPercent(locale, value)}` : "")}
          />
        </Bar>
      </BarChart>
    </div>
  );
}

function FunnelTooltip({ row }: { row: FunnelRow }) {
  const { t, locale } = useI18n();
  return (
    <ChartTooltipBox
      title={row.name}
      rows={[
        {
          label: t("journeys.funnel.reached"),
          value: formatCount(locale, row.reached),
          detail: formatPercent(locale, row.conversionPercent),
          color: FUNNEL_COLORS.reached,
          shape: "square",
        },
        ...(row.dropCount === null
          ? []
          : [
              {
                label: t("journeys.funnel.dropped"),
                value: formatCount(locale, row.dropCount),
                detail: formatPercent(locale, row.dropPercent),
                color: FUNNEL_COLORS.dropped,
                shape: "hatched" as const,
              },
            ]),
      ]}
    />
  );
}
