/**
 * Colours and axis styling shared by the dashboard charts. Everything is a CSS variable from
 * app/globals.css, so a chart follows the light/dark theme without re-rendering; the PNG export
 * resolves them through computed styles.
 */
export const CHART_PALETTE = [
  "var(--chart-1)",
  "var(--chart-2)",
  "var(--chart-3)",
  "var(--chart-4)",
  "var(--chart-5)",
  "var(--chart-6)",
] as const;

export const CHART_COLORS = {
  revenue: "var(--chart-1)",
  score: "var(--chart-3)",
  target: "var(--foreground)",
  promoter: "var(--positive)",
  passive: "var(--chart-passive)",
  detractor: "var(--negative)",
  risk: "var(--negative)",
} as const;

const HEX = /^#[0-9a-f]{6}$/i;

/**
 * A series colour: the segment's own colour when it has one, nudged 20% toward the text colour so a
 * dark brand colour stays visible on the dark theme (and a light one on the light theme); otherwise
 * the palette colour for its position.
 */
export function seriesColor(color: string | null, index: number): string {
  if (color && HEX.test(color)) return `color-mix(in oklab, ${color} 80%, var(--foreground))`;
  return CHART_PALETTE[index % CHART_PALETTE.length] ?? CHART_PALETTE[0];
}

export const AXIS_TICK = { fill: "var(--muted-foreground)", fontSize: 12 } as const;
export const AXIS_LINE = { stroke: "var(--border)" } as const;
export const GRID_STROKE = "var(--border)";
