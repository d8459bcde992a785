import { cn } from "@/components/ui/cn";

/** How a legend entry is drawn; the same shapes are drawn into the PNG export. */
export type LegendShape = "square" | "line" | "dashed" | "dot" | "hollow" | "hatched";

export interface LegendItem {
  label: string;
  /** A CSS colour, usually a theme variable such as "var(--chart-1)". */
  color: string;
  shape: LegendShape;
}

/** The swatch of a legend entry, as a small inline SVG so it matches the chart marks. */
export function LegendSwatch({ shape, color, className }: { shape: LegendShape; color: string; className?: string }) {
  return (
    <svg viewBox="0 0 16 12" className={cn("h-3 w-4 shrink-0", className)} aria-hidden>
      {shape === "square" && (
        <rect x="2.5" y="0.5" width="11" height="11" rx="2" style={{ fill: color, stroke: "var(--border)" }} />
      )}
      {shape === "line" && <line x1="0" y1="6" x2="16" y2="6" strokeWidth="2.5" style={{ stroke: color }} />}
      {shape === "dashed" && (
        <line x1="0" y1="6" x2="16" y2="6" strokeWidth="2" strokeDasharray="4 3" style={{ stroke: color }} />
      )}
      {shape === "dot" && <circle cx="8" cy="6" r="4.5" style={{ fill: color }} />}
      {shape === "hollow" && <circle cx="8" cy="6" r="4" strokeWidth="1.5" style={{ stroke: color, fill: "none" }} />}
      {shape === "hatched" && (
        <>
          <rect
            x="2"
            y="0.5"
            width="12"
            height="11"
            rx="2"
            strokeWidth="1"
            strokeDasharray="2 1.5"
            style={{ stroke: color, fill: "none" }}
          />
          <path d="M2 10 L10 0.5 M6 11.5 L14 2" strokeWidth="1.2" style={{ stroke: color }} />
        </>
      )}
    </svg>
  );
}

/** A wrapping row of legend entries under a chart. */
export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
      {items.map((item) => (
        <li key={`${item.shape}-${item.label}`} className="flex items-center gap-1.5">
          <LegendSwatch shape={item.shape} color={item.color} />
          <span dir="auto">{item.label}</span>
        </li>
      ))}
    </ul>
  );
}
