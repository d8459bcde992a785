import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { queryRows } from "@/db/client";
import { civilDate, DAY_MS, dayNumber, formatIsoDate, parseIsoDate } from "../domain/dashboard/calendar";
import type { DashboardFilters } from "../domain/dashboard/filters";
import type {
  HeatmapPayload,
  KpiTilesPayload,
  SegmentSummary,
  SegmentsPayload,
  SparkPoint,
  TileTarget,
  TrendAnnotation,
  TrendSeries,
  TrendsPayload,
} from "../domain/dashboard/payload";
import { comparisonPeriod, resolvePeriod, type ResolvedPeriod } from "../domain/dashboard/periods";
import {
  activeAt,
  Boundaries,
  churnBetween,
  type CustomerInterval,
  joinedBefore,
} from "../domain/dashboard/customer-intervals";
import { monthsEnding, trailingYear } from "../domain/dashboard/rollup-spans";
import type { Kpi } from "../domain/enums";
import {
  computeCategoryValue,
  computeChurnRate,
  computeDelta,
  computeMoneyDelta,
  computeRevenueAtRisk,
  computeTargetStatus,
  elapsedShare,
  HIGHER_IS_BETTER,
  makeFigure,
  moneyToNumber,
  sumMoney,
  type ChurnCounts,
  type NpsCategory,
} from "../domain/kpi";
import {
  cesOf,
  cubeSource,
  csatOf,
  cubeRows,
  idIn,
  indexRows,
  keyOf,
  monthRows,
  npsOf,
  segmentsOf,
  SUM_SCORES,
  workspaceCurrency,
  type CubeScope,
  type ScoreRow,
} from "./dashboard-cube";

/**
 * The executive dashboard, read from the rollup cubes and customer_state (never from raw feedback
 * or orders): KPI tiles, NPS and value per segment, 24-month trends and the journey heatmap.
 * SQL returns counts and exact sums; every figure comes from the KPI engine (server/domain/kpi).
 */

const utcMidnight = (date: string) => new Date(`${date}T00:00:00.000Z`);
const dayAfter = (date: string) => new Date(utcMidnight(date).getTime() + DAY_MS);

function periodsOf(filters: DashboardFilters, now: Date) {
  const period = resolvePeriod(filters.period, now);
  return { period, comparison: comparisonPeriod(period, filters.comparison) };
}

/** Customer-state rows of a scope: segment and region are the customer's; channel and stage do not apply. */
function stateRows({ workspaceId, filters }: CubeScope) {
  const parts = [sql`workspace_id = ${workspaceId}`];
  if (filters.segmentIds.length > 0) parts.push(idIn("segment_id", filters.segmentIds));
  if (filters.region) parts.push(sql`region = ${filters.region}`);
  return sql.join(parts, sql` AND `);
}

export interface IntervalRow extends CustomerInterval {
  segmentId: number | null;
  category: NpsCategory | null;
}

/**
 * Customers in scope, counted by the boundary intervals each joined and churned in and by latest
 * NPS category (and segment, when asked): one answer for every churn, headcount and category figure
 * whose instants are boundaries (server/domain/dashboard/customer-intervals). Customers who churned
 * since the first boundary come from customer_state (an index range); those who never churned from
 * customer_rollup, by joining month, or by day in a month that a boundary cuts. Customers who
 * churned before the first boundary count in no figure.
 */
export function customerIntervals(db: Db, scope: CubeScope, boundaries: Boundaries, bySegment = false) {
  const literal = sql`${boundaries.literal}::timestamptz[]`;
  const segment = bySegment ? sql`segment_id` : sql`NULL::int`;
  const { workspaceId, filters } = scope;
  const cube = [
    sql`workspace_id = ${workspaceId}`,
    sql`dims = ${filters.region ? 1 : 0}`,
    filters.region ? sql`region = ${filters.region}` : sql`region IS NULL`,
    ...(filters.segmentIds.length > 0 ? [idIn("segment_id", filters.segmentIds)] : []),
  ];
  const ragged = boundaries.raggedMonths();
  const stayers = (span: SQL) =>
    sql`SELECT width_bucket(bucket::timestamp AT TIME ZONE 'UTC', ${literal}) AS joined, NULL::int AS churned,
        ${segment} AS "segmentId", nps_category AS category, customers AS n
      FROM customer_rollup WHERE ${sql.join(cube, sql` AND `)} AND ${span}`;
  const arms = [
    sql`SELECT width_bucket(created_at, ${literal}) AS joined, width_bucket(churned_at, ${literal}) AS churned,
        ${segment} AS "segmentId", nps_category AS category, 1 AS n
      FROM customer_state WHERE ${stateRows(scope)} AND churned_at >= ${boundaries.instants[0]!}::timestamptz`,
    stayers(
      ragged.length > 0
        ? sql`grain = 'month' AND bucket NOT IN (${sql.join(
            ragged.map((m) => sql`${m}::date`),
            sql`, `,
          )})`
        : sql`grain = 'month'`,
    ),
    ...ragged.map((m) =>
      stayers(sql`grain = 'day' AND bucket >= ${m}::date AND bucket < (${m}::date + interval '1 month')::date`),
    ),
  ];
  return queryRows<IntervalRow>(
    db,
    sql`SELECT joined, churned, "segmentId", category, sum(n)::int AS n
      FROM (${sql.join(arms, sql` UNION ALL `)}) AS c
      GROUP BY 1, 2, 3, 4`,
  );
}

/** First day (YYYY-MM-DD) of the month after "YYYY-MM". */
function nextMonthStart(month: string): string {
  const { year, month: number } = civilDate(parseIsoDate(`${month}-01`));
  return formatIsoDate(dayNumber(year, number + 1, 1));
}

function churnFigure(counts: ChurnCounts) {
  return {
    ...computeChurnRate(counts),
    churned: counts.churned,
    activeAtStart: counts.activeAtStart,
  };
}

// ---------------------------------------------------------------------------------------------
// KPI targets

type TargetScope =
  | { scope: "all" }
  | { scope: "segment"; id: number }
  | { scope: "stage"; id: number }
  | { scope: "channel"; channel: string };

/**
 * The target scope a filter set shows: "all" without filters, or the one segment, stage or channel
 * filtered on. Several scope filters at once, several segments or a region match no target.
 */
function targetScopeOf(filters: DashboardFilters): TargetScope | null {
  if (filters.region || filters.segmentIds.length > 1) return null;
  const scopes: TargetScope[] = [];
  if (filters.segmentIds.length === 1) scopes.push({ scope: "segment", id: filters.segmentIds[0]! });
  if (filters.stageId) scopes.push({ scope: "stage", id: filters.stageId });
  if (filters.channel) scopes.push({ scope: "channel", channel: filters.channel });
  if (scopes.length > 1) return null;
  return scopes[0] ?? { scope: "all" };
}

interface TargetRow {
  id: number;
  kpi: Kpi;
  value: string;
  periodStart: string;
  periodEnd: string;
  reviewDate: string;
  scopeLabel: string;
}

/**
 * Per KPI, the target for the filters' scope whose period overlaps `period`, preferring one in force
 * on the period's last day, then the latest ending.
 */
async function targetsFor(db: Db, scope: CubeScope, period: ResolvedPeriod): Promise<Map<Kpi, TargetRow>> {
  const targetScope = targetScopeOf(scope.filters);
  if (!targetScope) return new Map();
  const match =
    targetScope.scope === "all"
      ? sql`t.scope = 'all'`
      : targetScope.scope === "segment"
        ? sql`t.scope = 'segment' AND t.segment_id = ${targetScope.id}`
        : targetScope.scope === "stage"
          ? sql`t.scope = 'stage' AND t.stage_id = ${targetScope.id}`
          : sql`t.scope = 'channel' AND t.channel = ${targetScope.channel}`;
  const rows = await queryRows<TargetRow>(
    db,
    sql`SELECT DISTINCT ON (t.kpi) t.id, t.kpi::text AS kpi, t.target_value::text AS value,
        t.period_start::text AS "periodStart", t.period_end::text AS "periodEnd", t.review_date::text AS "reviewDate",
        coalesce(s.name, st.name, t.channel::text, 'all') AS "scopeLabel"
      FROM kpi_targets t
      LEFT JOIN segments s ON s.id = t.segment_id
      LEFT JOIN journey_stages st ON st.id = t.stage_id
      WHERE t.workspace_id = ${scope.workspaceId} AND ${match}
        AND t.period_start <= ${period.to}::date AND t.period_end >= ${period.from}::date
      ORDER BY t.kpi, (t.period_end >= ${period.to}::date) DESC, t.period_end DESC, t.id DESC`,
  );
  return new Map(rows.map((row) => [row.kpi, row]));
}

/**
 * A tile's target with its status: met, on track (ahead of the straight line from the KPI in the
 * month before the target period to the target at the period's end) or behind.
 */
function tileTarget(
  row: TargetRow | undefined,
  kpi: Kpi,
  value: number | null,
  sparkline: SparkPoint[],
  now: Date,
  period: ResolvedPeriod,
): TileTarget | null {
  if (!row) return null;
  // revenue is a total over the target's period: compare the period's revenue with its share of it
  const targetDays = (dayAfter(row.periodEnd).getTime() - utcMidnight(row.periodStart).getTime()) / DAY_MS;
  const share = kpi === "revenue" ? period.days / targetDays : 1;
  const target = Math.round(Number(row.value) * share * 100) / 100;
  const monthBefore = monthsEnding(row.periodStart, 2)[0];
  const baseline = kpi === "revenue" ? null : (sparkline.find((p) => p.month === monthBefore)?.value ?? null);
  const status = computeTargetStatus({
    value,
    target,
    higherIsBetter: HIGHER_IS_BETTER[kpi],
    glidePath: {
      baseline,
      elapsedShare: elapsedShare({ start: utcMidnight(row.periodStart), end: dayAfter(row.periodEnd) }, now),
    },
  });
  return {
    id: row.id,
    value: target,
    status,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    reviewDate: row.reviewDate,
    scopeLabel: row.scopeLabel,
  };
}

// ---------------------------------------------------------------------------------------------
// dashboard.kpis

/**
 * The six executive tiles for one filter set — NPS, CSAT, CES, net revenue, churn and revenue at
 * risk — each with its sample size, change against the comparison period, the target in force for
 * the filters' scope and a 12-month sparkline ending with the period's month.
 */
export async function getKpiTiles(
  db: Db,
  workspaceId: number,
  filters: DashboardFilters,
  now = new Date(),
): Promise<KpiTilesPayload> {
  const scope = { workspaceId, filters };
  const { period, comparison } = periodsOf(filters, now);
  const periods = [
    { which: "current", from: period.from, to: period.to },
    ...(comparison ? [{ which: "previous", from: comparison.from, to: comparison.to }] : []),
  ];
  const window = trailingYear(period.to);
  const months = monthsEnding(period.to, 12);
  const first = months[0]!;

  // one read per cube: the period, its comparison, the sparkline months and (orders) the trailing
  // year of revenue at risk, each arm labelled
  const monthEnd = utcMidnight(nextMonthStart(months[months.length - 1]!));
  const monthStarts = months.map((m) => utcMidnight(`${m}-01`));
  const sparkRange = {
    which: "months",
    from: `${first}-01`,
    to: period.to,
    wholeMonths: true,
  };
  const monthOf = sql`CASE WHEN which = 'months' THEN to_char(bucket, 'YYYY-MM') END`;
  // every instant a churn figure starts or ends at, for one grouped scan of customer state
  const windowStart = utcMidnight(window.from);
  const windowEnd = dayAfter(window.to);
  const boundaries = new Boundaries([
    period.start,
    period.end,
    ...(comparison ? [comparison.start, comparison.end] : []),
    windowStart,
    windowEnd,
    ...monthStarts,
    monthEnd,
  ]);
  const [feedbackRows, ordersRows, intervals, targets, currency] = await Promise.all([
    queryRows<{ which: string; month: string | null; kind: string } & ScoreRow>(
      db,
      sql`SELECT which, ${monthOf} AS month, metric_kind::text AS kind, ${SUM_SCORES}
        FROM ${cubeSource("feedback", scope, [...periods, sparkRange], sql`metric_kind IN ('nps', 'csat', 'ces')`)}
        GROUP BY 1, 2, 3`,
    ),
    queryRows<{
      which: string;
      month: string | null;
      revenue: string;
      orders: number;
      detractor: string;
    }>(
      db,
      sql`SELECT which, ${monthOf} AS month, sum(revenue)::text AS revenue, sum(purchases + refunds)::int AS orders,
          coalesce(sum(revenue) FILTER (WHERE nps_category = 'detractor'), 0)::text AS detractor
        FROM ${cubeSource("orders", scope, [...periods, sparkRange, { which: "window", ...window }])}
        GROUP BY 1, 2`,
    ),
    customerIntervals(db, scope, boundaries),
    targetsFor(db, scope, period),
    workspaceCurrency(db, workspaceId),
  ]);
  const scores = feedbackRows.filter((r) => r.which !== "months");
  const monthlyScores = feedbackRows.filter((r) => r.which === "months");
  const revenue = ordersRows.filter((r) => r.which === "current" || r.which === "previous");
  const monthlyRevenue = ordersRows.filter((r) => r.which === "months");
  const detractorRevenue = ordersRows.filter((r) => r.which === "window").map((r) => ({ revenue: r.detractor }));

  const score = indexRows(scores, (r) => keyOf(r.which, r.kind));
  const money = indexRows(revenue, (r) => r.which);
  const monthScore = indexRows(monthlyScores, (r) => keyOf(r.month, r.kind));
  const monthMoney = indexRows(monthlyRevenue, (r) => r.month ?? "");
  const spark = (value: (month: string) => number | null): SparkPoint[] =>
    months.map((month) => ({ month, value: value(month) }));

  const nps = npsOf(score.get(keyOf("current", "nps")));
  const csat = csatOf(score.get(keyOf("current", "csat")));
  const ces = cesOf(score.get(keyOf("current", "ces")));
  const npsSpark = spark((m) => npsOf(monthScore.get(keyOf(m, "nps"))).value);
  const csatSpark = spark((m) => csatOf(monthScore.get(keyOf(m, "csat"))).value);
  const cesSpark = spark((m) => cesOf(monthScore.get(keyOf(m, "ces"))).value);
  const revenueSpark = spark((m) => (monthMoney.has(m) ? moneyToNumber(monthMoney.get(m)!.revenue) : null));
  const riskSpark = spark((m) => (monthMoney.has(m) ? moneyToNumber(monthMoney.get(m)!.detractor) : null));
  const at = (instant: Date) => boundaries.indexOf(instant);
  const churnSpark = months.map((month, i) => ({
    month,
    value: computeChurnRate(churnBetween(intervals, at(monthStarts[i]!), at(monthStarts[i + 1] ?? monthEnd))).value,
  }));
  const detractorIntervals = intervals.filter((r) => r.category === "detractor");
  const promoterIntervals = intervals.filter((r) => r.category === "promoter");
  const currentRevenue = money.get("current");
  const revenueValue = currentRevenue ? currentRevenue.revenue : null;
  const revenueOrders = currentRevenue?.orders ?? 0;
  const previousRevenue = comparison ? (money.get("previous")?.revenue ?? null) : null;
  const churnNow = churnFigure(churnBetween(intervals, at(period.start), at(period.end)));
  const churnBefore = comparison
    ? churnFigure(churnBetween(intervals, at(comparison.start), at(comparison.end)))
    : null;
  const risk = computeRevenueAtRisk({
    detractorRevenue: detractorRevenue[0]?.revenue ?? "0",
    detractorChurn: churnBetween(detractorIntervals, at(windowStart), at(windowEnd)),
    promoterChurn: churnBetween(promoterIntervals, at(windowStart), at(windowEnd)),
  });
  const detractors = joinedBefore(detractorIntervals, at(windowEnd));
  const before = comparison
    ? {
        nps: npsOf(score.get(keyOf("previous", "nps"))),
        csat: csatOf(score.get(keyOf("previous", "csat"))),
        ces: cesOf(score.get(keyOf("previous", "ces"))),
      }
    : null;
  const ignoreStage = filters.stageId ? (["stage"] as const) : ([] as const);
  const target = (kpi: Kpi, value: number | null, sparkline: SparkPoint[]) =>
    tileTarget(targets.get(kpi), kpi, value, sparkline, now, period);
  const revenueNumber = revenueValue === null ? null : moneyToNumber(revenueValue);
  const riskValue = detractors === 0 ? null : risk.revenueAtRisk;

  return {
    period,
    comparison,
    currency,
    nps: {
      kpi: "nps",
      unit: "points",
      higherIsBetter: true,
      figure: nps,
      delta: before ? computeDelta(nps, before.nps) : null,
      target: target("nps", nps.value, npsSpark),
      sparkline: npsSpark,
      ignoredFilters: [],
    },
    csat: {
      kpi: "csat",
      unit: "percent",
      higherIsBetter: true,
      figure: csat,
      delta: before ? computeDelta(csat, before.csat) : null,
      target: target("csat", csat.value, csatSpark),
      sparkline: csatSpark,
      ignoredFilters: [],
    },
    ces: {
      kpi: "ces",
      unit: "mean",
      higherIsBetter: true,
      figure: ces,
      delta: before ? computeDelta(ces, before.ces) : null,
      target: target("ces", ces.value, cesSpark),
      sparkline: cesSpark,
      ignoredFilters: [],
    },
    revenue: {
      kpi: "revenue",
      unit: "money",
      higherIsBetter: true,
      value: revenueValue,
      sampleSize: revenueOrders,
      lowSample: makeFigure(revenueValue, revenueOrders).lowSample,
      delta: comparison && revenueValue !== null ? computeMoneyDelta(revenueValue, previousRevenue ?? "0.00") : null,
      target: target("revenue", revenueNumber, revenueSpark),
      sparkline: revenueSpark,
      ignoredFilters: [...ignoreStage],
    },
    churn: {
      kpi: "churn",
      unit: "percent",
      higherIsBetter: false,
      figure: churnNow,
      delta: churnBefore ? computeDelta(churnNow, churnBefore) : null,
      target: target("churn", churnNow.value, churnSpark),
      sparkline: churnSpark,
      ignoredFilters: [...ignoreStage, ...(filters.channel ? (["channel"] as const) : [])],
    },
    revenueAtRisk: {
      kpi: "revenue_at_risk",
      unit: "money",
      higherIsBetter: false,
      value: riskValue,
      sampleSize: detractors,
      lowSample: makeFigure(riskValue, detractors).lowSample,
      delta: null,
      target: target("revenue_at_risk", riskValue === null ? null : moneyToNumber(riskValue), riskSpark),
      sparkline: riskSpark,
      ignoredFilters: [...ignoreStage],
      churnWeighted: risk.churnWeighted,
      churnGapPoints: risk.churnGapPoints,
      windowFrom: window.from,
      windowTo: window.to,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// dashboard.segments

/**
 * Per segment: NPS, CSAT and net revenue in the period; mean trailing-12-month revenue per customer
 * by latest NPS category (promoter vs detractor value); revenue at risk (plain and churn-gap
 * weighted); churn in the period. Customers without a segment form their own row when they count.
 */
export async function getSegments(
  db: Db,
  workspaceId: number,
  filters: DashboardFilters,
  now = new Date(),
): Promise<SegmentsPayload> {
  const scope = { workspaceId, filters };
  const { period } = periodsOf(filters, now);
  const window = trailingYear(period.to);
  const periodRange = { from: period.from, to: period.to };
  const windowStart = utcMidnight(window.from);
  const windowEnd = dayAfter(window.to);
  const boundaries = new Boundaries([period.start, period.end, windowStart, windowEnd]);
  const at = (instant: Date) => boundaries.indexOf(instant);

  const [scores, revenue, state, segments, currency] = await Promise.all([
    queryRows<{ segmentId: number | null; kind: string } & ScoreRow>(
      db,
      sql`SELECT segment_id AS "segmentId", metric_kind::text AS kind, ${SUM_SCORES}
        FROM ${cubeSource("feedback", scope, [{ which: "period", ...periodRange }], sql`metric_kind IN ('nps', 'csat')`)}
        GROUP BY 1, 2`,
    ),
    queryRows<{
      segmentId: number | null;
      category: NpsCategory | null;
      period: string;
      window: string;
    }>(
      db,
      sql`SELECT segment_id AS "segmentId", nps_category AS category,
          coalesce(sum(revenue) FILTER (WHERE which = 'period'), 0)::text AS period,
          coalesce(sum(revenue) FILTER (WHERE which = 'window'), 0)::text AS window
        FROM ${cubeSource("orders", scope, [
          { which: "period", ...periodRange },
          { which: "window", ...window },
        ])}
        GROUP BY 1, 2`,
    ),
    customerIntervals(db, scope, boundaries, true),
    segmentsOf(db, workspaceId, filters.segmentIds),
    workspaceCurrency(db, workspaceId),
  ]);

  const score = indexRows(scores, (r) => keyOf(r.segmentId, r.kind));

  const unsegmented =
    filters.segmentIds.length === 0 && [...scores, ...revenue, ...state].some((r) => r.segmentId === null);
  const rows = unsegmented ? [...segments, { id: null, name: "", color: null }] : segments;

  const summaries: SegmentSummary[] = rows.map((segment) => {
    const key = keyOf(segment.id);
    const own = revenue.filter((r) => keyOf(r.segmentId) === key);
    const windowRevenue = (c: NpsCategory) => sumMoney(own.filter((r) => r.category === c).map((r) => r.window));
    const customers = state.filter((r) => keyOf(r.segmentId) === key);
    const ofCategory = (c: NpsCategory) => customers.filter((r) => r.category === c);
    const categoryValue = (c: NpsCategory) => ({
      customers: joinedBefore(ofCategory(c), at(windowEnd)),
      revenue: windowRevenue(c),
    });
    const value = computeCategoryValue({
      promoter: categoryValue("promoter"),
      passive: categoryValue("passive"),
      detractor: categoryValue("detractor"),
    });
    const windowChurn = (c: NpsCategory) => churnBetween(ofCategory(c), at(windowStart), at(windowEnd));
    const risk = computeRevenueAtRisk({
      detractorRevenue: windowRevenue("detractor"),
      detractorChurn: windowChurn("detractor"),
      promoterChurn: windowChurn("promoter"),
    });
    return {
      segmentId: segment.id,
      name: segment.name,
      color: segment.color,
      customers: activeAt(customers, at(period.end)),
      nps: npsOf(score.get(keyOf(segment.id, "nps"))),
      csat: csatOf(score.get(keyOf(segment.id, "csat"))),
      revenue: sumMoney(own.map((r) => r.period)),
      value: {
        ...value.meanRevenue,
        promoterMinusDetractor: value.promoterMinusDetractor,
      },
      revenueAtRisk: risk.revenueAtRisk,
      revenueAtRiskChurnWeighted: risk.churnWeighted,
      churn: computeChurnRate(churnBetween(customers, at(period.start), at(period.end))),
    };
  });
  return {
    period,
    currency,
    windowFrom: window.from,
    windowTo: window.to,
    segments: summaries,
  };
}

// ---------------------------------------------------------------------------------------------
// dashboard.trends

export const TREND_MONTHS = 24;

/**
 * Monthly NPS, CSAT and net revenue over the 24 months to today (the current month partial), for
 * the filters together and, with `bySegment`, per segment; annotations where NPS or CSAT moved
 * from one month to the next by more than the combined 95% margin of error; NPS/CSAT targets.
 */
export async function getTrends(
  db: Db,
  workspaceId: number,
  filters: DashboardFilters,
  bySegment: boolean,
  now = new Date(),
): Promise<TrendsPayload> {
  const scope = { workspaceId, filters };
  const today = now.toISOString().slice(0, 10);
  const months = monthsEnding(today, TREND_MONTHS);
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const { period } = periodsOf(filters, now);
  const [scores, revenue, segments, targets, currency] = await Promise.all([
    queryRows<{ month: string; segmentId: number | null; kind: string } & ScoreRow>(
      db,
      sql`SELECT to_char(bucket, 'YYYY-MM') AS month, segment_id AS "segmentId", metric_kind::text AS kind, ${SUM_SCORES}
        FROM feedback_rollup
        WHERE ${cubeRows(scope, "feedback")} AND metric_kind IN ('nps', 'csat') AND ${monthRows(first, last)}
        GROUP BY 1, 2, 3`,
    ),
    queryRows<{ month: string; segmentId: number | null; revenue: string }>(
      db,
      sql`SELECT to_char(bucket, 'YYYY-MM') AS month, segment_id AS "segmentId", sum(revenue)::text AS revenue
        FROM orders_rollup WHERE ${cubeRows(scope, "orders")} AND ${monthRows(first, last)}
        GROUP BY 1, 2`,
    ),
    bySegment ? segmentsOf(db, workspaceId, filters.segmentIds) : Promise.resolve([]),
    targetsFor(db, scope, period),
    workspaceCurrency(db, workspaceId),
  ]);

  const series = (segmentId: number | null | undefined, name: string, color: string | null): TrendSeries => {
    const mine = <T extends { segmentId: number | null }>(rows: T[]) =>
      segmentId === undefined ? rows : rows.filter((r) => r.segmentId === segmentId);
    const points = months.map((month) => {
      const sumScores = (kind: string) => {
        const sum: Record<string, number> = {};
        for (const row of mine(scores)) {
          if (row.month !== month || row.kind !== kind) continue;
          for (let k = 0; k <= 10; k++) sum[`s${k}`] = (sum[`s${k}`] ?? 0) + Number(row[`s${k}`] ?? 0);
        }
        return sum as ScoreRow;
      };
      return {
        month,
        nps: npsOf(sumScores("nps")),
        csat: csatOf(sumScores("csat")),
        revenue: sumMoney(
          mine(revenue)
            .filter((r) => r.month === month)
            .map((r) => r.revenue),
        ),
      };
    });
    return { segmentId: segmentId ?? null, name, color, points };
  };

  const all = [series(undefined, "", null), ...segments.map((s) => series(s.id, s.name, s.color))];
  const annotations: TrendAnnotation[] = [];
  all.forEach((line, index) => {
    for (let i = 1; i < line.points.length; i++) {
      for (const kpi of ["nps", "csat"] as const) {
        const current = line.points[i]![kpi];
        const before = line.points[i - 1]![kpi];
        if (current.lowSample || before.lowSample) continue;
        const delta = computeDelta(current, before);
        if (delta.significant && delta.absolute !== null) {
          annotations.push({
            month: line.points[i]!.month,
            kpi,
            change: delta.absolute,
            marginOfError: Math.hypot(current.marginOfError ?? 0, before.marginOfError ?? 0),
            segmentId: index === 0 ? null : line.segmentId,
          });
        }
      }
    }
  });
  const lines: TrendsPayload["targets"] = [];
  for (const kpi of ["nps", "csat"] as const) {
    const row = targets.get(kpi);
    if (row)
      lines.push({
        kpi,
        value: Number(row.value),
        periodStart: row.periodStart,
        periodEnd: row.periodEnd,
      });
  }
  return { currency, months, series: all, annotations, targets: lines };
}

// ---------------------------------------------------------------------------------------------
// dashboard.heatmap

/** NPS and CSAT per journey stage × segment in the period (stages in journey order). */
export async function getHeatmap(
  db: Db,
  workspaceId: number,
  filters: DashboardFilters,
  now = new Date(),
): Promise<HeatmapPayload> {
  const scope = { workspaceId, filters, byStage: true };
  const { period } = periodsOf(filters, now);
  const [scores, stages, segments] = await Promise.all([
    queryRows<
      {
        stageId: number | null;
        segmentId: number | null;
        kind: string;
      } & ScoreRow
    >(
      db,
      sql`SELECT stage_id AS "stageId", segment_id AS "segmentId", metric_kind::text AS kind, ${SUM_SCORES}
        FROM ${cubeSource("feedback", scope, [{ which: "period", from: period.from, to: period.to }], sql`metric_kind IN ('nps', 'csat')`)}
        GROUP BY 1, 2, 3`,
    ),
    queryRows<{
      id: number;
      name: string;
      position: number;
      archived: boolean;
    }>(
      db,
      sql`SELECT id, name, position, archived_at IS NOT NULL AS archived FROM journey_stages
        WHERE workspace_id = ${workspaceId} ${filters.stageId ? sql`AND id = ${filters.stageId}` : sql``}
        ORDER BY position`,
    ),
    segmentsOf(db, workspaceId, filters.segmentIds),
  ]);
  const withData = new Set(scores.map((r) => keyOf(r.stageId)));
  const stageList: HeatmapPayload["stages"] = stages
    .filter((s) => !s.archived || withData.has(keyOf(s.id)))
    .map(({ id, name, position }) => ({ id, name, position }));
  if (withData.has(keyOf(null))) stageList.push({ id: null, name: "", position: null });
  const segmentList: HeatmapPayload["segments"] = segments.map(({ id, name, color }) => ({ id, name, color }));
  if (filters.segmentIds.length === 0 && scores.some((r) => r.segmentId === null)) {
    segmentList.push({ id: null, name: "", color: null });
  }
  const score = indexRows(scores, (r) => keyOf(r.stageId, r.segmentId, r.kind));
  const cells = stageList.flatMap((stage) =>
    segmentList.map((segment) => ({
      stageId: stage.id,
      segmentId: segment.id,
      nps: npsOf(score.get(keyOf(stage.id, segment.id, "nps"))),
      csat: csatOf(score.get(keyOf(stage.id, segment.id, "csat"))),
    })),
  );
  return { period, stages: stageList, segments: segmentList, cells };
}

// ---------------------------------------------------------------------------------------------
// dashboard.filterOptions

/** What the filter bar offers: the workspace's segments, live journey stages and known regions. */
export async function getDashboardOptions(db: Db, workspaceId: number) {
  const [segments, stages, regions] = await Promise.all([
    segmentsOf(db, workspaceId),
    queryRows<{ id: number; name: string }>(
      db,
      sql`SELECT id, name FROM journey_stages WHERE workspace_id = ${workspaceId} AND archived_at IS NULL ORDER BY position`,
    ),
    // regions with data: the month rows of the region breakdowns (a few hundred rows, not customers)
    queryRows<{ region: string }>(
      db,
      sql`SELECT region FROM feedback_rollup WHERE workspace_id = ${workspaceId} AND dims = 1 AND grain = 'month'
        AND region IS NOT NULL
        UNION SELECT region FROM orders_rollup WHERE workspace_id = ${workspaceId} AND dims = 1 AND grain = 'month'
        AND region IS NOT NULL
        ORDER BY 1`,
    ),
  ]);
  const named = segments.flatMap(({ id, name, color }) => (id === null ? [] : [{ id, name, color }]));
  return { segments: named, stages, regions: regions.map((r) => r.region) };
}
