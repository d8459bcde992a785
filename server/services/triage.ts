import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { auditEvents, feedback, memberships, slaPolicies, teamMembers, teams, users } from "@/db/schema";
import { hasPermission } from "../auth/permissions";
import type { Role } from "../domain/enums";
import { AppError } from "../errors";
import {
  assertCurrentVersion,
  bulkFailure,
  planBulk,
  resolveSlaPolicy,
  type SlaPolicy,
  type TriageChanges,
  type TriageCommand,
  type TriagePlan,
  type TriageState,
} from "../domain/triage";

/** Who acts: the user, the workspace of the request and their role in it. */
export interface TriageActor {
  userId: number;
  workspaceId: number;
  role: Role;
}

/**
 * The feedback an actor may read (`feedback.read_all`) or triage (`feedback.triage`) across the
 * workspace; without that permission (team members) only items assigned to them or to one of their
 * teams.
 */
export function feedbackScope(actor: TriageActor, mode: "read" | "triage"): SQL | undefined {
  if (hasPermission(actor.role, mode === "read" ? "feedback.read_all" : "feedback.triage")) return undefined;
  return sql`(${feedback.assigneeId} = ${actor.userId} OR ${feedback.teamId} IN (
    SELECT ${teamMembers.teamId} FROM ${teamMembers} WHERE ${teamMembers.userId} = ${actor.userId}))`;
}

/** The workspace's SLA policy: its own rows over the defaults. */
export async function loadSlaPolicy(db: Db, workspaceId: number): Promise<SlaPolicy> {
  const rows = await db
    .select({
      priority: slaPolicies.priority,
      firstResponseHours: slaPolicies.firstResponseHours,
      resolutionHours: slaPolicies.resolutionHours,
    })
    .from(slaPolicies)
    .where(eq(slaPolicies.workspaceId, workspaceId));
  return resolveSlaPolicy(rows);
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

interface LockedRow extends TriageState {
  version: number;
  updatedAt: Date;
  updatedById: number | null;
  updatedByName: string | null;
}

/** The items, locked for this transaction, in id order (a fixed lock order: no deadlocks). */
async function lockItems(tx: Tx, actor: TriageActor, ids: readonly number[]): Promise<LockedRow[]> {
  const rows = await tx
    .select({
      id: feedback.id,
      receivedAt: feedback.receivedAt,
      status: feedback.status,
      priority: feedback.priority,
      assigneeId: feedback.assigneeId,
      teamId: feedback.teamId,
      dueAt: feedback.dueAt,
      firstTriagedAt: feedback.firstTriagedAt,
      resolvedAt: feedback.resolvedAt,
      resolutionNote: feedback.resolutionNote,
      customerContacted: feedback.customerContacted,
      dismissReason: feedback.dismissReason,
      version: feedback.version,
      updatedAt: feedback.updatedAt,
      updatedById: feedback.updatedBy,
      updatedByName: sql<string | null>`(SELECT ${users.name} FROM ${users} WHERE ${users.id} = ${feedback.updatedBy})`,
    })
    .from(feedback)
    .where(
      and(eq(feedback.workspaceId, actor.workspaceId), inArray(feedback.id, [...ids]), feedbackScope(actor, "triage")),
    )
    .orderBy(feedback.id)
    .for("update", { of: feedback });
  if (rows.length < ids.length) {
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.filter((id) => !found.has(id));
    throw new AppError(
      "NOT_FOUND",
      missing.length === 1
        ? `Feedback ${missing[0]} does not exist in this workspace or is not assigned to you or your team.`
        : `Feedback ${missing.join(", ")} do not exist in this workspace or are not assigned to you or your team.`,
    );
  }
  return rows;
}

/** An assignee must be a member of the workspace, a team one of its teams. */
async function assertAssignable(tx: Tx, workspaceId: number, command: TriageCommand): Promise<void> {
  const assigneeId = "assigneeId" in command ? command.assigneeId : undefined;
  const teamId = "teamId" in command ? command.teamId : undefined;
  if (assigneeId !== undefined && assigneeId !== null) {
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, assigneeId)));
    if (!member) throw new AppError("INVALID_INPUT", `User ${assigneeId} is not a member of this workspace.`);
  }
  if (teamId !== undefined && teamId !== null) {
    const [team] = await tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)));
    if (!team) throw new AppError("INVALID_INPUT", `Team ${teamId} does not exist in this workspace.`);
  }
}

/** Column of each triage field, with its SQL type for the jsonb → row conversion. */
const COLUMNS: Record<keyof TriageChanges, { column: string; type: string }> = {
  status: { column: "status", type: "feedback_status" },
  priority: { column: "priority", type: "priority" },
  assigneeId: { column: "assignee_id", type: "integer" },
  teamId: { column: "team_id", type: "integer" },
  dueAt: { column: "due_at", type: "timestamptz" },
  firstTriagedAt: { column: "first_triaged_at", type: "timestamptz" },
  resolvedAt: { column: "resolved_at", type: "timestamptz" },
  resolutionNote: { column: "resolution_note", type: "text" },
  customerContacted: { column: "customer_contacted", type: "boolean" },
  dismissReason: { column: "dismiss_reason", type: "text" },
};

const jsonValue = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
const jsonChanges = (changes: TriageChanges) =>
  Object.fromEntries(Object.entries(changes).map(([key, value]) => [key, jsonValue(value)]));

/**
 * Write every plan in one UPDATE (the rollup triggers run once per statement, not per item): each
 * item's changes travel as jsonb, and a field absent from them keeps its value. Version + 1.
 */
async function writePlans(tx: Tx, actor: TriageActor, plans: readonly TriagePlan[], now: Date): Promise<void> {
  const changing = plans.filter((plan) => Object.keys(plan.changes).length > 0);
  if (changing.length === 0) return;
  const payload = JSON.stringify(changing.map((plan) => ({ id: plan.id, c: jsonChanges(plan.changes) })));
  const sets = Object.entries(COLUMNS).map(
    ([key, { column, type }]) =>
      `${column} = CASE WHEN v.c ? '${key}' THEN (v.c->>'${key}')::${type} ELSE f.${column} END`,
  );
  await tx.execute(sql`UPDATE feedback f SET ${sql.raw(sets.join(", "))},
      version = f.version + 1, updated_at = ${now.toISOString()}::timestamptz, updated_by = ${actor.userId}
    FROM (SELECT (e->>'id')::int AS id, e->'c' AS c FROM jsonb_array_elements(${payload}::jsonb) e) v
    WHERE f.id = v.id AND f.workspace_id = ${actor.workspaceId}`);
  await tx.insert(auditEvents).values(
    changing.map((plan) => ({
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: plan.action,
      entityType: "feedback",
      entityId: String(plan.id),
      before: jsonChanges(plan.before),
      after: { ...jsonChanges(plan.changes), command: plan.command },
    })),
  );
}

export interface TriageResult {
  id: number;
  version: number;
  changed: boolean;
}

/**
 * Run one triage command on one item the actor may triage. `version` is the one the user saw: a
 * newer one means somebody else changed the item, and the answer is CONFLICT naming them.
 */
export async function triageFeedback(
  db: Db,
  actor: TriageActor,
  input: { id: number; version: number; command: TriageCommand },
  now = new Date(),
): Promise<TriageResult> {
  const policy = await loadSlaPolicy(db, actor.workspaceId);
  return db.transaction(async (tx) => {
    const [item] = await lockItems(tx, actor, [input.id]);
    assertCurrentVersion(
      input.version,
      {
        version: item!.version,
        updatedAt: item!.updatedAt,
        updatedByName: item!.updatedByName,
        updatedById: item!.updatedById,
      },
      { viewerId: actor.userId, now },
    );
    await assertAssignable(tx, actor.workspaceId, input.command);
    const result = planBulk([item!], input.command, { userId: actor.userId }, now, policy);
    if (!result.ok) throw new AppError(result.errors[0]!.code, result.errors[0]!.message);
    await writePlans(tx, actor, result.plans, now);
    const changed = Object.keys(result.plans[0]!.changes).length > 0;
    return {
      id: item!.id,
      version: changed ? item!.version + 1 : item!.version,
      changed,
    };
  });
}

/**
 * Run one command on a selection, all or nothing, in one transaction: if any item may not take it
 * (or is outside the actor's scope), nothing changes and the error lists the items and why.
 */
export async function bulkTriage(
  db: Db,
  actor: TriageActor,
  input: { ids: number[]; command: TriageCommand },
  now = new Date(),
): Promise<{ changed: number; unchanged: number }> {
  const policy = await loadSlaPolicy(db, actor.workspaceId);
  return db.transaction(async (tx) => {
    const items = await lockItems(tx, actor, input.ids);
    await assertAssignable(tx, actor.workspaceId, input.command);
    const result = planBulk(items, input.command, { userId: actor.userId }, now, policy);
    if (!result.ok) throw bulkFailure(result.errors, items.length, input.command.type);
    await writePlans(tx, actor, result.plans, now);
    const changed = result.plans.filter((plan) => Object.keys(plan.changes).length > 0).length;
    return { changed, unchanged: items.length - changed };
  });
}
