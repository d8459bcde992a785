"use client";

/** The data row under a recharts tooltip, when it is showing one. */
export function tooltipRow<Row>(props: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: unknown }>;
}): Row | undefined {
  if (!props.active) return undefined;
  return props.payload?.[0]?.payload as Row | undefined;
}

interface DotProps {
  cx?: number;
  cy?: number;
  index?: number;
  payload?: unknown;
}

/**
 * A line's point: filled, or hollow when `isLow(row)` says it rests on fewer than 30 answers, so a
 * low-sample figure is visible without hovering. Hollow points are filled with the card colour to hide
 * the line behind them.
 */
export function scoreDot<Row>(color: string, isLow: (row: Row) => boolean, radius = 4) {
  return function ScoreDot({ cx, cy, index, payload }: DotProps) {
    if (typeof cx !== "number" || typeof cy !== "number" || payload === undefined) return null;
    const low = isLow(payload as Row);
    return (
      <circle
        key={index}
        cx={cx}
        cy={cy}
        r={low ? radius - 0.5 : radius}
        strokeWidth={low ? 1.75 : 1}
        style={{ stroke: color, fill: low ? "var(--card)" : color }}
      />
    );
  };
}
