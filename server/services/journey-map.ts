import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { queryRows } from "@/db/client";
import type { DashboardFilters } from "../domain/dashboard/filters";
import { comparisonPeriod, resolvePeriod, type ResolvedPeriod } from "../domain/dashboard/periods";
import type { Channel, MetricKind } from "../domain/enums";
import {
  cesTotalsFromScoreCounts,
  computeCes,
  computeCsat,
  computeNps,
  csatCountsFromScoreCounts,
  npsBucketsFromScoreCounts,
  type Figure,
  type ScoreCounts,
} from "../domain/kpi";
import { SCORE_RANGES } from "../domain/scores";
import { cubeSource, idIn, keyOf, SUM_SCORES, type LabelledRange, type ScoreRow } from "./dashboard-cube";

/** Negative themes listed per stage and touchpoint: the friction points. */
export const FRICTION_THEMES = 3;

type StageMetric = Exclude<MetricKind, "none">;

/** One period's figures of a stage or touchpoint. */
export interface JourneyFigures {
  /** Feedback items placed there, any metric kind. */
  volume: number;
  /** The stage's main metric (NPS, CSAT %, CES mean, or the share of ratings 4–5). */
  metric: Figure;
  /** Mean sentiment of the items with one, −1…1; null without any. */
  sentiment: number | null;
}

export interface JourneyPoint {
  current: JourneyFigures;
  previous: JourneyFigures | null;
  /** Most negative feedback first: the themes negative items there carry most. */
  friction: { themeId: number; name: string; negative: number }[];
}

interface GroupRow extends ScoreRow {
  which: string;
  id: number;
  kind: MetricKind;
  responses: number;
  sentimentMilli: number;
  sentimentCount: number;
}

/** A stage's main metric from the score counts of its kind (ratings read as CSAT: share of 4–5). */
function metricOf(kind: StageMetric, counts: ScoreCounts): Figure {
  switch (kind) {
    case "nps":
      return computeNps(npsBucketsFromScoreCounts(counts));
    case "ces":
      return computeCes(cesTotalsFromScoreCounts(counts));
    case "csat":
    case "rating":
      return computeCsat(csatCountsFromScoreCounts(counts));
  }
}

function figuresOf(rows: GroupRow[], kind: StageMetric): JourneyFigures {
  const { min, max } = SCORE_RANGES[kind];
  const counts: Record<number, number> = {};
  for (let score = min; score <= max; score++) counts[score] = 0;
  let volume = 0;
  let milli = 0;
  let withSentiment = 0;
  for (const row of rows) {
    volume += Number(row.responses);
    milli += Number(row.sentimentMilli);
    withSentiment += Number(row.sentimentCount);
    if (row.kind !== kind) continue;
    for (let score = min; score <= max; score++) counts[score]! += Number(row[`s${score}`] ?? 0);
  }
  return {
    volume,
    metric: metricOf(kind, counts),
    sentiment: withSentiment === 0 ? null : milli / 1000 / withSentiment,
  };
}

/** Raw feedback of the filters' segments, region and channel (stage filters do not narrow the map). */
export function journeyFeedbackScope(workspaceId: number, filters: DashboardFilters): SQL {
  const parts: SQL[] = [sql`f.workspace_id = ${workspaceId}`];
  if (filters.channel) parts.push(sql`f.channel = ${filters.channel}`);
  if (filters.segmentIds.length > 0 || filters.region) {
    const customer: SQL[] = [sql`c.workspace_id = f.workspace_id`, sql`c.id = f.customer_id`];
    if (filters.segmentIds.length > 0) customer.push(sql`c.${idIn("segment_id", filters.segmentIds)}`);
    if (filters.region) customer.push(sql`c.region = ${filters.region}`);
    parts.push(sql`EXISTS (SELECT 1 FROM customers c WHERE ${sql.join(customer, sql` AND `)})`);
  }
  return sql.join(parts, sql` AND `);
}

/** received_at inside a period's calendar days (UTC, as the cube's days). */
export const inPeriod = (period: ResolvedPeriod) =>
  sql`f.received_at >= ${period.from}::date::timestamp AT TIME ZONE 'UTC'
    AND f.received_at < (${period.to}::date + 1)::timestamp AT TIME ZONE 'UTC'`;

const SCORE_COLUMNS = sql.raw(
  Array.from({ length: 11 }, (_, k) => `(count(*) FILTER (WHERE f.score = ${k}))::int AS s${k}`).join(", "),
);

type FrictionRow = { level: "stage" | "touchpoint"; id: number; themeId: number; name: string; negative: number };

interface MapReads {
  period: ResolvedPeriod;
  previous: ResolvedPeriod | null;
  ranges: LabelledRange[];
}

/** Touchpoint figures and friction themes from the raw rows (a region filter: the journey cubes have no region). */
function rawReads(db: Db, workspaceId: number, filters: DashboardFilters, { period, previous }: MapReads) {
  const raw = journeyFeedbackScope(workspaceId, filters);
  const periods = previous
    ? sql`CASE WHEN ${inPeriod(period)} THEN 'current' WHEN ${inPeriod(previous)} THEN 'previous' END`
    : sql`CASE WHEN ${inPeriod(period)} THEN 'current' END`;
  const anyPeriod = previous ? sql`((${inPeriod(period)}) OR (${inPeriod(previous)}))` : inPeriod(period);
  return Promise.all([
    queryRows<GroupRow>(
      db,
      sql`SELECT ${periods} AS which, f.touchpoint_id AS id, f.metric_kind::text AS kind, count(*)::int AS responses,
          ${SCORE_COLUMNS}, coalesce(sum(round(f.sentiment * 1000)), 0)::bigint AS "sentimentMilli",
          count(f.sentiment)::int AS "sentimentCount"
        FROM feedback f
        WHERE ${raw} AND f.touchpoint_id IS NOT NULL AND ${anyPeriod}
        GROUP BY 1, 2, 3`,
    ),
    queryRows<FrictionRow>(
      db,
      sql`SELECT CASE WHEN GROUPING(f.touchpoint_id) = 1 THEN 'stage' ELSE 'touchpoint' END AS level,
          CASE WHEN GROUPING(f.touchpoint_id) = 1 THEN f.stage_id ELSE f.touchpoint_id END AS id,
          t.id AS "themeId", t.name, count(*)::int AS negative
        FROM feedback f
        JOIN feedback_themes ft ON ft.feedback_id = f.id
        JOIN themes t ON t.id = ft.theme_id
        WHERE ${raw} AND ${inPeriod(period)} AND f.sentiment_label = 'negative' AND f.stage_id IS NOT NULL
        GROUP BY GROUPING SETS ((f.stage_id, t.id, t.name), (f.stage_id, f.touchpoint_id, t.id, t.name))
        HAVING GROUPING(f.touchpoint_id) = 1 OR f.touchpoint_id IS NOT NULL
        ORDER BY negative DESC, t.name, t.id`,
    ),
  ]);
}

/** The same from the journey cubes, after bringing their dirty days in step (journey_rollups_refresh). */
async function cubeReads(db: Db, workspaceId: number, filters: DashboardFilters, { ranges }: MapReads) {
  await db.execute(sql`SELECT journey_rollups_refresh(${workspaceId})`);
  const scope = { workspaceId, filters: { ...filters, stageId: undefined } };
  return Promise.all([
    queryRows<GroupRow>(
      db,
      sql`SELECT which, touchpoint_id AS id, metric_kind::text AS kind, sum(responses)::int AS responses, ${SUM_SCORES},
          sum(sentiment_milli_sum)::bigint AS "sentimentMilli", sum(sentiment_count)::int AS "sentimentCount"
        FROM ${cubeSource("journey", scope, ranges)}
        GROUP BY 1, 2, 3`,
    ),
    queryRows<FrictionRow>(
      db,
      sql`SELECT CASE WHEN GROUPING(c.touchpoint_id) = 1 THEN 'stage' ELSE 'touchpoint' END AS level,
          CASE WHEN GROUPING(c.touchpoint_id) = 1 THEN c.stage_id ELSE c.touchpoint_id END AS id,
          t.id AS "themeId", t.name, sum(c.negative)::int AS negative
        FROM ${cubeSource("friction", scope, ranges.slice(0, 1))}
        JOIN themes t ON t.id = c.theme_id AND t.workspace_id = ${workspaceId}
        GROUP BY GROUPING SETS ((c.stage_id, t.id, t.name), (c.stage_id, c.touchpoint_id, t.id, t.name))
        HAVING GROUPING(c.touchpoint_id) = 1 OR c.touchpoint_id IS NOT NULL
        ORDER BY negative DESC, t.name, t.id`,
    ),
  ]);
}

/**
 * The journey map for a filter set: the workspace's live stages in order, each with its live
 * touchpoints; per stage and per touchpoint the period's volume, the stage's main metric,
 * sentiment, the same for the comparison period (the trend), and the top negative themes.
 * Stages read the dashboard's feedback cube; touchpoints and themes the journey cubes
 * (journey_rollup, friction_rollup), or the raw rows when a region is filtered.
 */
export async function getJourneyMap(db: Db, workspaceId: number, filters: DashboardFilters, now = new Date()) {
  const period = resolvePeriod(filters.period, now);
  const previous = comparisonPeriod(period, filters.comparison);
  const ranges: LabelledRange[] = [{ which: "current", from: period.from, to: period.to }];
  if (previous) ranges.push({ which: "previous", from: previous.from, to: previous.to });
  const scope = { workspaceId, filters: { ...filters, stageId: undefined }, byStage: true };
  const reads: MapReads = { period, previous, ranges };

  const [stages, touchpoints, stageRows, [pointRows, themeRows]] = await Promise.all([
    queryRows<{ id: number; name: string; position: number; mainMetric: StageMetric }>(
      db,
      sql`SELECT id, name, position, main_metric::text AS "mainMetric" FROM journey_stages
        WHERE workspace_id = ${workspaceId} AND archived_at IS NULL ORDER BY position`,
    ),
    queryRows<{ id: number; stageId: number; name: string; channel: Channel }>(
      db,
      sql`SELECT id, stage_id AS "stageId", name, channel::text AS channel FROM touchpoints
        WHERE workspace_id = ${workspaceId} AND archived_at IS NULL ORDER BY name, id`,
    ),
    queryRows<GroupRow>(
      db,
      sql`SELECT which, stage_id AS id, metric_kind::text AS kind, sum(responses)::int AS responses, ${SUM_SCORES},
          sum(sentiment_milli_sum)::bigint AS "sentimentMilli", sum(sentiment_count)::int AS "sentimentCount"
        FROM ${cubeSource("feedback", scope, ranges, sql`stage_id IS NOT NULL`)}
        GROUP BY 1, 2, 3`,
    ),
    filters.region ? rawReads(db, workspaceId, filters, reads) : cubeReads(db, workspaceId, filters, reads),
  ]);

  const grouped = (rows: GroupRow[]) => {
    const map = new Map<string, GroupRow[]>();
    for (const row of rows) {
      const key = keyOf(row.which, row.id);
      const list = map.get(key);
      if (list) list.push(row);
      else map.set(key, [row]);
    }
    return map;
  };
  const byStage = grouped(stageRows);
  const byPoint = grouped(pointRows);
  const friction = new Map<string, JourneyPoint["friction"]>();
  for (const row of themeRows) {
    const key = keyOf(row.level, row.id);
    const list = friction.get(key) ?? [];
    if (list.length < FRICTION_THEMES) list.push({ themeId: row.themeId, name: row.name, negative: row.negative });
    friction.set(key, list);
  }
  const point = (groups: Map<string, GroupRow[]>, level: "stage" | "touchpoint", id: number, kind: StageMetric) => ({
    current: figuresOf(groups.get(keyOf("current", id)) ?? [], kind),
    previous: previous ? figuresOf(groups.get(keyOf("previous", id)) ?? [], kind) : null,
    friction: friction.get(keyOf(level, id)) ?? [],
  });

  return {
    period,
    comparison: previous,
    stages: stages.map((stage) => ({
      id: stage.id,
      name: stage.name,
      position: stage.position,
      mainMetric: stage.mainMetric,
      ...point(byStage, "stage", stage.id, stage.mainMetric),
      touchpoints: touchpoints
        .filter((t) => t.stageId === stage.id)
        .map((t) => ({
          id: t.id,
          name: t.name,
          channel: t.channel,
          ...point(byPoint, "touchpoint", t.id, stage.mainMetric),
        })),
    })),
  };
}
