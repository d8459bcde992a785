import type { MoneyDelta } from "../dashboard/payload";
import type { ResolvedPeriod } from "../dashboard/periods";
import type { CesFigure, CsatFigure, Delta, Figure, Money, NpsFigure } from "../kpi";
import type { DifferenceTest } from "../kpi/significance";

/**
 * What the segments procedures return: one segment's figures for a period, their change against the
 * comparison period, and a comparison of two segments. Pure types, safe on the client. Money is an
 * exact decimal string; `null` means "no data", never 0.
 */
export interface SegmentFigures {
  /** Customers in the segment at the period's end (joined before it, not churned before it). */
  customers: number;
  /** Customers active at any time in the period: the ARPC base. */
  activeCustomers: number;
  /** Net revenue (purchases + refunds) in the period. */
  revenue: Money;
  orders: number;
  /** Revenue per active customer, to the cent. */
  arpc: Figure<Money>;
  churn: Figure & { churned: number; activeAtStart: number };
  nps: NpsFigure;
  csat: CsatFigure;
  ces: CesFigure;
  /**
   * Mean trailing-12-month revenue (to the period's last day) per customer active in that window,
   * by the customer's latest NPS category.
   */
  value: {
    promoter: Figure<Money>;
    passive: Figure<Money>;
    detractor: Figure<Money>;
    promoterMinusDetractor: Money | null;
  };
  /** Trailing-12-month revenue of customers whose latest NPS answer is a detractor, plain and churn-gap weighted. */
  revenueAtRisk: {
    value: Money;
    detractors: number;
    churnWeighted: Figure<Money>;
    churnGapPoints: number | null;
  };
}

/** Each figure's movement against the comparison period (current − previous). */
export interface SegmentChange {
  customers: Delta;
  revenue: MoneyDelta;
  arpc: MoneyDelta;
  churn: Delta;
  nps: Delta;
  csat: Delta;
  ces: Delta;
  promoterMinusDetractor: MoneyDelta;
  revenueAtRisk: MoneyDelta;
}

export interface SegmentPeriods {
  period: ResolvedPeriod;
  comparison: ResolvedPeriod | null;
  currency: string;
  /** The trailing window of value and revenue at risk: 12 months to the period's last day. */
  windowFrom: string;
  windowTo: string;
}

export interface SegmentFiguresRow {
  /** Figures for the period. */
  current: SegmentFigures;
  /** Figures for the comparison period; null when the comparison is "none". */
  previous: SegmentFigures | null;
  change: SegmentChange | null;
}

export interface SegmentSummaryItem extends SegmentFiguresRow {
  id: number;
  name: string;
  description: string;
  color: string;
  createdAt: Date;
  /** Customers assigned to the segment now, churned ones included. */
  customerCount: number;
  /** Customers assigned to the segment now who have not churned. */
  activeCustomerCount: number;
  /** The period's net revenue (the same as current.revenue). */
  revenue: Money;
}

/** segments.compare: two segments side by side and whether their NPS and CSAT differ beyond chance. */
export interface SegmentComparison extends SegmentPeriods {
  a: SegmentSummaryItem;
  b: SegmentSummaryItem;
  /** a − b, with the test named in `test`, for the period. */
  tests: { nps: DifferenceTest; csat: DifferenceTest };
}
