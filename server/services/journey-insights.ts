import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { queryRows } from "@/db/client";
import type { DashboardFilters } from "../domain/dashboard/filters";
import { resolvePeriod, type ResolvedPeriod } from "../domain/dashboard/periods";
import { computeFunnelBySegment, rankMomentsOfTruth, type StageRevenueInput } from "../domain/journeys";
import type { NpsBuckets } from "../domain/kpi";
import { inPeriod, journeyFeedbackScope } from "./journey-map";

interface LiveStage {
  id: number;
  name: string;
  position: number;
}

function liveStages(db: Db, workspaceId: number) {
  return queryRows<LiveStage>(
    db,
    sql`SELECT id, name, position FROM journey_stages WHERE workspace_id = ${workspaceId} AND archived_at IS NULL
      ORDER BY position`,
  );
}

/** Trailing 12 months up to the period's end (its last day included), as the revenue-at-risk figure uses. */
const trailingYear = (period: ResolvedPeriod) =>
  sql`o.ordered_at >= (${period.to}::date + 1 - 365)::timestamp AT TIME ZONE 'UTC'
    AND o.ordered_at < (${period.to}::date + 1)::timestamp AT TIME ZONE 'UTC'`;

const buckets = (row: { promoters: number; passives: number; detractors: number }): NpsBuckets => ({
  promoters: Number(row.promoters),
  passives: Number(row.passives),
  detractors: Number(row.detractors),
});

/**
 * Moments of truth for a filter set: the live stages ranked by revenue impact
 * (server/domain/journeys/moments-of-truth.ts), from the period's NPS responses placed on a stage.
 * A customer's revenue is their net orders of the trailing 12 months to the period's end.
 */
export async function getMomentsOfTruth(db: Db, workspaceId: number, filters: DashboardFilters, now = new Date()) {
  const period = resolvePeriod(filters.period, now);
  const scope = journeyFeedbackScope(workspaceId, filters);
  const responses = sql`SELECT f.id, f.stage_id, f.customer_id, f.score, f.received_at FROM feedback f
    WHERE ${scope} AND f.metric_kind = 'nps' AND f.stage_id IS NOT NULL AND ${inPeriod(period)}`;
  const revenue = sql`SELECT o.customer_id, sum(o.amount) AS revenue FROM orders o
    WHERE o.workspace_id = ${workspaceId} AND ${trailingYear(period)}
      AND o.customer_id IN (SELECT customer_id FROM responses WHERE customer_id IS NOT NULL)
    GROUP BY o.customer_id`;
  const [stages, rows, workspace] = await Promise.all([
    liveStages(db, workspaceId),
    queryRows<{
      part: "stage" | "detractors" | "theme";
      stageId: number;
      themeId: number | null;
      promoters: number;
      passives: number;
      detractors: number;
      revenue: string | null;
    }>(
      db,
      sql`WITH responses AS MATERIALIZED (${responses}),
        revenue AS MATERIALIZED (${revenue}),
        latest AS (
          SELECT DISTINCT ON (stage_id, customer_id) stage_id, customer_id, score FROM responses
          WHERE customer_id IS NOT NULL ORDER BY stage_id, customer_id, received_at DESC, id DESC),
        tagged AS MATERIALIZED (
          SELECT r.stage_id, ft.theme_id, r.customer_id, r.score FROM responses r
          JOIN feedback_themes ft ON ft.feedback_id = r.id),
        -- each customer's revenue once per stage and theme they were tagged with (one grouped pass)
        theme_revenue AS (
          SELECT x.stage_id, x.theme_id, sum(v.revenue) AS revenue
          FROM (SELECT DISTINCT stage_id, theme_id, customer_id FROM tagged WHERE customer_id IS NOT NULL) x
          JOIN revenue v ON v.customer_id = x.customer_id
          GROUP BY x.stage_id, x.theme_id)
      SELECT 'stage' AS part, stage_id AS "stageId", NULL::int AS "themeId",
          count(*) FILTER (WHERE score >= 9)::int AS promoters,
          count(*) FILTER (WHERE score BETWEEN 7 AND 8)::int AS passives,
          count(*) FILTER (WHERE score <= 6)::int AS detractors, NULL::text AS revenue
        FROM responses GROUP BY stage_id
      UNION ALL
      SELECT 'detractors', l.stage_id, NULL, 0, 0, 0, coalesce(sum(v.revenue), 0)::text
        FROM latest l JOIN revenue v ON v.customer_id = l.customer_id WHERE l.score <= 6 GROUP BY l.stage_id
      UNION ALL
      SELECT 'theme', t.stage_id, t.theme_id, t.promoters, t.passives, t.detractors, coalesce(tr.revenue, 0)::text
        FROM (
          SELECT stage_id, theme_id, count(*) FILTER (WHERE score >= 9)::int AS promoters,
            count(*) FILTER (WHERE score BETWEEN 7 AND 8)::int AS passives, count(*) FILTER (WHERE score <= 6)::int AS detractors
          FROM tagged GROUP BY stage_id, theme_id) t
        LEFT JOIN theme_revenue tr ON tr.stage_id = t.stage_id AND tr.theme_id = t.theme_id`,
    ),
    queryRows<{ currency: string }>(db, sql`SELECT currency FROM workspaces WHERE id = ${workspaceId}`),
  ]);
  const themeNames = new Map(
    (
      await queryRows<{ id: number; name: string }>(
        db,
        sql`SELECT id, name FROM themes WHERE workspace_id = ${workspaceId}`,
      )
    ).map((t) => [t.id, t.name]),
  );
  const inputs: StageRevenueInput[] = stages.map((stage) => {
    const mine = rows.filter((row) => row.stageId === stage.id);
    const all = mine.find((row) => row.part === "stage");
    return {
      stageId: stage.id,
      position: stage.position,
      detractorRevenue: mine.find((row) => row.part === "detractors")?.revenue ?? "0.00",
      responses: all ? buckets(all) : { promoters: 0, passives: 0, detractors: 0 },
      themes: mine
        .filter((row) => row.part === "theme")
        .map((row) => ({ themeId: row.themeId!, responses: buckets(row), revenue: row.revenue ?? "0.00" })),
    };
  });
  const names = new Map(stages.map((s) => [s.id, s.name]));
  return {
    period,
    currency: workspace[0]?.currency ?? "USD",
    ranking: rankMomentsOfTruth(inputs).map((moment) => ({
      ...moment,
      name: names.get(moment.stageId) ?? "",
      responses: inputs.find((i) => i.stageId === moment.stageId)!.responses,
      themes: moment.themes.map((t) => ({ ...t, name: themeNames.get(t.themeId) ?? "" })),
    })),
  };
}

/**
 * The funnel of a filter set: customers reaching each live stage in the period, from the stages
 * their feedback was placed on (cumulative: the furthest stage a customer was seen at counts every
 * stage before it as reached), overall and per segment, with the drop between stages.
 */
export async function getJourneyFunnel(db: Db, workspaceId: number, filters: DashboardFilters, now = new Date()) {
  const period = resolvePeriod(filters.period, now);
  const scope = journeyFeedbackScope(workspaceId, filters);
  const stages = await liveStages(db, workspaceId);
  const rows = await queryRows<{ segmentId: number | null; stageId: number; customers: number }>(
    db,
    sql`WITH furthest AS (
        SELECT f.customer_id, max(s.position) AS position FROM feedback f
        JOIN journey_stages s ON s.id = f.stage_id AND s.workspace_id = f.workspace_id AND s.archived_at IS NULL
        WHERE ${scope} AND f.customer_id IS NOT NULL AND ${inPeriod(period)}
        GROUP BY f.customer_id)
      SELECT c.segment_id AS "segmentId", s.id AS "stageId", count(*)::int AS customers
      FROM furthest x
      JOIN customers c ON c.id = x.customer_id
      JOIN journey_stages s ON s.workspace_id = ${workspaceId} AND s.position = x.position
      GROUP BY 1, 2`,
  );
  const segmentNames = await queryRows<{ id: number; name: string; color: string }>(
    db,
    sql`SELECT id, name, color FROM segments WHERE workspace_id = ${workspaceId} ORDER BY name, id`,
  );
  const funnels = computeFunnelBySegment(
    stages.map((s) => s.id),
    rows,
  );
  return { period, stages, segmentNames, ...funnels };
}
