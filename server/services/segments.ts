import "server-only";
import { and, asc, count, eq, gte, lte, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { customers, orders, segments } from "@/db/schema";
import { segmentRevenueWindowStart } from "../domain/segments";

/**
 * Every segment of the workspace with its size, its active (not churned) customers and the net
 * revenue (purchases + refunds, exact decimal string) of its customers over the trailing window.
 */
export async function listSegments(db: Db, workspaceId: number, now = new Date()) {
  const since = segmentRevenueWindowStart(now);
  const sizes = db
    .select({
      segmentId: customers.segmentId,
      customers: count().as("customers"),
      active: count(sql`case when ${customers.churnedAt} is null then 1 end`).as("active"),
    })
    .from(customers)
    .where(eq(customers.workspaceId, workspaceId))
    .groupBy(customers.segmentId)
    .as("sizes");
  const revenue = db
    .select({
      segmentId: customers.segmentId,
      total: sql<string>`sum(${orders.amount})`.as("total"),
    })
    .from(orders)
    .innerJoin(customers, and(eq(customers.workspaceId, orders.workspaceId), eq(customers.id, orders.customerId)))
    .where(and(eq(orders.workspaceId, workspaceId), gte(orders.orderedAt, since), lte(orders.orderedAt, now)))
    .groupBy(customers.segmentId)
    .as("revenue");

  const items = await db
    .select({
      id: segments.id,
      name: segments.name,
      description: segments.description,
      color: segments.color,
      customerCount: sql<number>`coalesce(${sizes.customers}, 0)`.mapWith(Number),
      activeCustomerCount: sql<number>`coalesce(${sizes.active}, 0)`.mapWith(Number),
      revenue: sql<string>`coalesce(${revenue.total}, 0)::text`,
    })
    .from(segments)
    .leftJoin(sizes, eq(sizes.segmentId, segments.id))
    .leftJoin(revenue, eq(revenue.segmentId, segments.id))
    .where(eq(segments.workspaceId, workspaceId))
    .orderBy(asc(segments.name), asc(segments.id));
  return { since, items };
}
