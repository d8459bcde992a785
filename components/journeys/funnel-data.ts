import type { FunnelStep } from "@/server/domain/journeys/funnel";

/** What the funnel section needs of journeys.funnel. */
export interface FunnelInput {
  stages: readonly { id: number; name: string }[];
  segmentNames: readonly { id: number; name: string; color: string | null }[];
  overall: readonly FunnelStep[];
  segments: readonly { segmentId: number | null; steps: readonly FunnelStep[] }[];
}

/** The funnel's two marks: customers reaching a stage, and those lost since the stage before. */
export const FUNNEL_COLORS = { reached: "var(--chart-1)", dropped: "var(--negative)" } as const;

/** The segment selector's value: everyone, one segment's id, or customers without a segment. */
export const ALL_CUSTOMERS = "all";
export const NO_SEGMENT = "none";

export interface FunnelRow extends FunnelStep {
  name: string;
  /** Customers lost since the stage before, for the stacked bar: the drop, 0 for the first stage or a rise. */
  dropped: number;
}

export interface FunnelOption {
  value: string;
  label: string;
  color: string | null;
}

/** The selector's options: everyone, then each segment with customers in the funnel (by name), "no segment" last. */
export function funnelOptions(
  data: FunnelInput,
  labels: { all: string; noSegment: string },
  locale = "en",
): FunnelOption[] {
  const names = new Map(data.segmentNames.map((segment) => [segment.id, segment]));
  const named: FunnelOption[] = [];
  let none = false;
  for (const { segmentId } of data.segments) {
    if (segmentId === null) none = true;
    else {
      const segment = names.get(segmentId);
      named.push({
        value: String(segmentId),
        label: segment?.name ?? String(segmentId),
        color: segment?.color ?? null,
      });
    }
  }
  named.sort((a, b) => a.label.localeCompare(b.label, locale));
  return [
    { value: ALL_CUSTOMERS, label: labels.all, color: null },
    ...named,
    ...(none ? [{ value: NO_SEGMENT, label: labels.noSegment, color: null }] : []),
  ];
}

/**
 * The funnel of the selected option in journey order, each step with its stage's name. A segment
 * that is not in the data (no customer of it reached any stage) gives every stage 0 reached.
 */
export function funnelRows(data: FunnelInput, selected: string): FunnelRow[] {
  const steps =
    selected === ALL_CUSTOMERS
      ? data.overall
      : data.segments.find((s) => (s.segmentId === null ? NO_SEGMENT : String(s.segmentId)) === selected)?.steps;
  const byStage = new Map((steps ?? []).map((step) => [step.stageId, step]));
  return data.stages.map((stage, index) => {
    const step = byStage.get(stage.id) ?? {
      stageId: stage.id,
      reached: 0,
      dropCount: index === 0 ? null : 0,
      dropPercent: null,
      conversionPercent: null,
    };
    return { ...step, name: stage.name, dropped: Math.max(0, step.dropCount ?? 0) };
  });
}

/** True when nobody reached any stage: the chart gives way to a message. */
export function isFunnelEmpty(rows: readonly FunnelRow[]): boolean {
  return rows.every((row) => row.reached === 0);
}
