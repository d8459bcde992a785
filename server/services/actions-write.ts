import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import {
  actionComments,
  actionFeedback,
  actions,
  actionStatusChanges,
  feedback,
  journeyStages,
  memberships,
  segments,
  teams,
  themes,
} from "@/db/schema";
import {
  type ActionColumns,
  type ActionField,
  type ActionScopeColumns,
  type ActionValues,
  type AddActionCommentInput,
  assertCanCommentOnAction,
  assertCanCreateAction,
  assertCanEditAction,
  canViewAction,
  changedActionFields,
  type CreateActionValues,
  defaultActionReviewDate,
  planActionTransition,
  type SetActionStatusInput,
  utcDate,
} from "../domain/actions";
import { AppError, notFound } from "../errors";
import { computeBaseline } from "./actions-measure";
import { actionNotFound, type ActionsActor } from "./actions";
import { recordAudit, type Tx } from "./audit";

const SCOPE_FIELDS = ["scopeSegmentId", "scopeStageId", "scopeChannel", "scopeThemeId"] as const;

const scopeOf = (row: ActionScopeColumns): ActionScopeColumns => ({
  scopeSegmentId: row.scopeSegmentId,
  scopeStageId: row.scopeStageId,
  scopeChannel: row.scopeChannel,
  scopeThemeId: row.scopeThemeId,
});

/**
 * The team, assignee, segment, stage and theme an action names must be of the actor's workspace:
 * an assignee a member of it (INVALID_INPUT, as the inbox's assign), a team or scope part of it
 * (NOT_FOUND, as a target's segment: another workspace's does not exist).
 */
async function assertReferences(tx: Tx, workspaceId: number, values: ActionValues): Promise<void> {
  if (values.assigneeId != null) {
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, values.assigneeId)));
    if (!member) throw new AppError("INVALID_INPUT", `User ${values.assigneeId} is not a member of this workspace.`);
  }
  const checks = [
    ["Team", teams, values.ownerTeamId],
    ["Segment", segments, values.scopeSegmentId],
    ["Journey stage", journeyStages, values.scopeStageId],
    ["Theme", themes, values.scopeThemeId],
  ] as const;
  for (const [label, table, id] of checks) {
    if (id == null) continue;
    const [row] = await tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.workspaceId, workspaceId), eq(table.id, id)));
    if (!row) throw notFound(label, id);
  }
}

/**
 * Create an action (admins and CX managers) from a scope and/or an inbox selection. The baseline
 * is computed now, from the scope over the 90 days before `now` (computeBaseline), and stored with
 * its sample size and window, so later data never changes it. The review date defaults to three
 * months on. The selection is linked (action_feedback); the first history row records the creation.
 */
export async function createAction(db: Db, actor: ActionsActor, input: CreateActionValues, now = new Date()) {
  assertCanCreateAction(actor.role);
  const { feedbackIds, ...values } = input;
  await assertReferences(db, actor.workspaceId, values);
  if (feedbackIds.length > 0) {
    const found = await db
      .select({ id: feedback.id })
      .from(feedback)
      .where(and(eq(feedback.workspaceId, actor.workspaceId), inArray(feedback.id, feedbackIds)));
    const missing = feedbackIds.filter((id) => !found.some((row) => row.id === id));
    if (missing.length > 0) throw notFound("Feedback", missing.join(", "));
  }
  const baseline = await computeBaseline(db, actor.workspaceId, scopeOf(values), values.kpi, now);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(actions)
      .values({
        ...values,
        workspaceId: actor.workspaceId,
        reviewDate: values.reviewDate ?? defaultActionReviewDate(utcDate(now)),
        baseline: baseline.value,
        baselineResponses: baseline.sampleSize,
        baselineFrom: baseline.window.start,
        baselineTo: baseline.window.end,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const action = created!;
    await tx.insert(actionStatusChanges).values({
      actionId: action.id,
      fromStatus: null,
      toStatus: action.status,
      changedBy: actor.userId,
      changedAt: now,
    });
    if (feedbackIds.length > 0) {
      await tx.insert(actionFeedback).values(feedbackIds.map((feedbackId) => ({ actionId: action.id, feedbackId })));
    }
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "actions.create",
      entityType: "action",
      entityId: action.id,
      after: { ...values, baseline: baseline.value, baselineResponses: baseline.sampleSize, feedbackIds },
    });
    return action;
  });
}

/** The action of the workspace locked for this transaction, if the actor may see it; else NOT_FOUND. */
async function lockAction(tx: Tx, actor: ActionsActor, id: number) {
  const [row] = await tx
    .select()
    .from(actions)
    .where(and(eq(actions.workspaceId, actor.workspaceId), eq(actions.id, id)))
    .for("update");
  if (!row || !canViewAction(actor, row)) throw actionNotFound(id);
  return row;
}

function assertVersion(row: { id: number; version: number }, version: number | undefined): void {
  if (version !== undefined && version !== row.version) {
    throw new AppError(
      "CONFLICT",
      `Action ${row.id} was changed by someone else (you saw version ${version}, it is now ${row.version}); reload and try again.`,
    );
  }
}

/**
 * Edit an action at the version the user saw (else CONFLICT). Only fields whose value changes are
 * checked against the workflow (team members: title, description, assignee and due date of their
 * teams' actions; nothing on a verified or dropped action) and written. A new scope or KPI without
 * a baseline recomputes the baseline over the original window (the 90 days before creation), so it
 * still describes the time before the action; a baseline set by hand has no sample size.
 */
export async function updateAction(
  db: Db,
  actor: ActionsActor,
  input: { id: number; version: number; values: ActionValues },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const row = await lockAction(tx, actor, input.id);
    assertVersion(row, input.version);
    const changed = changedActionFields(row as ActionColumns, input.values);
    assertCanEditAction(actor, row, changed);
    if (changed.length === 0) return { id: row.id, version: row.version, changed };
    const patch: Partial<typeof actions.$inferInsert> = {};
    for (const field of changed) Object.assign(patch, { [field]: input.values[field] });
    await assertReferences(tx, actor.workspaceId, patch as ActionValues);
    const remeasure = changed.some((f: ActionField) => f === "kpi" || (SCOPE_FIELDS as readonly string[]).includes(f));
    if (changed.includes("baseline")) {
      patch.baselineResponses = null;
    } else if (remeasure) {
      const next = { ...row, ...patch } as typeof row;
      const baseline = await computeBaseline(
        tx,
        actor.workspaceId,
        scopeOf(next),
        next.kpi,
        row.baselineTo ?? row.createdAt,
      );
      Object.assign(patch, {
        baseline: baseline.value,
        baselineResponses: baseline.sampleSize,
        baselineFrom: baseline.window.start,
        baselineTo: baseline.window.end,
      });
    }
    const before = Object.fromEntries(Object.keys(patch).map((key) => [key, row[key as keyof typeof row]]));
    const [after] = await tx
      .update(actions)
      .set({ ...patch, version: row.version + 1, updatedAt: now })
      .where(eq(actions.id, row.id))
      .returning({ version: actions.version });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "actions.update",
      entityType: "action",
      entityId: row.id,
      before,
      after: patch,
    });
    return { id: row.id, version: after!.version, changed };
  });
}

/**
 * Move an action along the workflow (planActionTransition: who may make which move; done stamps
 * completedAt, reopening clears it, dropping keeps the reason). Records the history row and audits.
 */
export async function setActionStatus(db: Db, actor: ActionsActor, input: SetActionStatusInput, now = new Date()) {
  return db.transaction(async (tx) => {
    const row = await lockAction(tx, actor, input.id);
    assertVersion(row, input.version);
    const plan = planActionTransition(actor, row, input.status, { at: now, reason: input.reason, note: input.note });
    const [after] = await tx
      .update(actions)
      .set({ ...plan.patch, version: row.version + 1, updatedAt: now })
      .where(eq(actions.id, row.id))
      .returning({ version: actions.version, status: actions.status, completedAt: actions.completedAt });
    await tx.insert(actionStatusChanges).values(plan.change);
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "actions.setStatus",
      entityType: "action",
      entityId: row.id,
      before: { status: row.status, completedAt: row.completedAt },
      after: { ...plan.patch, note: plan.change.note },
    });
    return { id: row.id, ...after! };
  });
}

/** A comment by anyone who may work on the action, in any status; audited. */
export async function addActionComment(db: Db, actor: ActionsActor, input: AddActionCommentInput) {
  return db.transaction(async (tx) => {
    const row = await lockAction(tx, actor, input.actionId);
    assertCanCommentOnAction(actor, row);
    const [comment] = await tx
      .insert(actionComments)
      .values({ workspaceId: actor.workspaceId, actionId: row.id, authorId: actor.userId, body: input.body })
      .returning({ id: actionComments.id, at: actionComments.createdAt });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "actions.comment",
      entityType: "action",
      entityId: row.id,
      after: { commentId: comment!.id },
    });
    return comment!;
  });
}
