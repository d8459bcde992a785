import "server-only";
import { and, desc, eq, ilike, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { queryRows } from "@/db/client";
import { customers, customerState, feedback, orders, segments } from "@/db/schema";
import { type CustomerByIdInput, type ListCustomersInput, prefixPattern, wordPrefixPattern } from "../domain/customers";
import { notFound } from "../errors";
import { ERASE_ACTION } from "./customer-erasure";
import { customerTimeline } from "./customer-timeline";

/**
 * The workspace's customers, newest first, keyset-paginated on id. `search` matches the start of
 * the external id or the email, or the start of the name or of a word in it, case-insensitively,
 * with `%` and `_` taken literally; `segmentId` keeps one segment (null: customers without one).
 */
export async function listCustomers(db: Db, workspaceId: number, input: ListCustomersInput) {
  const term = input.search || null;
  const rows = await db
    .select({
      id: customers.id,
      externalId: customers.externalId,
      name: customers.name,
      segmentId: customers.segmentId,
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
        term
          ? or(
              ilike(customers.externalId, prefixPattern(term)),
              ilike(customers.email, prefixPattern(term)),
              ilike(customers.name, prefixPattern(term)),
              ilike(customers.name, wordPrefixPattern(term)),
            )
          : undefined,
        input.segmentId === undefined
          ? undefined
          : input.segmentId === null
            ? isNull(customers.segmentId)
            : eq(customers.segmentId, input.segmentId),
        input.cursor ? lt(customers.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(customers.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

/**
 * One customer of the workspace: their segment, latest NPS answer (category as the dashboard counts
 * it), revenue to date (exact net sum), activity counts, whether and when they were erased (from the
 * audit log), and one page of their timeline. Another workspace's customer is NOT_FOUND, exactly
 * like one that does not exist.
 */
export async function getCustomer(db: Db, workspaceId: number, input: CustomerByIdInput) {
  const { id } = input;
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
      segmentId: customers.segmentId,
      segmentName: segments.name,
      segmentColor: segments.color,
      npsScore: customerState.npsScore,
      npsCategory: customerState.npsCategory,
      npsAt: customerState.npsAt,
      revenueToDate: sql<string>`(SELECT coalesce(sum(${orders.amount}), 0)::text FROM ${orders} WHERE ${orders.customerId} = ${customers.id})`,
      orderCount: sql<number>`(SELECT count(*)::int FROM ${orders} WHERE ${orders.customerId} = ${customers.id})`,
      feedbackCount: sql<number>`(SELECT count(*)::int FROM ${feedback} WHERE ${feedback.customerId} = ${customers.id})`,
      lastFeedbackAt: sql<Date | null>`(SELECT max(${feedback.receivedAt}) FROM ${feedback} WHERE ${feedback.customerId} = ${customers.id})`,
    })
    .from(customers)
    .leftJoin(segments, and(eq(segments.workspaceId, customers.workspaceId), eq(segments.id, customers.segmentId)))
    .leftJoin(customerState, eq(customerState.customerId, customers.id))
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)));
  if (!row) throw notFound("Customer", id);
  const [erasure, timeline] = await Promise.all([
    queryRows<{ at: Date; byName: string | null }>(
      db,
      sql`SELECT e.at, u.name AS "byName" FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.workspace_id = ${workspaceId} AND e.entity_type = 'customer' AND e.entity_id = ${String(id)}
          AND e.action = ${ERASE_ACTION}
        ORDER BY e.id LIMIT 1`,
    ),
    customerTimeline(db, workspaceId, input),
  ]);
  const { npsScore, npsCategory, npsAt, ...customer } = row;
  const erased = erasure[0];
  return {
    ...customer,
    lastFeedbackAt: row.lastFeedbackAt ? new Date(row.lastFeedbackAt) : null,
    latestNps: npsScore === null || npsAt === null ? null : { score: npsScore, category: npsCategory, at: npsAt },
    /** Set once a GDPR erasure ran: name, email and free text are gone for good. */
    erased: erased ? { at: new Date(erased.at), byName: erased.byName } : null,
    timeline,
  };
}
