import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { queryRows } from "@/db/client";
import type { DashboardFilters } from "../domain/dashboard/filters";
import { rollupSpans } from "../domain/dashboard/rollup-spans";
import {
  cesTotalsFromScoreCounts,
  computeCes,
  computeCsat,
  computeNps,
  csatCountsFromScoreCounts,
  npsBucketsFromScoreCounts,
  type ScoreCounts,
} from "../domain/kpi";
import { SCORE_RANGES } from "../domain/scores";

/**
 * Reading the rollup cubes (db/schema/rollups.ts) for a filter set: which breakdown rows to read
 * (`dims`), which buckets cover a period, and turning score-count rows into KPI figures. Every
 * dashboard query goes through here, so the cube's conventions live in one place.
 */

export type ScoredKind = "nps" | "csat" | "ces";
export const SCORED_KINDS: readonly ScoredKind[] = ["nps", "csat", "ces"];
const SCORES = Array.from({ length: 11 }, (_, k) => k);

/** sum(s0)::int AS s0, …: the score counts of a grouped cube read. */
export const SUM_SCORES = sql.raw(SCORES.map((k) => `sum(s${k})::int AS s${k}`).join(", "));

/** The cubes: the dashboard's (db/schema/rollups.ts) and the journey map's, refreshed per dirty day. */
export type CubeTable = "feedback" | "orders" | "journey" | "friction";
const CUBE_TABLES: Record<CubeTable, string> = {
  feedback: "feedback_rollup",
  orders: "orders_rollup",
  journey: "journey_rollup",
  friction: "friction_rollup",
};

export interface CubeScope {
  workspaceId: number;
  filters: DashboardFilters;
  /** The read groups by journey stage (the heatmap): per-stage rows even without a stage filter. */
  byStage?: boolean;
}

/**
 * The cube rows of a scope: its workspace, the breakdown its channel/region filters need (the
 * smallest one: no filter reads the rows without channel or region), stage totals unless the
 * read is by stage, and its segments. `stage` narrows feedback only (orders have no stage).
 */
export function cubeRows({ workspaceId, filters, byStage }: CubeScope, table: CubeTable): SQL {
  const hasRegion = table === "feedback" || table === "orders";
  if (filters.region && !hasRegion) throw new Error(`${CUBE_TABLES[table]} has no region breakdown: read raw rows`);
  // feedback without a stage filter or grouping reads the stage totals (ROLLUP_DIMS.allStages)
  const allStages = table === "feedback" && !filters.stageId && !byStage ? 4 : 0;
  const dims = (filters.channel ? 2 : 0) | (filters.region ? 1 : 0) | allStages;
  const parts: SQL[] = [
    sql`workspace_id = ${workspaceId}`,
    sql`dims = ${dims}`,
    filters.channel ? sql`channel = ${filters.channel}` : sql`channel IS NULL`,
  ];
  if (hasRegion) parts.push(filters.region ? sql`region = ${filters.region}` : sql`region IS NULL`);
  if (filters.segmentIds.length > 0) parts.push(idIn("segment_id", filters.segmentIds));
  if (table !== "orders" && filters.stageId) parts.push(sql`stage_id = ${filters.stageId}`);
  return sql.join(parts, sql` AND `);
}

/** `column IN (ids…)`, as parameters (the column is trusted code, never input). */
export function idIn(column: "id" | "segment_id", ids: readonly number[]): SQL {
  return sql`${sql.raw(column)} IN (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}

/** A period to read, named: its rows carry the name in a `which` column. */
export interface LabelledRange {
  which: string;
  from: string;
  to: string;
  /** Whole calendar months from `from`'s to `to`'s, from month rows alone (monthly series). */
  wholeMonths?: boolean;
}

/**
 * The cube rows of a scope covering each labelled range's whole days exactly once (whole months
 * from month rows, ragged ends from day rows), as a subquery `c` with a `which` column. One
 * UNION ALL arm per span, so each is one contiguous range of the cube's key — a plan that does not
 * depend on statistics. Overlapping ranges (a period and its trailing year) each get their rows.
 */
export function cubeSource(table: CubeTable, scope: CubeScope, ranges: LabelledRange[], where: SQL = sql`TRUE`): SQL {
  const name = sql.raw(CUBE_TABLES[table]);
  const arms = ranges.flatMap((range) =>
    (range.wholeMonths
      ? [{ grain: "month" as const, from: `${range.from.slice(0, 7)}-01`, to: `${range.to.slice(0, 7)}-01` }]
      : rollupSpans(range.from, range.to)
    ).map(
      (span) => sql`SELECT ${range.which}::text AS which, r.* FROM ${name} r
        WHERE ${cubeRows(scope, table)} AND ${where}
          AND grain = ${span.grain} AND bucket BETWEEN ${span.from}::date AND ${span.to}::date`,
    ),
  );
  if (arms.length === 0) arms.push(sql`SELECT NULL::text AS which, r.* FROM ${name} r WHERE FALSE`);
  return sql`(${sql.join(arms, sql` UNION ALL `)}) AS c`;
}

/** Month rows of the months `fromMonth`..`toMonth` (YYYY-MM), for monthly trends. */
export function monthRows(fromMonth: string, toMonth: string): SQL {
  return sql`grain = 'month' AND bucket BETWEEN ${`${fromMonth}-01`}::date AND ${`${toMonth}-01`}::date`;
}

export type ScoreRow = Record<`s${number}`, number>;

/** The score counts of one metric kind from a row of {@link SUM_SCORES} (missing row: none). */
export function scoreCountsOf(row: ScoreRow | undefined, kind: ScoredKind): ScoreCounts {
  const counts: Record<number, number> = {};
  if (!row) return counts;
  const { min, max } = SCORE_RANGES[kind];
  for (let score = min; score <= max; score++) counts[score] = Number(row[`s${score}`] ?? 0);
  return counts;
}

export const npsOf = (row: ScoreRow | undefined) => computeNps(npsBucketsFromScoreCounts(scoreCountsOf(row, "nps")));
export const csatOf = (row: ScoreRow | undefined) => computeCsat(csatCountsFromScoreCounts(scoreCountsOf(row, "csat")));
export const cesOf = (row: ScoreRow | undefined) => computeCes(cesTotalsFromScoreCounts(scoreCountsOf(row, "ces")));

/** Key of grouped rows: the group columns joined, so results can be looked up per key. */
export function keyOf(...parts: (string | number | null | undefined)[]): string {
  return parts.map((p) => (p === null || p === undefined ? "∅" : String(p))).join("|");
}

export function indexRows<T>(rows: T[], key: (row: T) => string): Map<string, T> {
  return new Map(rows.map((row) => [key(row), row]));
}

export async function workspaceCurrency(db: Db, workspaceId: number): Promise<string> {
  const [row] = await queryRows<{ currency: string }>(
    db,
    sql`SELECT currency FROM workspaces WHERE id = ${workspaceId}`,
  );
  return row?.currency ?? "USD";
}

export interface SegmentInfo {
  id: number | null;
  name: string;
  color: string | null;
}

/** The workspace's segments (only `segmentIds`, when some are given), by name. */
export async function segmentsOf(
  db: Db,
  workspaceId: number,
  segmentIds: readonly number[] = [],
): Promise<SegmentInfo[]> {
  return queryRows<SegmentInfo>(
    db,
    sql`SELECT id, name, color FROM segments WHERE workspace_id = ${workspaceId}
      ${segmentIds.length > 0 ? sql`AND ${idIn("id", segmentIds)}` : sql``}
      ORDER BY name, id`,
  );
}
