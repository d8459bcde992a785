import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { queryRows } from "@/db/client";
import { activeAt, Boundaries, churnBetween, type CustomerInterval } from "../domain/dashboard/customer-intervals";
import type { DashboardFilters } from "../domain/dashboard/filters";
import { comparisonPeriod, resolvePeriod, type ResolvedPeriod } from "../domain/dashboard/periods";
import { trailingYear } from "../domain/dashboard/rollup-spans";
import {
  averageRevenuePerCustomer,
  computeCategoryValue,
  computeChurnRate,
  computeDelta,
  computeMoneyDelta,
  computeRevenueAtRisk,
  sumMoney,
  type NpsCategory,
} from "../domain/kpi";
import type { SegmentChange, SegmentFigures, SegmentFiguresRow, SegmentPeriods } from "../domain/segments";
import { customerIntervals } from "./dashboard";
import {
  cesOf,
  csatOf,
  cubeSource,
  indexRows,
  keyOf,
  npsOf,
  SUM_SCORES,
  workspaceCurrency,
  type LabelledRange,
  type ScoreRow,
} from "./dashboard-cube";

/**
 * Segment figures for a period and its comparison period, read from the rollup cubes and
 * customer_state like the dashboard (server/services/dashboard.ts), in three queries whatever the
 * number of segments or periods: feedback scores, order revenue, customer intervals.
 */

const utcMidnight = (date: string) => new Date(`${date}T00:00:00.000Z`);
const dayAfter = (date: string) => new Date(utcMidnight(date).getTime() + 24 * 60 * 60 * 1000);

/** Customers active at some instant of [start, end): joined before the end, not churned before the start. */
function activeDuring(rows: readonly CustomerInterval[], start: number, end: number): number {
  let n = 0;
  for (const row of rows) if (row.joined <= end && (row.churned === null || row.churned > start)) n += row.n;
  return n;
}

interface PeriodPlan {
  which: "current" | "previous";
  period: ResolvedPeriod;
  window: { from: string; to: string };
}

export interface SegmentFigureSet extends SegmentPeriods {
  /** Figures per segment id; a segment without any data has empty figures, never a missing row. */
  of(segmentId: number): SegmentFiguresRow;
}

/**
 * Figures of the workspace's segments `segmentIds` (every segment: []) for `filters`' period and
 * comparison. Channel and stage narrow feedback (and channel orders) as on the dashboard; churn and
 * headcounts follow segment and region only. Latest NPS categories are the customers' current ones,
 * for the comparison period too (customer_state keeps no history).
 */
export async function segmentFigures(
  db: Db,
  workspaceId: number,
  filters: DashboardFilters,
  now = new Date(),
): Promise<SegmentFigureSet> {
  const scope = { workspaceId, filters };
  const period = resolvePeriod(filters.period, now);
  const comparison = comparisonPeriod(period, filters.comparison);
  const plans: PeriodPlan[] = [
    { which: "current", period, window: trailingYear(period.to) },
    ...(comparison ? [{ which: "previous" as const, period: comparison, window: trailingYear(comparison.to) }] : []),
  ];
  const instants = plans.flatMap((p) => [
    p.period.start,
    p.period.end,
    utcMidnight(p.window.from),
    dayAfter(p.window.to),
  ]);
  const boundaries = new Boundaries(instants);
  const at = (instant: Date) => boundaries.indexOf(instant);
  const periodRanges: LabelledRange[] = plans.map((p) => ({ which: p.which, from: p.period.from, to: p.period.to }));
  const windowRanges: LabelledRange[] = plans.map((p) => ({ which: `${p.which}-window`, ...p.window }));

  const [scores, revenue, intervals, currency] = await Promise.all([
    queryRows<{ which: string; segmentId: number | null; kind: string } & ScoreRow>(
      db,
      sql`SELECT which, segment_id AS "segmentId", metric_kind::text AS kind, ${SUM_SCORES}
        FROM ${cubeSource("feedback", scope, periodRanges, sql`metric_kind IN ('nps', 'csat', 'ces')`)}
        GROUP BY 1, 2, 3`,
    ),
    queryRows<{
      which: string;
      segmentId: number | null;
      category: NpsCategory | null;
      revenue: string;
      orders: number;
    }>(
      db,
      sql`SELECT which, segment_id AS "segmentId", nps_category AS category, sum(revenue)::text AS revenue,
          sum(purchases + refunds)::int AS orders
        FROM ${cubeSource("orders", scope, [...periodRanges, ...windowRanges])}
        GROUP BY 1, 2, 3`,
    ),
    customerIntervals(db, scope, boundaries, true),
    workspaceCurrency(db, workspaceId),
  ]);
  const score = indexRows(scores, (r) => keyOf(r.which, r.segmentId, r.kind));

  const figuresOf = (segmentId: number, plan: PeriodPlan): SegmentFigures => {
    const own = revenue.filter((r) => r.segmentId === segmentId);
    const inPeriod = own.filter((r) => r.which === plan.which);
    const inWindow = own.filter((r) => r.which === `${plan.which}-window`);
    const windowRevenue = (c: NpsCategory) => sumMoney(inWindow.filter((r) => r.category === c).map((r) => r.revenue));
    const customers = intervals.filter((r) => r.segmentId === segmentId);
    const ofCategory = (c: NpsCategory) => customers.filter((r) => r.category === c);
    const [start, end] = [at(plan.period.start), at(plan.period.end)];
    const [windowStart, windowEnd] = [at(utcMidnight(plan.window.from)), at(dayAfter(plan.window.to))];
    const value = computeCategoryValue({
      promoter: {
        customers: activeDuring(ofCategory("promoter"), windowStart, windowEnd),
        revenue: windowRevenue("promoter"),
      },
      passive: {
        customers: activeDuring(ofCategory("passive"), windowStart, windowEnd),
        revenue: windowRevenue("passive"),
      },
      detractor: {
        customers: activeDuring(ofCategory("detractor"), windowStart, windowEnd),
        revenue: windowRevenue("detractor"),
      },
    });
    const risk = computeRevenueAtRisk({
      detractorRevenue: windowRevenue("detractor"),
      detractorChurn: churnBetween(ofCategory("detractor"), windowStart, windowEnd),
      promoterChurn: churnBetween(ofCategory("promoter"), windowStart, windowEnd),
    });
    const churn = churnBetween(customers, start, end);
    const periodRevenue = sumMoney(inPeriod.map((r) => r.revenue));
    const activeCustomers = activeDuring(customers, start, end);
    return {
      customers: activeAt(customers, end),
      activeCustomers,
      revenue: periodRevenue,
      orders: inPeriod.reduce((n, r) => n + r.orders, 0),
      arpc: averageRevenuePerCustomer(periodRevenue, activeCustomers),
      churn: { ...computeChurnRate(churn), ...churn },
      nps: npsOf(score.get(keyOf(plan.which, segmentId, "nps"))),
      csat: csatOf(score.get(keyOf(plan.which, segmentId, "csat"))),
      ces: cesOf(score.get(keyOf(plan.which, segmentId, "ces"))),
      value: { ...value.meanRevenue, promoterMinusDetractor: value.promoterMinusDetractor },
      revenueAtRisk: {
        value: risk.revenueAtRisk,
        detractors: activeDuring(ofCategory("detractor"), windowStart, windowEnd),
        churnWeighted: risk.churnWeighted,
        churnGapPoints: risk.churnGapPoints,
      },
    };
  };

  const window = plans[0]!.window;
  return {
    period,
    comparison,
    currency,
    windowFrom: window.from,
    windowTo: window.to,
    of(segmentId) {
      const current = figuresOf(segmentId, plans[0]!);
      const previous = plans[1] ? figuresOf(segmentId, plans[1]) : null;
      return { current, previous, change: previous ? changeOf(current, previous) : null };
    },
  };
}

function changeOf(current: SegmentFigures, previous: SegmentFigures): SegmentChange {
  return {
    customers: computeDelta({ value: current.customers }, { value: previous.customers }),
    revenue: computeMoneyDelta(current.revenue, previous.revenue),
    arpc: computeMoneyDelta(current.arpc.value, previous.arpc.value),
    churn: computeDelta(current.churn, previous.churn),
    nps: computeDelta(current.nps, previous.nps),
    csat: computeDelta(current.csat, previous.csat),
    ces: computeDelta(current.ces, previous.ces),
    promoterMinusDetractor: computeMoneyDelta(
      current.value.promoterMinusDetractor,
      previous.value.promoterMinusDetractor,
    ),
    revenueAtRisk: computeMoneyDelta(current.revenueAtRisk.value, previous.revenueAtRisk.value),
  };
}
