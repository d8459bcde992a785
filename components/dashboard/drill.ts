import type { MonthKey } from "@/server/domain/dashboard/payload";

/**
 * What a click on a chart mark asks to open: the feedback of a segment, a journey stage, a month,
 * or a combination. `null` ids mean "without a segment" / "without a stage", as in the payload.
 */
export interface DrillTarget {
  segmentId?: number | null;
  stageId?: number | null;
  month?: MonthKey;
}

export type OnDrill = (target: DrillTarget) => void;
