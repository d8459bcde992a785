import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { queryRows } from "@/db/client";
import {
  auditEvents,
  customers,
  feedback,
  feedbackComments,
  feedbackThemes,
  journeyStages,
  memberships,
  segments,
  teams,
  themes,
  touchpoints,
  users,
  workspaces,
} from "@/db/schema";
import { hasPermission } from "../auth/permissions";
import { availableCommands, isOverdue, TRIAGE_COMMAND_TYPES, type TriageCommandType } from "../domain/triage";
import { AppError } from "../errors";
import { listFeedbackFlags } from "./feedback-flags";
import { feedbackScope, type TriageActor } from "./triage";

/** Newest entries of a customer's timeline shown beside an item. */
export const TIMELINE_LIMIT = 50;
export const COMMENT_MAX_LENGTH = 5000;

const notFound = (id: number) =>
  new AppError("NOT_FOUND", `Feedback ${id} does not exist in this workspace or is not assigned to you or your team.`);

const nameOf = (table: typeof users | typeof teams, column: typeof feedback.assigneeId | typeof feedback.teamId) =>
  sql<string | null>`(SELECT ${table.name} FROM ${table} WHERE ${table.id} = ${column})`;

/**
 * One item with everything the detail panel shows: the item, its customer (segment, revenue to
 * date, their feedback and orders newest first), themes, the audit history, internal comments,
 * suspicion flags and
 * the triage commands this user may run on it now. Outside the actor's read scope: NOT_FOUND.
 */
export async function getFeedbackDetail(db: Db, actor: TriageActor, id: number, now = new Date()) {
  const [row] = await db
    .select({
      id: feedback.id,
      version: feedback.version,
      customerId: feedback.customerId,
      receivedAt: feedback.receivedAt,
      source: feedback.source,
      channel: feedback.channel,
      metricKind: feedback.metricKind,
      score: feedback.score,
      text: feedback.text,
      language: feedback.language,
      sentiment: feedback.sentiment,
      sentimentLabel: feedback.sentimentLabel,
      sentimentSource: feedback.sentimentSource,
      status: feedback.status,
      priority: feedback.priority,
      assigneeId: feedback.assigneeId,
      assigneeName: nameOf(users, feedback.assigneeId),
      teamId: feedback.teamId,
      teamName: nameOf(teams, feedback.teamId),
      dueAt: feedback.dueAt,
      firstTriagedAt: feedback.firstTriagedAt,
      resolvedAt: feedback.resolvedAt,
      resolutionNote: feedback.resolutionNote,
      customerContacted: feedback.customerContacted,
      dismissReason: feedback.dismissReason,
      updatedAt: feedback.updatedAt,
      updatedByName: sql<string | null>`(SELECT ${users.name} FROM ${users} WHERE ${users.id} = ${feedback.updatedBy})`,
      stageId: journeyStages.id,
      stageName: journeyStages.name,
      touchpointId: touchpoints.id,
      touchpointName: touchpoints.name,
      inTriageScope: sql<boolean>`${feedbackScope(actor, "triage") ?? sql`TRUE`}`,
    })
    .from(feedback)
    .leftJoin(journeyStages, eq(journeyStages.id, feedback.stageId))
    .leftJoin(touchpoints, eq(touchpoints.id, feedback.touchpointId))
    .where(and(eq(feedback.workspaceId, actor.workspaceId), eq(feedback.id, id), feedbackScope(actor, "read")));
  if (!row) throw notFound(id);

  const [themeRows, history, comments, customer, flags] = await Promise.all([
    db
      .select({
        id: themes.id,
        name: themes.name,
        origin: feedbackThemes.origin,
      })
      .from(feedbackThemes)
      .innerJoin(themes, eq(themes.id, feedbackThemes.themeId))
      .where(eq(feedbackThemes.feedbackId, id))
      .orderBy(asc(themes.name)),
    db
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        action: auditEvents.action,
        actorName: users.name,
        before: auditEvents.before,
        after: auditEvents.after,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(
        and(
          eq(auditEvents.workspaceId, actor.workspaceId),
          eq(auditEvents.entityType, "feedback"),
          eq(auditEvents.entityId, String(id)),
        ),
      )
      .orderBy(desc(auditEvents.id)),
    db
      .select({
        id: feedbackComments.id,
        at: feedbackComments.createdAt,
        authorName: users.name,
        body: feedbackComments.body,
      })
      .from(feedbackComments)
      .leftJoin(users, eq(users.id, feedbackComments.authorId))
      .where(eq(feedbackComments.feedbackId, id))
      .orderBy(asc(feedbackComments.id)),
    row.customerId === null ? null : customerCard(db, actor, row.customerId),
    listFeedbackFlags(db, id),
  ]);

  const { stageId, stageName, touchpointId, touchpointName, customerId: _customer, inTriageScope, ...item } = row;
  const mayWork = hasPermission(actor.role, "feedback.work") && inTriageScope;
  const commands: TriageCommandType[] = mayWork ? availableCommands(item.status, TRIAGE_COMMAND_TYPES) : [];
  return {
    item: {
      ...item,
      overdue: isOverdue(item, now),
      stage: stageId === null ? null : { id: stageId, name: stageName! },
      touchpoint: touchpointId === null ? null : { id: touchpointId, name: touchpointName! },
      themes: themeRows,
    },
    customer,
    history,
    comments,
    commands,
    mayComment: mayWork,
    flags,
    /** Managers confirm or clear suspicion flags (feedback.triage). */
    mayReviewFlags: flags.length > 0 && hasPermission(actor.role, "feedback.triage") && inTriageScope,
  };
}

/** A customer as the detail panel shows them: segment, revenue to date and recent timeline. */
async function customerCard(db: Db, actor: TriageActor, customerId: number) {
  const workspaceId = actor.workspaceId;
  // the customer's other feedback as far as the reader may see it (a team member: theirs and their teams')
  const readable = feedbackScope(actor, "read") ?? sql`TRUE`;
  const [person] = await db
    .select({
      id: customers.id,
      externalId: customers.externalId,
      name: customers.name,
      region: customers.region,
      segmentId: segments.id,
      segmentName: segments.name,
      currency: workspaces.currency,
    })
    .from(customers)
    .innerJoin(workspaces, eq(workspaces.id, customers.workspaceId))
    .leftJoin(segments, eq(segments.id, customers.segmentId))
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, customerId)));
  if (!person) return null;
  const [revenue, timeline] = await Promise.all([
    queryRows<{ total: string }>(
      db,
      sql`SELECT coalesce(sum(amount), 0)::text AS total FROM orders WHERE customer_id = ${customerId} AND workspace_id = ${workspaceId}`,
    ),
    queryRows<{
      kind: "feedback" | "order";
      id: number;
      at: string;
      metricKind: string | null;
      score: number | null;
      text: string | null;
      status: string | null;
      orderKind: "purchase" | "refund" | null;
      amount: string | null;
    }>(
      db,
      sql`(SELECT 'feedback' AS kind, id, received_at AS at, metric_kind::text AS "metricKind", score::int AS score,
            text, status::text AS status, NULL AS "orderKind", NULL AS amount
          FROM feedback WHERE customer_id = ${customerId} AND workspace_id = ${workspaceId} AND ${readable}
          ORDER BY received_at DESC LIMIT ${TIMELINE_LIMIT})
        UNION ALL
        (SELECT 'order', id, ordered_at, NULL, NULL, NULL, NULL, kind::text, amount::text
          FROM orders WHERE customer_id = ${customerId} AND workspace_id = ${workspaceId}
          ORDER BY ordered_at DESC LIMIT ${TIMELINE_LIMIT})
        ORDER BY at DESC, kind, id DESC LIMIT ${TIMELINE_LIMIT}`,
    ),
  ]);
  const { segmentId, segmentName, ...rest } = person;
  return {
    ...rest,
    segment: segmentId === null ? null : { id: segmentId, name: segmentName! },
    revenueToDate: revenue[0]?.total ?? "0",
    timeline: timeline.map((entry) =>
      entry.kind === "feedback"
        ? {
            kind: "feedback" as const,
            id: entry.id,
            at: new Date(entry.at),
            metricKind: entry.metricKind,
            score: entry.score,
            text: entry.text,
            status: entry.status,
          }
        : {
            kind: "order" as const,
            id: entry.id,
            at: new Date(entry.at),
            orderKind: entry.orderKind!,
            amount: entry.amount!,
          },
    ),
  };
}

/** Items of the selection the actor may triage; NOT_FOUND names any other. */
async function assertInTriageScope(db: Db, actor: TriageActor, ids: readonly number[]): Promise<void> {
  const found = await db
    .select({ id: feedback.id })
    .from(feedback)
    .where(
      and(eq(feedback.workspaceId, actor.workspaceId), inArray(feedback.id, [...ids]), feedbackScope(actor, "triage")),
    );
  const have = new Set(found.map((r) => r.id));
  const missing = ids.filter((id) => !have.has(id));
  if (missing.length > 0) throw notFound(missing[0]!);
}

/** An internal comment on an item the actor may work on; audited. */
export async function addFeedbackComment(db: Db, actor: TriageActor, input: { id: number; body: string }) {
  const body = input.body.trim();
  if (!body) throw new AppError("INVALID_INPUT", "Write a comment first.");
  if (body.length > COMMENT_MAX_LENGTH) {
    throw new AppError(
      "INVALID_INPUT",
      `A comment is at most ${COMMENT_MAX_LENGTH} characters (${body.length} written).`,
    );
  }
  await assertInTriageScope(db, actor, [input.id]);
  return db.transaction(async (tx) => {
    const [comment] = await tx
      .insert(feedbackComments)
      .values({
        workspaceId: actor.workspaceId,
        feedbackId: input.id,
        authorId: actor.userId,
        body,
      })
      .returning({ id: feedbackComments.id });
    await tx.insert(auditEvents).values({
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "feedback.comment",
      entityType: "feedback",
      entityId: String(input.id),
      after: { commentId: comment!.id },
    });
    return { id: comment!.id };
  });
}

/** Who items can be assigned to: the workspace's members and teams, by name. */
export async function listAssignees(db: Db, workspaceId: number) {
  const [people, teamRows] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.workspaceId, workspaceId))
      .orderBy(asc(users.name)),
    db
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(eq(teams.workspaceId, workspaceId))
      .orderBy(asc(teams.name)),
  ]);
  return { users: people, teams: teamRows };
}

/** The workspace's theme library, by name. */
export function listThemeOptions(db: Db, workspaceId: number) {
  return db
    .select({ id: themes.id, name: themes.name })
    .from(themes)
    .where(eq(themes.workspaceId, workspaceId))
    .orderBy(asc(themes.name));
}

/**
 * Add and remove themes on a selection in one transaction: an added link is manual (the text
 * analysis keeps it), a removed one goes whatever its origin. One audit event per item.
 */
export async function changeFeedbackThemes(
  db: Db,
  actor: TriageActor,
  input: { ids: number[]; add?: number[]; remove?: number[] },
): Promise<{ items: number }> {
  const add = [...new Set(input.add ?? [])];
  const remove = [...new Set(input.remove ?? [])];
  if (add.length + remove.length === 0) throw new AppError("INVALID_INPUT", "Choose a theme to add or remove.");
  const both = add.filter((id) => remove.includes(id));
  if (both.length > 0) throw new AppError("INVALID_INPUT", `Theme ${both[0]} cannot be added and removed at once.`);
  const ids = [...new Set(input.ids)];
  await assertInTriageScope(db, actor, ids);
  const known = await db
    .select({ id: themes.id })
    .from(themes)
    .where(and(eq(themes.workspaceId, actor.workspaceId), inArray(themes.id, [...add, ...remove])));
  const unknown = [...add, ...remove].find((id) => !known.some((t) => t.id === id));
  if (unknown !== undefined) throw new AppError("INVALID_INPUT", `Theme ${unknown} does not exist in this workspace.`);
  return db.transaction(async (tx) => {
    if (add.length > 0) {
      await tx
        .insert(feedbackThemes)
        .values(
          ids.flatMap((feedbackId) =>
            add.map((themeId) => ({
              feedbackId,
              themeId,
              origin: "manual" as const,
            })),
          ),
        )
        .onConflictDoUpdate({
          target: [feedbackThemes.feedbackId, feedbackThemes.themeId],
          set: { origin: "manual" },
        });
    }
    if (remove.length > 0) {
      await tx
        .delete(feedbackThemes)
        .where(and(inArray(feedbackThemes.feedbackId, ids), inArray(feedbackThemes.themeId, remove)));
    }
    await tx.insert(auditEvents).values(
      ids.map((id) => ({
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: "feedback.setThemes",
        entityType: "feedback",
        entityId: String(id),
        after: { added: add, removed: remove },
      })),
    );
    return { items: ids.length };
  });
}
