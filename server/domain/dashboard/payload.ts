import type { Kpi } from "../enums";
import type { CesFigure, CsatFigure, Delta, Direction, Figure, Money, NpsFigure, TargetStatus } from "../kpi";
import type { ResolvedPeriod } from "./periods";

/**
 * What the dashboard procedures return: the contract between server/services/dashboard.ts and the
 * charts in components/kpi, components/segment and components/dashboard. Pure types, safe on the
 * client. Money is an exact decimal string ("1234.50"); `null` always means "no data", never 0.
 */

/** A month of a trend: YYYY-MM (UTC calendar month). */
export type MonthKey = string;

/** How a tile's value is read: NPS points, a percentage, a 1–7 mean, or money. */
export type KpiUnit = "points" | "percent" | "mean" | "money";

/** The KPI target that applies to a tile (scope matching the filters), with its status. */
export interface TileTarget {
  id: number;
  /**
   * Target value in the KPI's unit (money as a number, to the cent). A revenue target is a total
   * over its own period, so this is its share for the dashboard period's length (pro rata).
   */
  value: number;
  status: TargetStatus | null;
  periodStart: string;
  periodEnd: string;
  reviewDate: string;
  /** Scope of the target: "all", or the segment/stage/channel name it is set for. */
  scopeLabel: string;
}

export interface MoneyDelta {
  absolute: Money | null;
  relativePercent: number | null;
  direction: Direction | null;
}

export interface SparkPoint {
  month: MonthKey;
  value: number | null;
}

interface TileBase {
  kpi: Kpi;
  unit: KpiUnit;
  /** Whether a higher value is good (colours the delta: up is good for NPS, bad for churn). */
  higherIsBetter: boolean;
  target: TileTarget | null;
  /** The last 12 months, oldest first; the current month is partial. */
  sparkline: SparkPoint[];
  /** Filters this figure ignores (e.g. revenue has no journey stage): the tile says so. */
  ignoredFilters: ("stage" | "channel")[];
}

export interface ScoreTile extends TileBase {
  unit: "points" | "percent" | "mean";
  figure: NpsFigure | CsatFigure | CesFigure;
  delta: Delta | null;
}

export interface MoneyTile extends TileBase {
  unit: "money";
  value: Money | null;
  /** Orders (revenue) or customers (revenue at risk) behind the figure. */
  sampleSize: number;
  lowSample: boolean;
  delta: MoneyDelta | null;
}

export interface ChurnTile extends TileBase {
  unit: "percent";
  figure: Figure & { churned: number; activeAtStart: number };
  delta: Delta | null;
}

export interface RevenueAtRiskTile extends MoneyTile {
  /** Trailing-12-month revenue × (detractor churn − promoter churn), to the cent. */
  churnWeighted: Figure<Money>;
  churnGapPoints: number | null;
  /** The trailing window the figure covers: 12 months to the period's last day. */
  windowFrom: string;
  windowTo: string;
}

/** dashboard.kpis */
export interface KpiTilesPayload {
  period: ResolvedPeriod;
  comparison: ResolvedPeriod | null;
  currency: string;
  nps: ScoreTile & { figure: NpsFigure };
  csat: ScoreTile & { figure: CsatFigure };
  ces: ScoreTile & { figure: CesFigure };
  revenue: MoneyTile;
  churn: ChurnTile;
  revenueAtRisk: RevenueAtRiskTile;
}

/** One segment's row of dashboard.segments (segmentId null: customers without a segment, or anonymous feedback). */
export interface SegmentSummary {
  segmentId: number | null;
  name: string;
  /** #rrggbb from the segment, or null (the chart picks a palette colour). */
  color: string | null;
  /** Customers in the segment (not churned at the period's end). */
  customers: number;
  nps: NpsFigure;
  csat: CsatFigure;
  /** Net revenue in the period. */
  revenue: Money;
  /** Mean trailing-12-month revenue per customer by latest NPS category. */
  value: {
    promoter: Figure<Money>;
    passive: Figure<Money>;
    detractor: Figure<Money>;
    promoterMinusDetractor: Money | null;
  };
  /** Trailing-12-month revenue of the segment's customers whose latest NPS answer is a detractor. */
  revenueAtRisk: Money;
  revenueAtRiskChurnWeighted: Figure<Money>;
  churn: Figure;
}

/** dashboard.segments */
export interface SegmentsPayload {
  period: ResolvedPeriod;
  currency: string;
  /** 12 months to the period's last day: the window of value and revenue at risk. */
  windowFrom: string;
  windowTo: string;
  segments: SegmentSummary[];
}

export interface TrendPoint {
  month: MonthKey;
  nps: NpsFigure;
  csat: CsatFigure;
  revenue: Money;
}

export interface TrendSeries {
  /** null: every segment in the filters together. */
  segmentId: number | null;
  name: string;
  color: string | null;
  points: TrendPoint[];
}

/** A month where NPS or CSAT moved by more than the combined margin of error vs the month before. */
export interface TrendAnnotation {
  month: MonthKey;
  kpi: "nps" | "csat";
  /** Change vs the previous month, in points. */
  change: number;
  marginOfError: number;
  /** segmentId of the series it was found in (null: the total). */
  segmentId: number | null;
}

/** dashboard.trends: the 24 months to today, monthly. */
export interface TrendsPayload {
  currency: string;
  months: MonthKey[];
  /** The total first, then one series per segment when asked (`bySegment`). */
  series: TrendSeries[];
  annotations: TrendAnnotation[];
  /** Targets in force for NPS, CSAT and revenue (scope matching the filters), for target lines. */
  targets: { kpi: "nps" | "csat" | "revenue"; value: number; periodStart: string; periodEnd: string }[];
}

export interface HeatmapCell {
  stageId: number | null;
  segmentId: number | null;
  nps: NpsFigure;
  csat: CsatFigure;
}

/** dashboard.heatmap: journey stage × segment in the period. */
export interface HeatmapPayload {
  period: ResolvedPeriod;
  /** Stages in journey order; `null` id = feedback without a stage ("Unassigned"). */
  stages: { id: number | null; name: string; position: number | null }[];
  segments: { id: number | null; name: string; color: string | null }[];
  cells: HeatmapCell[];
}
