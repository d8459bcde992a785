import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { queryRows } from "@/db/client";
import type { ActionScopeColumns } from "../domain/actions";
import type { Kpi } from "../domain/enums";
import {
  csatCountsFromScoreCounts,
  estimateGroup,
  IMPACT_MEASURE_BY_KPI,
  type ImpactKind,
  type ImpactSummaryByKind,
  meanSummaryFromScoreCounts,
  npsBucketsFromScoreCounts,
  type ScoreCounts,
} from "../domain/kpi";
import type { Period } from "../domain/period";

/**
 * The KPI engine's inputs for an action's scope, read from the raw tables (the rollup cubes have no
 * theme dimension): per time window, the summary of the responses or customers inside the scope
 * and, for a comparison group, outside it. Every figure is then computed by server/domain/kpi.
 *
 * Scope, all parts ANDed (see actionScopeInput): a feedback item is in it when its customer is in
 * the segment, it is tagged with the stage, came through the channel and carries the theme. A
 * customer (churn, revenue) is in it when in the segment and, if the scope names a stage, channel
 * or theme, they gave at least one feedback item matching those parts.
 */

/** Days of the baseline window before an action's creation. */
export const BASELINE_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The baseline window ending at `at`: [at − 90 days, at). */
export function baselineWindow(at: Date): Period {
  return { start: new Date(at.getTime() - BASELINE_DAYS * DAY_MS), end: at };
}

/** Whether feedback row `f` is in the scope (TRUE for an empty scope). */
function feedbackInScope(scope: ActionScopeColumns): SQL {
  const parts: SQL[] = [];
  if (scope.scopeSegmentId !== null) {
    parts.push(sql`EXISTS (SELECT 1 FROM customers c WHERE c.workspace_id = f.workspace_id AND c.id = f.customer_id
      AND c.segment_id = ${scope.scopeSegmentId})`);
  }
  parts.push(...touchScope(scope));
  return parts.length === 0 ? sql`TRUE` : sql.join(parts, sql` AND `);
}

/** The stage, channel and theme parts on feedback row `f`. */
function touchScope(scope: ActionScopeColumns): SQL[] {
  const parts: SQL[] = [];
  if (scope.scopeStageId !== null) parts.push(sql`f.stage_id = ${scope.scopeStageId}`);
  if (scope.scopeChannel !== null) parts.push(sql`f.channel = ${scope.scopeChannel}`);
  if (scope.scopeThemeId !== null) {
    parts.push(
      sql`EXISTS (SELECT 1 FROM feedback_themes ft WHERE ft.feedback_id = f.id AND ft.theme_id = ${scope.scopeThemeId})`,
    );
  }
  return parts;
}

/** Whether customer row `c` is in the scope (TRUE for an empty scope). */
function customerInScope(scope: ActionScopeColumns): SQL {
  const parts: SQL[] = [];
  if (scope.scopeSegmentId !== null) parts.push(sql`c.segment_id = ${scope.scopeSegmentId}`);
  const touch = touchScope(scope);
  if (touch.length > 0) {
    parts.push(sql`EXISTS (SELECT 1 FROM feedback f WHERE f.workspace_id = c.workspace_id AND f.customer_id = c.id
      AND ${sql.join(touch, sql` AND `)})`);
  }
  return parts.length === 0 ? sql`TRUE` : sql.join(parts, sql` AND `);
}

const iso = (at: Date) => at.toISOString();

/** Per window: the summary inside the scope and outside it. */
export interface WindowSummaries<K extends ImpactKind> {
  inside: ImpactSummaryByKind[K];
  outside: ImpactSummaryByKind[K];
}

type ScoredKind = "nps" | "csat" | "ces";

function summaryOfScores(kind: ScoredKind, counts: ScoreCounts): ImpactSummaryByKind[ScoredKind] {
  if (kind === "nps") return npsBucketsFromScoreCounts(counts);
  if (kind === "csat") return csatCountsFromScoreCounts(counts);
  return meanSummaryFromScoreCounts("ces", counts);
}

/** Score counts of `kind` per window, inside and outside the scope, in one scan of the windows' range. */
async function scoredSummaries(
  db: Db,
  workspaceId: number,
  scope: ActionScopeColumns,
  kind: ScoredKind,
  windows: readonly Period[],
): Promise<WindowSummaries<ScoredKind>[]> {
  const which = sql.join(
    windows.map(
      (w, i) =>
        sql`WHEN f.received_at >= ${iso(w.start)}::timestamptz AND f.received_at < ${iso(w.end)}::timestamptz THEN ${i}`,
    ),
    sql` `,
  );
  const from = new Date(Math.min(...windows.map((w) => w.start.getTime())));
  const to = new Date(Math.max(...windows.map((w) => w.end.getTime())));
  const rows = await queryRows<{ w: number | null; inside: boolean; score: number; n: number }>(
    db,
    sql`SELECT (CASE ${which} END)::int AS w, (${feedbackInScope(scope)}) AS inside, f.score::int AS score, count(*)::int AS n
      FROM feedback f
      WHERE f.workspace_id = ${workspaceId} AND f.metric_kind = ${kind} AND f.score IS NOT NULL
        AND f.received_at >= ${iso(from)}::timestamptz AND f.received_at < ${iso(to)}::timestamptz
      GROUP BY 1, 2, 3`,
  );
  return windows.map((_, i) => {
    const inside: Record<number, number> = {};
    const outside: Record<number, number> = {};
    for (const row of rows) {
      if (row.w !== i) continue;
      const counts = row.inside ? inside : outside;
      counts[row.score] = (counts[row.score] ?? 0) + row.n;
    }
    return { inside: summaryOfScores(kind, inside), outside: summaryOfScores(kind, outside) };
  });
}

/**
 * Churn of a window, inside and outside the scope: customers active at its start (joined before,
 * not churned before) and how many of them churned in it.
 */
async function churnSummaries(db: Db, workspaceId: number, scope: ActionScopeColumns, windows: readonly Period[]) {
  return Promise.all(
    windows.map(async (w) => {
      const rows = await queryRows<{ inside: boolean; total: number; part: number }>(
        db,
        sql`SELECT (${customerInScope(scope)}) AS inside,
            count(*)::int AS total,
            count(*) FILTER (WHERE c.churned_at < ${iso(w.end)}::timestamptz)::int AS part
          FROM customers c
          WHERE c.workspace_id = ${workspaceId} AND c.created_at < ${iso(w.start)}::timestamptz
            AND (c.churned_at IS NULL OR c.churned_at >= ${iso(w.start)}::timestamptz)
          GROUP BY 1`,
      );
      const of = (inside: boolean) => {
        const row = rows.find((r) => r.inside === inside);
        return { part: row?.part ?? 0, total: row?.total ?? 0 };
      };
      return { inside: of(true), outside: of(false) };
    }),
  );
}

/** Net revenue of one window, exact, and the customers active in it (joined before its end, not churned before its start). */
interface RevenueRow {
  inside: boolean;
  n: number;
  total: string;
  sumOfSquares: string;
}

/**
 * Revenue per active customer of a window, inside and outside the scope: each customer's net
 * orders in the window (0 without orders) as one value; the exact total comes along for the baseline.
 */
async function revenueRows(db: Db, workspaceId: number, scope: ActionScopeColumns, w: Period): Promise<RevenueRow[]> {
  return queryRows<RevenueRow>(
    db,
    sql`SELECT inside, count(*)::int AS n, coalesce(sum(v), 0)::text AS total, coalesce(sum(v * v), 0)::text AS "sumOfSquares"
      FROM (
        SELECT (${customerInScope(scope)}) AS inside,
          coalesce((SELECT sum(o.amount) FROM orders o WHERE o.workspace_id = c.workspace_id AND o.customer_id = c.id
            AND o.ordered_at >= ${iso(w.start)}::timestamptz AND o.ordered_at < ${iso(w.end)}::timestamptz), 0) AS v
        FROM customers c
        WHERE c.workspace_id = ${workspaceId} AND c.created_at < ${iso(w.end)}::timestamptz
          AND (c.churned_at IS NULL OR c.churned_at >= ${iso(w.start)}::timestamptz)
      ) AS per_customer
      GROUP BY inside`,
  );
}

function revenueSummary(rows: RevenueRow[], inside: boolean): ImpactSummaryByKind["mean"] {
  const row = rows.find((r) => r.inside === inside);
  return { count: row?.n ?? 0, sum: Number(row?.total ?? 0), sumOfSquares: Number(row?.sumOfSquares ?? 0) };
}

/**
 * The summaries of `kpi`'s impact measure (IMPACT_MEASURE_BY_KPI) per window, inside and outside
 * the scope; null for a KPI that is not measured per response (revenue at risk).
 */
export async function scopeSummaries(
  db: Db,
  workspaceId: number,
  scope: ActionScopeColumns,
  kpi: Kpi,
  windows: readonly Period[],
): Promise<WindowSummaries<ImpactKind>[] | null> {
  const measure = IMPACT_MEASURE_BY_KPI[kpi];
  if (!measure) return null;
  if (measure.kind === "share") return churnSummaries(db, workspaceId, scope, windows);
  if (measure.kind === "mean") {
    return Promise.all(
      windows.map(async (w) => {
        const rows = await revenueRows(db, workspaceId, scope, w);
        return { inside: revenueSummary(rows, true), outside: revenueSummary(rows, false) };
      }),
    );
  }
  return scoredSummaries(db, workspaceId, scope, measure.kind as ScoredKind, windows);
}

export interface Baseline {
  /** numeric(14, 2) text, or null when the KPI has no baseline or the scope had no data. */
  value: string | null;
  /** Responses (NPS, CSAT, CES) or customers (churn, revenue) it was computed from. */
  sampleSize: number | null;
  window: Period;
}

/**
 * The baseline of `kpi` over the scope in the 90 days before `at`, as the dashboard defines the
 * KPI: NPS/CSAT/CES on the responses, churn on the customers active at the window's start, revenue
 * the exact net sum of the scope's customers' orders. Revenue at risk has none (not a per-response
 * outcome; see IMPACT_MEASURE_BY_KPI). Rounded half away from zero to 2 places.
 */
export async function computeBaseline(
  db: Db,
  workspaceId: number,
  scope: ActionScopeColumns,
  kpi: Kpi,
  at: Date,
): Promise<Baseline> {
  const window = baselineWindow(at);
  const measure = IMPACT_MEASURE_BY_KPI[kpi];
  if (!measure) return { value: null, sampleSize: null, window };
  if (measure.kind === "mean") {
    const rows = await revenueRows(db, workspaceId, scope, window);
    const row = rows.find((r) => r.inside);
    return { value: row ? row.total : "0.00", sampleSize: row?.n ?? 0, window };
  }
  const [summaries] = (await scopeSummaries(db, workspaceId, scope, kpi, [window]))!;
  const estimate = estimateGroup(measure.kind, summaries!.inside);
  return { value: estimate.value === null ? null : roundTo2(estimate.value), sampleSize: estimate.sampleSize, window };
}

/** x with 2 decimals, half away from zero, as numeric text ("-0.00" → "0.00"). */
function roundTo2(x: number): string {
  const cents = Math.sign(x) * Math.round(Math.abs(x) * 100);
  return (cents === 0 ? 0 : cents / 100).toFixed(2);
}
