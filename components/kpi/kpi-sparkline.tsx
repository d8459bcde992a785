import type { SparkPoint } from "@/server/domain/dashboard/payload";
import { sparklineEnd, sparklinePath } from "./sparkline-path";

const WIDTH = 240;
const HEIGHT = 32;

/**
 * The last 12 months of a KPI as a tiny line: no axes, no tooltip; months without data leave a gap;
 * a dot marks the latest month. Plain SVG rather than a recharts LineChart: the tiles sit at the top
 * of the dashboard, and keeping recharts (~120 KB gzipped) out of them lets the charts below load it
 * later. The figure is summarised for screen readers by `summary`.
 */
export function KpiSparkline({
  points,
  summary,
  color = "var(--primary)",
}: {
  points: SparkPoint[];
  summary: string;
  color?: string;
}) {
  const path = sparklinePath(points, WIDTH, HEIGHT, 3);
  const end = sparklineEnd(points, WIDTH, HEIGHT, 3);
  return (
    <svg
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      className="h-8 w-full overflow-visible"
    >
      {path && (
        <path
          d={path}
          fill="none"
          strokeWidth={1.75}
          strokeLinejoin="round"
          strokeLinecap="round"
          vectorEffect="non-scaling-stroke"
          style={{ stroke: color }}
        />
      )}
      {end && (
        // a zero-length round-capped stroke: a dot that stays round however the box is stretched
        <path
          d={`M${end.x} ${end.y}h0`}
          strokeWidth={5}
          strokeLinecap="round"
          vectorEffect="non-scaling-stroke"
          style={{ stroke: color }}
        />
      )}
    </svg>
  );
}
