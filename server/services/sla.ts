import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { auditEvents, slaPolicies } from "@/db/schema";
import { PRIORITIES, type Priority } from "../domain/enums";
import { DEFAULT_SLA_POLICY, resolveSlaPolicy, type SlaPolicy } from "../domain/triage";
import { loadSlaPolicy } from "./triage";

/** The policy in force, per priority, and whether each row is the workspace's own or the default. */
export async function getSlaPolicy(db: Db, workspaceId: number) {
  const own = await db
    .select({
      priority: slaPolicies.priority,
      firstResponseHours: slaPolicies.firstResponseHours,
      resolutionHours: slaPolicies.resolutionHours,
    })
    .from(slaPolicies)
    .where(eq(slaPolicies.workspaceId, workspaceId));
  const policy = resolveSlaPolicy(own);
  return PRIORITIES.map((priority) => ({
    priority,
    ...policy[priority],
    isDefault: !own.some((r) => r.priority === priority),
    defaults: DEFAULT_SLA_POLICY[priority],
  }));
}

/**
 * Replace the workspace's targets for the priorities given (others keep theirs). The domain
 * checks them (positive hours, resolution ≥ first response). Applies to due dates computed from
 * now on: triage, priority changes, reopen and new items. Audited with before and after.
 */
export async function updateSlaPolicy(
  db: Db,
  actor: { userId: number; workspaceId: number },
  rows: { priority: Priority; firstResponseHours: number; resolutionHours: number }[],
): Promise<SlaPolicy> {
  const next = resolveSlaPolicy(rows);
  return db.transaction(async (tx) => {
    const before = await loadSlaPolicy(tx as unknown as Db, actor.workspaceId);
    for (const row of rows) {
      await tx
        .insert(slaPolicies)
        .values({ workspaceId: actor.workspaceId, ...row })
        .onConflictDoUpdate({
          target: [slaPolicies.workspaceId, slaPolicies.priority],
          set: {
            firstResponseHours: sql`excluded.first_response_hours`,
            resolutionHours: sql`excluded.resolution_hours`,
          },
        });
    }
    await tx.insert(auditEvents).values({
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "sla.update",
      entityType: "sla_policy",
      entityId: String(actor.workspaceId),
      before,
      after: Object.fromEntries(rows.map((r) => [r.priority, next[r.priority]])),
    });
    return loadSlaPolicy(tx as unknown as Db, actor.workspaceId);
  });
}

/** Back to the default targets for one priority (the workspace's own row goes). Audited. */
export async function resetSlaPriority(db: Db, actor: { userId: number; workspaceId: number }, priority: Priority) {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(slaPolicies)
      .where(and(eq(slaPolicies.workspaceId, actor.workspaceId), eq(slaPolicies.priority, priority)))
      .returning({ firstResponseHours: slaPolicies.firstResponseHours, resolutionHours: slaPolicies.resolutionHours });
    if (removed.length > 0) {
      await tx.insert(auditEvents).values({
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: "sla.reset",
        entityType: "sla_policy",
        entityId: String(actor.workspaceId),
        before: { [priority]: removed[0] },
        after: { [priority]: DEFAULT_SLA_POLICY[priority] },
      });
    }
    return { priority, ...DEFAULT_SLA_POLICY[priority] };
  });
}
