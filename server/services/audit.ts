import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "@/db";
import { auditEvents, users } from "@/db/schema";

/** A database handle or an open transaction: audit rows are written in the caller's transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

export interface AuditEntry {
  workspaceId: number;
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

/** Append one audit event; call it inside the transaction of the change it records. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    workspaceId: entry.workspaceId,
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/** The workspace's audit log, newest first, keyset-paginated on id. */
export async function listAuditEvents(db: Db, workspaceId: number, input: { cursor?: number | null; limit: number }) {
  const rows = await db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      before: auditEvents.before,
      after: auditEvents.after,
      at: auditEvents.at,
      actorName: users.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(eq(auditEvents.workspaceId, workspaceId), input.cursor ? lt(auditEvents.id, input.cursor) : undefined),
    )
    .orderBy(desc(auditEvents.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}
