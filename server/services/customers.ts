import "server-only";
import { and, desc, eq, ilike, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { customers, feedback, orders, segments } from "@/db/schema";
import { notFound } from "../errors";
import { containsPattern, type ListCustomersInput } from "../domain/customers";

/**
 * The workspace's customers, newest first, keyset-paginated on id. `search` matches external id,
 * name or email anywhere, case-insensitively, with `%` and `_` taken literally.
 */
export async function listCustomers(db: Db, workspaceId: number, input: ListCustomersInput) {
  const pattern = input.search ? containsPattern(input.search) : null;
  const rows = await db
    .select({
      id: customers.id,
      externalId: customers.externalId,
      name: customers.name,
      segmentName: segments.name,
      region: customers.region,
      createdAt: customers.createdAt,
      churnedAt: customers.churnedAt,
    })
    .from(customers)
    .leftJoin(segments, and(eq(segments.workspaceId, customers.workspaceId), eq(segments.id, customers.segmentId)))
    .where(
      and(
        eq(customers.workspaceId, workspaceId),
        pattern
          ? or(ilike(customers.externalId, pattern), ilike(customers.name, pattern), ilike(customers.email, pattern))
          : undefined,
        input.cursor ? lt(customers.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(customers.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

/**
 * One customer of the workspace with their revenue to date (exact net sum) and activity counts.
 * A customer of another workspace is NOT_FOUND, exactly like one that does not exist.
 */
export async function getCustomer(db: Db, workspaceId: number, id: number) {
  const [row] = await db
    .select({
      id: customers.id,
      externalId: customers.externalId,
      name: customers.name,
      email: customers.email,
      region: customers.region,
      preferredChannel: customers.preferredChannel,
      createdAt: customers.createdAt,
      churnedAt: customers.churnedAt,
      segmentName: segments.name,
      segmentColor: segments.color,
      revenueToDate: sql<string>`(SELECT coalesce(sum(${orders.amount}), 0)::text FROM ${orders} WHERE ${orders.customerId} = ${customers.id})`,
      orderCount: sql<number>`(SELECT count(*)::int FROM ${orders} WHERE ${orders.customerId} = ${customers.id})`,
      feedbackCount: sql<number>`(SELECT count(*)::int FROM ${feedback} WHERE ${feedback.customerId} = ${customers.id})`,
      lastFeedbackAt: sql<Date | null>`(SELECT max(${feedback.receivedAt}) FROM ${feedback} WHERE ${feedback.customerId} = ${customers.id})`,
    })
    .from(customers)
    .leftJoin(segments, and(eq(segments.workspaceId, customers.workspaceId), eq(segments.id, customers.segmentId)))
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)));
  if (!row) throw notFound("Customer", id);
  return { ...row, lastFeedbackAt: row.lastFeedbackAt ? new Date(row.lastFeedbackAt) : null };
}
