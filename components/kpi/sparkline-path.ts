import type { SparkPoint } from "@/server/domain/dashboard/payload";

/**
 * The SVG path of a sparkline in a `width` × `height` box: one point per month, evenly spaced, the
 * values scaled between the lowest and highest (a flat series sits in the middle), `inset` pixels
 * kept free at the edges for the stroke. A month without data breaks the line (a new "M"), so a gap
 * never reads as a value. Pure, so the tile renders on the server without a chart library.
 */
export function sparklinePath(points: readonly SparkPoint[], width: number, height: number, inset = 2): string {
  const values = points.map((point) => point.value).filter((value): value is number => value !== null);
  if (values.length === 0) return "";
  const low = Math.min(...values);
  const high = Math.max(...values);
  const step = points.length > 1 ? (width - 2 * inset) / (points.length - 1) : 0;
  const y = (value: number) =>
    high === low ? height / 2 : inset + (height - 2 * inset) * (1 - (value - low) / (high - low));
  const round = (value: number) => Math.round(value * 100) / 100;
  let path = "";
  let drawing = false;
  points.forEach((point, index) => {
    if (point.value === null) {
      drawing = false;
      return;
    }
    const x = points.length > 1 ? inset + index * step : width / 2;
    path += `${drawing ? "L" : "M"}${round(x)} ${round(y(point.value))}`;
    drawing = true;
  });
  return path;
}

/** The last point with data, for the end dot: its x and y in the same box, or `null`. */
export function sparklineEnd(
  points: readonly SparkPoint[],
  width: number,
  height: number,
  inset = 2,
): { x: number; y: number } | null {
  const path = sparklinePath(points, width, height, inset);
  const match = /([\d.]+) ([\d.]+)$/.exec(path);
  return match ? { x: Number(match[1]), y: Number(match[2]) } : null;
}
