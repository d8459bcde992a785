import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { queryRows } from "@/db/client";
import { monthPeriod, type Period } from "../domain/period";

export interface PeriodCounts {
  feedback: number;
  /** Net revenue (purchases + refunds), exact decimal string. */
  revenue: string;
}

export interface OverviewCounts {
  currency: string;
  activeCustomers: number;
  thisMonth: PeriodCounts & Period;
  lastMonth: PeriodCounts & Period;
}

/**
 * Feedback and net revenue of whole UTC months, from the month rows of the rollup cubes (kept in
 * the writing transaction, so as live as the raw tables): a few rows instead of a month of items.
 */
async function monthCounts(db: Db, workspaceId: number, months: Period[]): Promise<Map<string, PeriodCounts>> {
  const buckets = months.map((m) => m.start.toISOString().slice(0, 10));
  const list = sql.join(
    buckets.map((b) => sql`${b}::date`),
    sql`, `,
  );
  const [fb, rev] = await Promise.all([
    queryRows<{ bucket: string; n: number }>(
      db,
      // dims 4: every stage, no channel or region breakdown; every metric kind, anonymous included
      sql`SELECT bucket::text AS bucket, sum(responses)::int AS n FROM feedback_rollup
        WHERE workspace_id = ${workspaceId} AND dims = 4 AND channel IS NULL AND region IS NULL
          AND grain = 'month' AND bucket IN (${list})
        GROUP BY 1`,
    ),
    queryRows<{ bucket: string; total: string }>(
      db,
      sql`SELECT bucket::text AS bucket, sum(revenue)::text AS total FROM orders_rollup
        WHERE workspace_id = ${workspaceId} AND dims = 0 AND channel IS NULL AND region IS NULL
          AND grain = 'month' AND bucket IN (${list})
        GROUP BY 1`,
    ),
  ]);
  return new Map(
    buckets.map((bucket) => [
      bucket,
      {
        feedback: fb.find((r) => r.bucket === bucket)?.n ?? 0,
        revenue: rev.find((r) => r.bucket === bucket)?.total ?? "0",
      },
    ]),
  );
}

/** Live counts for the Overview: feedback and net revenue this month and last, active customers. */
export async function getOverviewCounts(
  db: Db,
  workspace: { id: number; currency: string },
  now = new Date(),
): Promise<OverviewCounts> {
  const current = monthPeriod(now);
  const previous = monthPeriod(now, -1);
  const [counts, active] = await Promise.all([
    monthCounts(db, workspace.id, [current, previous]),
    // customers who have not churned: customer_rollup counts exactly those, by joining month
    queryRows<{ n: number }>(
      db,
      sql`SELECT coalesce(sum(customers), 0)::int AS n FROM customer_rollup
        WHERE workspace_id = ${workspace.id} AND dims = 0 AND region IS NULL AND grain = 'month'`,
    ),
  ]);
  const of = (period: Period) => counts.get(period.start.toISOString().slice(0, 10))!;
  return {
    currency: workspace.currency,
    activeCustomers: active[0]?.n ?? 0,
    thisMonth: { ...current, ...of(current) },
    lastMonth: { ...previous, ...of(previous) },
  };
}
