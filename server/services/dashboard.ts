import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { queryRows } from "@/db/client";
import { comparisonPeriod, resolvePeriod, type ResolvedPeriod } from "../domain/dashboard/periods";
import type { DashboardFilters } from "../domain/dashboard/filters";
import {
  cesTotalsFromScoreCounts,
  computeCes,
  computeCsat,
  computeDelta,
  computeMoneyDelta,
  computeNps,
  csatCountsFromScoreCounts,
  npsBucketsFromScoreCounts,
  type ScoreCounts,
} from "../domain/kpi";
import { SCORE_RANGES } from "../domain/scores";

const SCORES = Array.from({ length: 11 }, (_, k) => k);
type ScoredKind = "nps" | "csat" | "ces";

/** Rollup rows restricted by the dashboard filters; `stage` applies to feedback only. */
function rollupFilters(filters: DashboardFilters, withStage: boolean): SQL {
  const parts: SQL[] = [];
  if (filters.segmentIds.length > 0) {
    parts.push(sql`segment_id IN (${sql.join(filters.segmentIds.map((id) => sql`${id}`), sql`, `)})`);
  }
  if (filters.channel) parts.push(sql`channel = ${filters.channel}`);
  if (filters.region) parts.push(sql`region = ${filters.region}`);
  if (withStage && filters.stageId) parts.push(sql`stage_id = ${filters.stageId}`);
  return parts.length === 0 ? sql`TRUE` : sql.join(parts, sql` AND `);
}

/** Rollup days of a period: both ends are whole calendar days, inclusive. */
function inPeriod(p: ResolvedPeriod): SQL {
  return sql`day BETWEEN ${p.from}::date AND ${p.to}::date`;
}

/** Score counts per metric kind in the period and its comparison, from the daily rollup. */
async function scoreCounts(db: Db, workspaceId: number, periods: ResolvedPeriod[], filters: DashboardFilters) {
  const [current] = periods;
  const rows = await queryRows<{ which: "current" | "previous"; kind: ScoredKind } & Record<string, number>>(
    db,
    sql`SELECT CASE WHEN ${inPeriod(current!)} THEN 'current' ELSE 'previous' END AS which,
        metric_kind::text AS kind,
        ${sql.raw(SCORES.map((k) => `sum(s${k})::int AS s${k}`).join(", "))}
      FROM feedback_daily
      WHERE workspace_id = ${workspaceId}
        AND metric_kind IN ('nps', 'csat', 'ces')
        AND (${sql.join(periods.map(inPeriod), sql` OR `)})
        AND ${rollupFilters(filters, true)}
      GROUP BY 1, 2`,
  );
  const result = { current: new Map<ScoredKind, ScoreCounts>(), previous: new Map<ScoredKind, ScoreCounts>() };
  for (const row of rows) {
    const { min, max } = SCORE_RANGES[row.kind];
    const counts: Record<number, number> = {};
    for (let score = min; score <= max; score++) counts[score] = Number(row[`s${score}`] ?? 0);
    result[row.which].set(row.kind, counts);
  }
  return result;
}

/** Net revenue in the period and its comparison, exact, from the daily rollup. */
async function revenue(db: Db, workspaceId: number, periods: ResolvedPeriod[], filters: DashboardFilters) {
  const [current] = periods;
  const rows = await queryRows<{ which: "current" | "previous"; revenue: string; orders: number }>(
    db,
    sql`SELECT CASE WHEN ${inPeriod(current!)} THEN 'current' ELSE 'previous' END AS which,
        coalesce(sum(revenue), 0)::text AS revenue, coalesce(sum(purchases + refunds), 0)::int AS orders
      FROM orders_daily
      WHERE workspace_id = ${workspaceId}
        AND (${sql.join(periods.map(inPeriod), sql` OR `)})
        AND ${rollupFilters(filters, false)}
      GROUP BY 1`,
  );
  const byWhich = new Map(rows.map((r) => [r.which, r]));
  return {
    current: byWhich.get("current")?.revenue ?? "0.00",
    previous: byWhich.get("previous")?.revenue ?? "0.00",
  };
}

/**
 * The executive KPI tiles for one filter set: NPS (with margin of error), CSAT, CES and net
 * revenue in the period, each with its sample size and its change against the comparison period.
 * Reads only the daily rollups; figures come from the KPI engine (server/domain/kpi).
 */
export async function getKpiTiles(db: Db, workspaceId: number, filters: DashboardFilters, now = new Date()) {
  const period = resolvePeriod(filters.period, now);
  const comparison = comparisonPeriod(period, filters.comparison);
  const periods = comparison ? [period, comparison] : [period];
  const [scores, money] = await Promise.all([
    scoreCounts(db, workspaceId, periods, filters),
    revenue(db, workspaceId, periods, filters),
  ]);
  const figures = (which: "current" | "previous") => {
    const counts = (kind: ScoredKind) => scores[which].get(kind) ?? {};
    return {
      nps: computeNps(npsBucketsFromScoreCounts(counts("nps"))),
      csat: computeCsat(csatCountsFromScoreCounts(counts("csat"))),
      ces: computeCes(cesTotalsFromScoreCounts(counts("ces"))),
    };
  };
  const current = figures("current");
  const before = comparison ? figures("previous") : null;
  return {
    period,
    comparison,
    nps: { ...current.nps, delta: before ? computeDelta(current.nps, before.nps) : null },
    csat: { ...current.csat, delta: before ? computeDelta(current.csat, before.csat) : null },
    ces: { ...current.ces, delta: before ? computeDelta(current.ces, before.ces) : null },
    revenue: {
      value: money.current,
      delta: comparison ? computeMoneyDelta(money.current, money.previous) : null,
      /** Orders carry no journey stage: a stage filter does not narrow revenue. */
      stageFilterApplies: false,
    },
  };
}
