import "server-only";
import { and, desc, eq, ilike, lt, or } from "drizzle-orm";
import type { Db } from "@/db";
import { customers, segments } from "@/db/schema";
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
