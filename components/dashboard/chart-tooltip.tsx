import type { ReactNode } from "react";
import { type LegendShape, LegendSwatch } from "./chart-legend";

export interface TooltipRow {
  label: string;
  value: string;
  color?: string;
  shape?: LegendShape;
  /** A second, quieter line under the value: "n = 42", "low sample". */
  detail?: string;
}

/** The box of every chart tooltip: a title, rows of label/value, and optional notes at the bottom. */
export function ChartTooltipBox({
  title,
  rows,
  footer,
}: {
  title: string;
  rows: readonly TooltipRow[];
  footer?: ReactNode;
}) {
  return (
    <div className="max-w-72 rounded-md border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-md">
      <p className="mb-1 font-medium" dir="auto">
        {title}
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        {rows.map((row) => (
          <div key={row.label} className="contents">
            <dt className="flex items-center gap-1.5 text-muted-foreground">
              {row.color && row.shape && <LegendSwatch shape={row.shape} color={row.color} />}
              <span dir="auto">{row.label}</span>
            </dt>
            <dd className="text-end tabular-nums">
              {row.value}
              {row.detail && <span className="block text-[11px] text-muted-foreground">{row.detail}</span>}
            </dd>
          </div>
        ))}
      </dl>
      {footer && <div className="mt-1.5 border-t pt-1.5 text-[11px] text-muted-foreground">{footer}</div>}
    </div>
  );
}
