import "server-only";
import { and, count, eq, gte, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { customers, feedback, orders } from "@/db/schema";
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

async function periodCounts(db: Db, workspaceId: number, period: Period): Promise<PeriodCounts> {
  const [fb, rev] = await Promise.all([
    db
      .select({ n: count() })
      .from(feedback)
      .where(
        and(
          eq(feedback.workspaceId, workspaceId),
          gte(feedback.receivedAt, period.start),
          lt(feedback.receivedAt, period.end),
        ),
      ),
    db
      .select({ total: sql<string>`coalesce(sum(${orders.amount}), 0)::text` })
      .from(orders)
      .where(
        and(eq(orders.workspaceId, workspaceId), gte(orders.orderedAt, period.start), lt(orders.orderedAt, period.end)),
      ),
  ]);
  return { feedback: fb[0]?.n ?? 0, revenue: rev[0]?.total ?? "0" };
}

/** Live counts for the Overview: feedback and net revenue this month and last, active customers. */
export async function getOverviewCounts(
  db: Db,
  workspace: { id: number; currency: string },
  now = new Date(),
): Promise<OverviewCounts> {
  const current = monthPeriod(now);
  const previous = monthPeriod(now, -1);
  const [thisMonth, lastMonth, active] = await Promise.all([
    periodCounts(db, workspace.id, current),
    periodCounts(db, workspace.id, previous),
    db
      .select({ n: count() })
      .from(customers)
      .where(and(eq(customers.workspaceId, workspace.id), isNull(customers.churnedAt))),
  ]);
  return {
    currency: workspace.currency,
    activeCustomers: active[0]?.n ?? 0,
    thisMonth: { ...current, ...thisMonth },
    lastMonth: { ...previous, ...lastMonth },
  };
}
