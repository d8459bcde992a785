import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { queryRows } from "@/db/client";
import { actions, kpiTargets } from "@/db/schema";
import { isActionUpForReview, isWholeWorkspaceScope, utcDate } from "../domain/actions";
import type { Kpi } from "../domain/enums";
import {
  type ChangeEstimate,
  divideMoney,
  IMPACT_MEASURE_BY_KPI,
  impactWindows,
  type ImpactMeasurement,
  measureImpact,
  multiplyMoneyByFraction,
  subtractMoney,
} from "../domain/kpi";
import { isReviewDue } from "../domain/targets";
import { AppError } from "../errors";
import { scopeSummaries } from "./actions-measure";
import { type ActionsActor, findVisibleAction, visibleActions } from "./actions";
import { workspaceCurrency } from "./dashboard-cube";

type ActionRow = typeof actions.$inferSelect;

const DAY_MS = 24 * 60 * 60 * 1000;
/** The trailing window the revenue model reads: a year, as revenue at risk does. */
const VALUE_DAYS = 365;
/** Done/verified actions the Impact view measures at most (newest completion first). */
export const IMPACT_OVERVIEW_LIMIT = 100;

/** What the measured change is worth, in the workspace currency (exact decimal strings). */
export interface RevenueWorth {
  currency: string;
  /** Revenue per point of the KPI in the action's segment (per unit of the mean for revenue). */
  perPoint: string;
  /** The change × perPoint, and the same for the CI's ends. */
  estimate: string;
  ci95: readonly [string, string];
  customers: number;
  basis: string;
}

/**
 * The revenue the change is worth in the action's segment (the whole workspace without one), from
 * the segment's customers and their net revenue over the trailing 365 days before the after-window
 * ends, with Δ the headline change in KPI points:
 * - NPS: a point is 1/200 of the customers moving from detractor to promoter (each move is worth
 *   200/N points), so perPoint = N × (mean revenue of promoters − of detractors) / 200, N = the
 *   segment's customers with an NPS answer in the year, each by their latest answer;
 * - CSAT: perPoint = N × (mean revenue of satisfied − of unsatisfied customers) / 100, likewise;
 * - churn: a point is 1% of the active customers lost, each worth the mean revenue per customer,
 *   so perPoint = −N × ARPC / 100 (a fall in churn is worth revenue);
 * - revenue: Δ is already money per customer over the window, perPoint = N active customers;
 * - CES: none (there is no per-customer revenue split on a mean score); null.
 * worth = Δ × perPoint, Δ rounded to 0.01 of a point, money rounded to the cent (exact
 * arithmetic). null when the split has an empty side (no promoters or no detractors, …) or no
 * headline change.
 */
async function revenueWorth(db: Db, action: ActionRow, change: ChangeEstimate | null, end: Date) {
  if (!change) return null;
  const measure = IMPACT_MEASURE_BY_KPI[action.kpi];
  if (!measure || measure.kind === "ces") return null;
  const from = new Date(end.getTime() - VALUE_DAYS * DAY_MS).toISOString();
  const to = end.toISOString();
  const ws = action.workspaceId;
  const segment = action.scopeSegmentId === null ? sql`TRUE` : sql`c.segment_id = ${action.scopeSegmentId}`;
  const revenue = sql`coalesce((SELECT sum(o.amount) FROM orders o WHERE o.workspace_id = c.workspace_id
    AND o.customer_id = c.id AND o.ordered_at >= ${from}::timestamptz AND o.ordered_at < ${to}::timestamptz), 0)`;
  let perPoint: string | null = null;
  let customers = 0;
  let basis: string;
  if (measure.kind === "nps" || measure.kind === "csat") {
    const [good, bad, divisor] = measure.kind === "nps" ? [9, 6, 200] : [4, 3, 100];
    const rows = await queryRows<{ side: "good" | "bad" | "middle"; n: number; total: string }>(
      db,
      sql`SELECT CASE WHEN latest.score >= ${good} THEN 'good' WHEN latest.score <= ${bad} THEN 'bad' ELSE 'middle' END AS side,
          count(*)::int AS n, coalesce(sum(${revenue}), 0)::text AS total
        FROM customers c
        JOIN LATERAL (SELECT f.score FROM feedback f WHERE f.workspace_id = c.workspace_id AND f.customer_id = c.id
          AND f.metric_kind = ${measure.kind} AND f.score IS NOT NULL
          AND f.received_at >= ${from}::timestamptz AND f.received_at < ${to}::timestamptz
          ORDER BY f.received_at DESC, f.id DESC LIMIT 1) latest ON TRUE
        WHERE c.workspace_id = ${ws} AND ${segment}
        GROUP BY 1`,
    );
    const side = (name: string) => rows.find((r) => r.side === name);
    const goodRow = side("good");
    const badRow = side("bad");
    customers = rows.reduce((sum, r) => sum + r.n, 0);
    if (goodRow && badRow) {
      const gap = subtractMoney(divideMoney(goodRow.total, goodRow.n), divideMoney(badRow.total, badRow.n));
      perPoint = multiplyMoneyByFraction(gap, customers, divisor);
    }
    basis =
      measure.kind === "nps"
        ? "customers × (mean revenue of promoters − detractors) / 200, by each customer's latest NPS answer in the trailing year"
        : "customers × (mean revenue of satisfied − unsatisfied customers) / 100, by each customer's latest CSAT answer in the trailing year";
  } else {
    const [row] = await queryRows<{ n: number; total: string }>(
      db,
      sql`SELECT count(*)::int AS n, coalesce(sum(${revenue}), 0)::text AS total FROM customers c
        WHERE c.workspace_id = ${ws} AND ${segment} AND c.created_at < ${to}::timestamptz
          AND (c.churned_at IS NULL OR c.churned_at >= ${from}::timestamptz)`,
    );
    customers = row?.n ?? 0;
    if (customers > 0 && measure.kind === "share") perPoint = multiplyMoneyByFraction(row!.total, -1, 100);
    if (customers > 0 && measure.kind === "mean") perPoint = `${customers}.00`;
    basis =
      measure.kind === "share"
        ? "−(the segment's trailing-year revenue) / 100: each point of churn loses 1% of its active customers at the mean revenue"
        : "the segment's active customers: the change is revenue per customer";
  }
  if (perPoint === null) return null;
  const worth = (points: number) => multiplyMoneyByFraction(perPoint, Math.round(points * 100), 100);
  return {
    currency: await workspaceCurrency(db, ws),
    perPoint,
    estimate: worth(change.estimate),
    ci95: [worth(change.ci95[0]), worth(change.ci95[1])] as const,
    customers,
    basis,
  } satisfies RevenueWorth;
}

export interface ActionImpact {
  actionId: number;
  title: string;
  kpi: Kpi;
  status: ActionRow["status"];
  completedAt: Date;
  windows: { before: { start: Date; end: Date }; after: { start: Date; end: Date }; lengthDays: number };
  /** Whether a comparison group outside the scope exists (not for a whole-workspace scope). */
  comparison: boolean;
  measurement: ImpactMeasurement | null;
  /** The headline change: difference-in-differences, or before/after without a comparison group. */
  headline: ChangeEstimate | null;
  verdict: ImpactMeasurement["verdict"];
  explanation: string;
  worth: RevenueWorth | null;
}

/**
 * The impact of a done or verified action: its KPI over the scope in equal windows before and
 * after completion (impactWindows), against the customers outside the scope over the same windows
 * (difference-in-differences, measureImpact), with sample sizes, the 95% CI, the verdict and the
 * revenue the change is worth. "cannot tell" when the after-window is still under 14 days, the KPI
 * is not measured per response (revenue at risk), or a group has under 30 responses.
 */
export async function measureActionImpact(
  db: Db,
  actor: ActionsActor,
  input: { id: number; windowDays: number },
  now = new Date(),
): Promise<ActionImpact> {
  const action = await findVisibleAction(db, actor, input.id);
  if ((action.status !== "done" && action.status !== "verified") || !action.completedAt) {
    throw new AppError("INVALID_STATE", `Action ${action.id} is not done yet; its impact is measured once it is done.`);
  }
  return impactOf(db, action as ActionRow & { completedAt: Date }, input.windowDays, now);
}

async function impactOf(db: Db, action: ActionRow & { completedAt: Date }, windowDays: number, now: Date) {
  const windows = impactWindows(action.completedAt, now, windowDays);
  const comparison = !isWholeWorkspaceScope(action);
  const base = {
    actionId: action.id,
    title: action.title,
    kpi: action.kpi,
    status: action.status,
    completedAt: action.completedAt,
    windows: { before: windows.before, after: windows.after, lengthDays: windows.lengthDays },
    comparison,
  };
  const measure = IMPACT_MEASURE_BY_KPI[action.kpi];
  const summaries = windows.tooShort
    ? null
    : await scopeSummaries(db, action.workspaceId, action, action.kpi, [windows.before, windows.after]);
  if (!measure || !summaries) {
    const explanation = !measure
      ? "The data cannot tell: revenue at risk is a stock, not a per-response outcome; measure NPS on the scope instead."
      : `The data cannot tell yet: ${windows.explanation}`;
    return { ...base, measurement: null, headline: null, verdict: "cannot tell" as const, explanation, worth: null };
  }
  const [before, after] = summaries as [(typeof summaries)[number], (typeof summaries)[number]];
  const measurement = measureImpact({
    kind: measure.kind,
    higherIsBetter: measure.higherIsBetter,
    scope: { before: before.inside, after: after.inside },
    comparison: comparison ? { before: before.outside, after: after.outside } : null,
  });
  const headline = comparison ? measurement.differenceInDifferences : measurement.beforeAfter;
  const worth =
    measurement.verdict === "cannot tell" ? null : await revenueWorth(db, action, headline, windows.after.end);
  return {
    ...base,
    measurement,
    headline,
    verdict: measurement.verdict,
    explanation: measurement.explanation,
    worth,
  };
}

/**
 * The Impact view: the done and verified actions the actor sees (newest completion first, at most
 * IMPACT_OVERVIEW_LIMIT), each measured as {@link measureActionImpact}, sorted by the revenue the
 * change is worth (money compares across KPIs), then by how sure the gain is (the headline's z =
 * estimate / SE, signed so that better is higher), measured before "cannot tell".
 */
export async function actionImpactOverview(db: Db, actor: ActionsActor, windowDays: number, now = new Date()) {
  const rows = await db
    .select()
    .from(actions)
    .where(
      and(
        eq(actions.workspaceId, actor.workspaceId),
        visibleActions(actor),
        inArray(actions.status, ["done", "verified"]),
        isNotNull(actions.completedAt),
      ),
    )
    .orderBy(desc(actions.completedAt), asc(actions.id))
    .limit(IMPACT_OVERVIEW_LIMIT);
  const items: ActionImpact[] = [];
  for (const row of rows) items.push(await impactOf(db, row as ActionRow & { completedAt: Date }, windowDays, now));
  const z = (item: ActionImpact) => {
    if (!item.headline || item.verdict === "cannot tell" || item.headline.standardError === 0) return -Infinity;
    const sign = IMPACT_MEASURE_BY_KPI[item.kpi]?.higherIsBetter === false ? -1 : 1;
    return (sign * item.headline.estimate) / item.headline.standardError;
  };
  const money = (item: ActionImpact) => (item.worth ? Number(item.worth.estimate) : -Infinity);
  items.sort((a, b) => money(b) - money(a) || z(b) - z(a) || a.actionId - b.actionId);
  return { items };
}

/**
 * "Up for review": the KPI targets whose review date has come, and the actions (that the actor
 * sees) whose review is due and that are not final (isActionUpForReview), oldest review first.
 */
export async function listUpForReview(db: Db, actor: ActionsActor, now = new Date()) {
  const today = utcDate(now);
  const [targets, actionRows] = await Promise.all([
    db
      .select({
        id: kpiTargets.id,
        kpi: kpiTargets.kpi,
        scope: kpiTargets.scope,
        segmentId: kpiTargets.segmentId,
        stageId: kpiTargets.stageId,
        channel: kpiTargets.channel,
        targetValue: kpiTargets.targetValue,
        reviewDate: kpiTargets.reviewDate,
      })
      .from(kpiTargets)
      .where(and(eq(kpiTargets.workspaceId, actor.workspaceId), sql`${kpiTargets.reviewDate} <= ${today}::date`))
      .orderBy(asc(kpiTargets.reviewDate), asc(kpiTargets.id)),
    db
      .select({
        id: actions.id,
        title: actions.title,
        status: actions.status,
        kpi: actions.kpi,
        reviewDate: actions.reviewDate,
        ownerTeamId: actions.ownerTeamId,
      })
      .from(actions)
      .where(
        and(
          eq(actions.workspaceId, actor.workspaceId),
          visibleActions(actor),
          sql`${actions.reviewDate} <= ${today}::date`,
        ),
      )
      .orderBy(asc(actions.reviewDate), asc(actions.id)),
  ]);
  return {
    today,
    targets: targets.filter((t) => isReviewDue(t, today)),
    actions: actionRows.filter((a) => isActionUpForReview(a, today)),
  };
}
