import type { MonthKey, TrendsPayload } from "@/server/domain/dashboard/payload";
import { moneyToNumber } from "@/server/domain/kpi";

export type TrendKpi = "nps" | "csat";

/** A series of the trend chart; its values sit in the rows under `score{index}`, `n{index}`… */
export interface TrendSeriesMeta {
  index: number;
  segmentId: number | null;
  name: string;
  color: string | null;
  /** The total of every segment (the first series of the payload). */
  isTotal: boolean;
}

/**
 * One month of the chart. Per series i: score{i} (NPS or CSAT, `null` without answers), n{i}
 * (answers), low{i} (low sample), moe{i} (95% margin of error), revenue{i} (axis number) and
 * revenueExact{i} (the exact string, for tooltips and CSV).
 */
export type TrendRow = { month: MonthKey } & Record<string, MonthKey | number | boolean | null>;

export interface TrendTarget {
  value: number;
  /** First and last month of the chart the target applies to (both included). */
  from: MonthKey;
  to: MonthKey;
}

export interface TrendMarker {
  month: MonthKey;
  seriesIndex: number;
  /** Where the marker sits: the series' score that month. */
  value: number;
  change: number;
  marginOfError: number;
}

export interface TrendModel {
  series: TrendSeriesMeta[];
  rows: TrendRow[];
  scoreTargets: TrendTarget[];
  /** A revenue target spread evenly over the months of its period (its monthly pace). */
  revenueTargets: TrendTarget[];
  markers: TrendMarker[];
}

const month = (day: string) => day.slice(0, 7);

/** Calendar months from `from` to `to`, both YYYY-MM and included; 0 when `to` is before `from`. */
export function monthSpan(from: MonthKey, to: MonthKey): number {
  const [fy, fm] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  if (fy === undefined || fm === undefined || ty === undefined || tm === undefined) return 0;
  return Math.max(0, (ty - fy) * 12 + tm - fm + 1);
}

/** The part of a target period [periodStart, periodEnd] (dates, both included) that the chart shows. */
function clip(
  months: readonly MonthKey[],
  periodStart: string,
  periodEnd: string,
): { from: MonthKey; to: MonthKey } | null {
  const first = months[0];
  const last = months.at(-1);
  if (first === undefined || last === undefined) return null;
  const from = month(periodStart) > first ? month(periodStart) : first;
  const to = month(periodEnd) < last ? month(periodEnd) : last;
  return from <= to ? { from, to } : null;
}

/**
 * The trend chart's model for `kpi`: one row per month of the payload, the series (total first, named
 * `totalName`),
 * target lines clipped to the months shown, and a marker per annotation of that KPI on a shown series.
 * A revenue target covers its whole period, so its line is its monthly pace: value ÷ months of the period.
 */
export function buildTrendModel(payload: TrendsPayload, kpi: TrendKpi, totalName: string): TrendModel {
  const series: TrendSeriesMeta[] = payload.series.map((entry, index) => ({
    index,
    segmentId: entry.segmentId,
    // the service leaves the total unnamed; the chart names it in the reader's language
    name: index === 0 ? totalName : entry.name,
    color: entry.color,
    isTotal: index === 0,
  }));
  const rows: TrendRow[] = payload.months.map((key) => {
    const row: TrendRow = { month: key };
    payload.series.forEach((entry, i) => {
      const point = entry.points.find((candidate) => candidate.month === key);
      const figure = point?.[kpi];
      row[`score${i}`] = figure?.value ?? null;
      row[`n${i}`] = figure?.sampleSize ?? 0;
      row[`low${i}`] = figure?.lowSample ?? true;
      row[`moe${i}`] = figure?.marginOfError ?? null;
      row[`revenue${i}`] = point ? moneyToNumber(point.revenue) : null;
      row[`revenueExact${i}`] = point?.revenue ?? null;
    });
    return row;
  });

  const targetsOf = (wanted: "nps" | "csat" | "revenue") =>
    payload.targets.flatMap((target) => {
      if (target.kpi !== wanted) return [];
      const span = clip(payload.months, target.periodStart, target.periodEnd);
      return span ? [{ target, ...span }] : [];
    });
  const scoreTargets = targetsOf(kpi).map(({ target, from, to }) => ({ value: target.value, from, to }));
  const revenueTargets = targetsOf("revenue").flatMap(({ target, from, to }) => {
    const months = monthSpan(month(target.periodStart), month(target.periodEnd));
    return months === 0 ? [] : [{ value: target.value / months, from, to }];
  });

  const markers: TrendMarker[] = payload.annotations.flatMap((annotation) => {
    if (annotation.kpi !== kpi) return [];
    // segmentId null is the total (the first series), never a segment's series
    const index =
      annotation.segmentId === null
        ? 0
        : payload.series.findIndex((entry, i) => i > 0 && entry.segmentId === annotation.segmentId);
    const row = rows.find((candidate) => candidate.month === annotation.month);
    const value = row?.[`score${index}`];
    if (index < 0 || typeof value !== "number") return [];
    return [
      {
        month: annotation.month,
        seriesIndex: index,
        value,
        change: annotation.change,
        marginOfError: annotation.marginOfError,
      },
    ];
  });

  return { series, rows, scoreTargets, revenueTargets, markers };
}

const STEPS = [1, 2, 5, 10, 20, 25, 50];

/**
 * A round axis for score values: the smallest step of 1, 2, 5, 10, 20, 25 or 50 that covers every
 * value in at most `maxTicks` − 1 intervals, the domain widened to whole steps and clamped to
 * [`lowest`, `highest`] (−100…100 for NPS, 0…100 for CSAT), with a tick on every step.
 */
export function niceScoreAxis(
  values: readonly (number | null)[],
  lowest: number,
  highest: number,
  maxTicks = 6,
): { domain: [number, number]; ticks: number[] } {
  const known = values.filter((value): value is number => value !== null && Number.isFinite(value));
  let low = known.length > 0 ? Math.min(...known) : lowest;
  let high = known.length > 0 ? Math.max(...known) : highest;
  if (high - low < 1) {
    low -= 1;
    high += 1;
  }
  const step =
    STEPS.find((candidate) => Math.ceil(high / candidate) - Math.floor(low / candidate) <= maxTicks - 1) ?? 50;
  const floor = Math.max(lowest, Math.floor(low / step) * step);
  const ceil = Math.min(highest, Math.ceil(high / step) * step);
  const ticks: number[] = [];
  for (let tick = floor; tick <= ceil + 1e-9; tick += step) ticks.push(tick);
  return { domain: [floor, ceil], ticks };
}
