"use client";

import { ArrowDownRight, ArrowRight, ArrowUpRight } from "lucide-react";
import { LowSampleBadge } from "@/components/dashboard/low-sample-badge";
import { cn } from "@/components/ui/cn";
import type { MetricView } from "./segment-metrics";

const TONE_CLASS = {
  good: "text-positive",
  bad: "text-negative",
  neutral: "text-muted-foreground",
} as const;

/** A figure's change: an arrow and the delta, coloured good or bad, with the meaning spelled out for screen readers. */
export function MetricDelta({ delta, noChange }: { delta: MetricView["delta"]; noChange: string }) {
  if (!delta) {
    return (
      <span className="text-xs text-muted-foreground">
        <span aria-hidden>—</span>
        <span className="sr-only">{noChange}</span>
      </span>
    );
  }
  const Arrow = delta.direction === "up" ? ArrowUpRight : delta.direction === "down" ? ArrowDownRight : ArrowRight;
  return (
    <span className={cn("inline-flex items-center gap-0.5 text-xs font-medium tabular-nums", TONE_CLASS[delta.tone])}>
      <Arrow className="size-3.5 shrink-0" aria-hidden />
      {delta.text}
      <span className="sr-only">, {delta.meaning}</span>
    </span>
  );
}

/** The figure itself with its low-sample mark, for table cells and cards. */
export function MetricValue({ view, className }: { view: MetricView; className?: string }) {
  return (
    <span className={cn("inline-flex flex-wrap items-center gap-1.5", className)}>
      <span className={cn("font-medium tabular-nums", view.lowSample && "opacity-80")}>{view.value}</span>
      {view.lowSample && <LowSampleBadge />}
    </span>
  );
}

/** A segment's colour as a small swatch; decorative, the name next to it says which segment. */
export function SegmentSwatch({ color, className }: { color: string | null; className?: string }) {
  return (
    <span
      aria-hidden
      className={cn("inline-block size-3 shrink-0 rounded-full border border-foreground/20", className)}
      style={{ backgroundColor: color ?? undefined }}
    />
  );
}
