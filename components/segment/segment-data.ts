import type { SegmentsPayload, SegmentSummary } from "@/server/domain/dashboard/payload";
import { compareMoney, type Money, moneyToNumber, type NpsCategory, NPS_CATEGORIES } from "@/server/domain/kpi";

/**
 * The rows the segment charts draw, shaped from dashboard.segments. Money stays an exact string for
 * labels, tooltips and CSV; the `…Value` numbers exist only to place bars on an axis.
 */

/**
 * The name a chart shows for a segment: the service leaves the row of customers without a segment
 * unnamed, so it gets `noSegment` in the reader's language.
 */
export function segmentLabel(segment: { segmentId: number | null; name: string }, noSegment: string): string {
  return segment.segmentId === null && segment.name.trim() === "" ? noSegment : segment.name;
}

/** Customers without a segment sort after the named segments, whatever their figures. */
function unsegmentedLast(a: SegmentSummary, b: SegmentSummary): number {
  return Number(a.segmentId === null) - Number(b.segmentId === null);
}

/** True when no segment has an NPS answer, revenue, or a customer with a latest NPS answer. */
export function isSegmentsEmpty(payload: SegmentsPayload): boolean {
  return payload.segments.every(
    (segment) =>
      segment.nps.sampleSize === 0 &&
      compareMoney(segment.revenue, "0") === 0 &&
      NPS_CATEGORIES.every((category) => segment.value[category].sampleSize === 0),
  );
}

export interface NpsRevenueRow {
  segmentId: number | null;
  name: string;
  revenue: Money;
  revenueValue: number;
  nps: number | null;
  /** The 95% margin of error, drawn as an error bar; `null` without answers. */
  npsError: number | null;
  responses: number;
  lowSample: boolean;
  customers: number;
}

/** One row per segment, highest revenue first (exact comparison), customers without a segment last. */
export function npsRevenueRows(payload: SegmentsPayload, noSegment: string): NpsRevenueRow[] {
  return [...payload.segments]
    .sort((a, b) => unsegmentedLast(a, b) || compareMoney(b.revenue, a.revenue))
    .map((segment) => ({
      segmentId: segment.segmentId,
      name: segmentLabel(segment, noSegment),
      revenue: segment.revenue,
      revenueValue: moneyToNumber(segment.revenue),
      nps: segment.nps.value,
      npsError: segment.nps.value === null ? null : segment.nps.marginOfError,
      responses: segment.nps.sampleSize,
      lowSample: segment.nps.lowSample,
      customers: segment.customers,
    }));
}

/**
 * The NPS axis: from the lowest (NPS − margin) to the highest (NPS + margin), always including 0 so
 * the sign of every segment reads at a glance, widened to whole steps of 10, 20 or 50 points (by the
 * span) within −100…100, with a tick on every step.
 */
export function npsAxis(rows: readonly { nps: number | null; npsError: number | null }[]): {
  domain: [number, number];
  ticks: number[];
} {
  let low = 0;
  let high = 0;
  for (const row of rows) {
    if (row.nps === null) continue;
    low = Math.min(low, row.nps - (row.npsError ?? 0));
    high = Math.max(high, row.nps + (row.npsError ?? 0));
  }
  const span = high - low;
  const step = span > 120 ? 50 : span > 60 ? 20 : 10;
  const floor = Math.max(-100, Math.floor(low / step) * step);
  const ceil = Math.min(100, Math.max(Math.ceil(high / step) * step, floor + step));
  const ticks: number[] = [];
  for (let tick = floor; tick <= ceil; tick += step) ticks.push(tick);
  return { domain: [floor, ceil], ticks };
}

export type ValueCategory = NpsCategory;

export interface SegmentValueRow {
  segmentId: number | null;
  name: string;
  /** Mean trailing-12-month revenue per customer, as an axis number; `null` without customers. */
  promoter: number | null;
  passive: number | null;
  detractor: number | null;
  exact: Record<ValueCategory, Money | null>;
  customers: Record<ValueCategory, number>;
  lowSample: Record<ValueCategory, boolean>;
  promoterMinusDetractor: Money | null;
}

/** One row per segment in payload order (customers without a segment last): the three category means. */
export function segmentValueRows(payload: SegmentsPayload, noSegment: string): SegmentValueRow[] {
  // a segment without a single customer with an NPS answer has no value to compare
  const answered = payload.segments.filter((s) => s.value.promoter.sampleSize + s.value.passive.sampleSize + s.value.detractor.sampleSize > 0);
  return [...answered].sort(unsegmentedLast).map((segment) => {
    const pick = <T>(read: (category: ValueCategory) => T) =>
      Object.fromEntries(NPS_CATEGORIES.map((category) => [category, read(category)])) as Record<ValueCategory, T>;
    const exact = pick((category) => segment.value[category].value);
    const number = (category: ValueCategory) => {
      const amount = exact[category];
      return amount === null ? null : moneyToNumber(amount);
    };
    return {
      segmentId: segment.segmentId,
      name: segmentLabel(segment, noSegment),
      promoter: number("promoter"),
      passive: number("passive"),
      detractor: number("detractor"),
      exact,
      customers: pick((category) => segment.value[category].sampleSize),
      lowSample: pick((category) => segment.value[category].lowSample),
      promoterMinusDetractor: segment.value.promoterMinusDetractor,
    };
  });
}

export interface RevenueAtRiskRow {
  segmentId: number | null;
  name: string;
  risk: Money;
  riskValue: number;
  churnWeighted: Money | null;
  churnWeightedSample: number;
  churnWeightedLowSample: boolean;
}

/** Segments with revenue at risk, largest first (exact comparison); ties keep payload order. */
export function revenueAtRiskRows(payload: SegmentsPayload, noSegment: string): RevenueAtRiskRow[] {
  return payload.segments
    .filter((segment) => compareMoney(segment.revenueAtRisk, "0") !== 0)
    .sort((a, b) => compareMoney(b.revenueAtRisk, a.revenueAtRisk))
    .map((segment) => ({
      segmentId: segment.segmentId,
      name: segmentLabel(segment, noSegment),
      risk: segment.revenueAtRisk,
      riskValue: moneyToNumber(segment.revenueAtRisk),
      churnWeighted: segment.revenueAtRiskChurnWeighted.value,
      churnWeightedSample: segment.revenueAtRiskChurnWeighted.sampleSize,
      churnWeightedLowSample: segment.revenueAtRiskChurnWeighted.lowSample,
    }));
}
