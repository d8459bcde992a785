import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { queryRows } from "@/db/client";
import {
  actionComments,
  actions,
  actionStatusChanges,
  journeyStages,
  segments,
  teamMembers,
  teams,
  themes,
  users,
} from "@/db/schema";
import {
  ACTION_CURSOR,
  type ActionActor,
  availableActionTransitions,
  canCommentOnAction,
  canViewAction,
  isActionOverdue,
  isActionUpForReview,
  type ListActionsInput,
  OPEN_ACTION_STATUSES,
  FINAL_ACTION_STATUSES,
  TEAM_MEMBER_EDITABLE_FIELDS,
  ACTION_FIELDS,
  utcDate,
} from "../domain/actions";
import { ACTION_STATUSES, type Role } from "../domain/enums";
import { AppError } from "../errors";

/** Who calls an action service: the user, the workspace of the request, their role there and their teams in it. */
export interface ActionsActor extends ActionActor {
  workspaceId: number;
}

/** The actor with their teams of this workspace (a team of another workspace never counts). */
export async function loadActionsActor(
  db: Db,
  who: { userId: number; workspaceId: number; role: Role },
): Promise<ActionsActor> {
  const rows = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.userId, who.userId), eq(teams.workspaceId, who.workspaceId)));
  return { ...who, teamIds: rows.map((r) => r.teamId) };
}

export const actionNotFound = (id: number) =>
  new AppError("NOT_FOUND", `Action ${id} does not exist in this workspace or does not belong to your team.`);

/** The actions an actor sees: all of the workspace, or a team member's own teams' (canViewAction). */
export function visibleActions(actor: ActionsActor): SQL | undefined {
  if (actor.role !== "team_member") return undefined;
  if (actor.teamIds.length === 0) return sql`FALSE`;
  return inArray(actions.ownerTeamId, [...actor.teamIds]);
}

/** An action of the actor's workspace (NOT_FOUND otherwise), for the domain rules and the services' checks. */
export async function findAction(db: Db, actor: ActionsActor, id: number) {
  const [row] = await db
    .select()
    .from(actions)
    .where(and(eq(actions.workspaceId, actor.workspaceId), eq(actions.id, id)));
  if (!row) throw actionNotFound(id);
  return row;
}

/** The action if the actor may see it; else NOT_FOUND (another workspace, or another team's for a team member). */
export async function findVisibleAction(db: Db, actor: ActionsActor, id: number) {
  const row = await findAction(db, actor, id);
  if (!canViewAction(actor, row)) throw actionNotFound(id);
  return row;
}

// qualified by hand: inside a subquery drizzle would leave both workspace_id columns unqualified
const teamName = sql<string | null>`(SELECT t.name FROM teams t
  WHERE t.id = "actions"."owner_team_id" AND t.workspace_id = "actions"."workspace_id")`;
const assigneeName = sql<string | null>`(SELECT u.name FROM users u WHERE u.id = "actions"."assignee_id")`;

/**
 * The actions an actor sees, by due date (undated last) then id, one bounded page at a time
 * (keyset: `nextCursor` is the last row's key). Filters: see listActionsInput. `overdue` and
 * `upForReview` are judged against the UTC calendar date of `now`. The board groups the page by
 * status, the team table by `ownerTeamName`.
 */
export async function listActions(db: Db, actor: ActionsActor, input: ListActionsInput, now = new Date()) {
  const today = utcDate(now);
  const statuses = [...(input.status ? [input.status] : []), ...(input.statuses ?? [])];
  const open = [...OPEN_ACTION_STATUSES];
  const notFinal = ACTION_STATUSES.filter((status) => !FINAL_ACTION_STATUSES.has(status));
  const mine =
    actor.teamIds.length > 0
      ? sql`(${actions.assigneeId} = ${actor.userId} OR ${inArray(actions.ownerTeamId, [...actor.teamIds])})`
      : eq(actions.assigneeId, actor.userId);
  const due = sql`coalesce(${actions.dueDate}, 'infinity'::date)`;
  const cursor = input.cursor ? ACTION_CURSOR.exec(input.cursor) : null;
  const conditions = [
    eq(actions.workspaceId, actor.workspaceId),
    visibleActions(actor),
    statuses.length > 0 ? inArray(actions.status, statuses) : undefined,
    input.teamId ? eq(actions.ownerTeamId, input.teamId) : undefined,
    input.assigneeId ? eq(actions.assigneeId, input.assigneeId) : undefined,
    input.mine ? mine : undefined,
    input.overdue ? and(inArray(actions.status, open), sql`${actions.dueDate} < ${today}::date`) : undefined,
    input.upForReview
      ? and(inArray(actions.status, notFinal), sql`${actions.reviewDate} <= ${today}::date`)
      : undefined,
    cursor
      ? sql`(${due}, ${actions.id}) > (${cursor[1] === "none" ? "infinity" : cursor[1]}::date, ${Number(cursor[2])})`
      : undefined,
  ];
  const rows = await db
    .select({
      id: actions.id,
      title: actions.title,
      status: actions.status,
      kpi: actions.kpi,
      dueDate: actions.dueDate,
      reviewDate: actions.reviewDate,
      ownerTeamId: actions.ownerTeamId,
      ownerTeamName: teamName,
      assigneeId: actions.assigneeId,
      assigneeName,
      baseline: actions.baseline,
      target: actions.target,
      completedAt: actions.completedAt,
      version: actions.version,
    })
    .from(actions)
    .where(and(...conditions))
    .orderBy(sql`${due} asc`, asc(actions.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    today,
    items: page.map((row) => ({
      ...row,
      overdue: isActionOverdue(row, today),
      upForReview: isActionUpForReview(row, today),
    })),
    nextCursor: rows.length > input.limit && last ? `${last.dueDate ?? "none"}:${last.id}` : null,
  };
}

/**
 * One action with what its page shows: owner, assignee and scope names, the status history
 * (who, when, from → to, note) oldest first, comments oldest first, linked feedback counts, and
 * what this user may do now (the transitions, the fields they may edit, commenting).
 */
export async function getAction(db: Db, actor: ActionsActor, id: number, now = new Date()) {
  const action = await findVisibleAction(db, actor, id);
  const ws = actor.workspaceId;
  const nameIn = async (table: typeof segments | typeof journeyStages | typeof themes, key: number | null) => {
    if (key === null) return null;
    const [row] = await db
      .select({ id: table.id, name: table.name })
      .from(table)
      .where(and(eq(table.workspaceId, ws), eq(table.id, key)));
    return row ?? null;
  };
  const [segment, stage, theme, names, history, comments, linked] = await Promise.all([
    nameIn(segments, action.scopeSegmentId),
    nameIn(journeyStages, action.scopeStageId),
    nameIn(themes, action.scopeThemeId),
    db.select({ ownerTeamName: teamName, assigneeName }).from(actions).where(eq(actions.id, id)),
    db
      .select({
        id: actionStatusChanges.id,
        fromStatus: actionStatusChanges.fromStatus,
        toStatus: actionStatusChanges.toStatus,
        changedAt: actionStatusChanges.changedAt,
        changedById: actionStatusChanges.changedBy,
        changedByName: users.name,
        note: actionStatusChanges.note,
      })
      .from(actionStatusChanges)
      .leftJoin(users, eq(users.id, actionStatusChanges.changedBy))
      .where(eq(actionStatusChanges.actionId, id))
      .orderBy(asc(actionStatusChanges.changedAt), asc(actionStatusChanges.id)),
    db
      .select({
        id: actionComments.id,
        at: actionComments.createdAt,
        authorId: actionComments.authorId,
        authorName: users.name,
        body: actionComments.body,
      })
      .from(actionComments)
      .leftJoin(users, eq(users.id, actionComments.authorId))
      .where(and(eq(actionComments.workspaceId, ws), eq(actionComments.actionId, id)))
      .orderBy(asc(actionComments.id)),
    queryRows<{ total: number; open: number }>(
      db,
      sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE f.status NOT IN ('resolved', 'dismissed'))::int AS open
        FROM action_feedback af JOIN feedback f ON f.id = af.feedback_id AND f.workspace_id = ${ws}
        WHERE af.action_id = ${id}`,
    ),
  ]);
  const today = utcDate(now);
  const mayWork = canCommentOnAction(actor, action);
  const editable = !mayWork || FINAL_ACTION_STATUSES.has(action.status) ? [] : ACTION_FIELDS;
  return {
    action: {
      ...action,
      ownerTeamName: names[0]?.ownerTeamName ?? null,
      assigneeName: names[0]?.assigneeName ?? null,
      scope: { segment, stage, channel: action.scopeChannel, theme },
      overdue: isActionOverdue(action, today),
      upForReview: isActionUpForReview(action, today),
    },
    history,
    comments,
    linkedFeedback: { total: linked[0]?.total ?? 0, open: linked[0]?.open ?? 0 },
    transitions: availableActionTransitions(actor, action),
    editableFields:
      actor.role === "team_member" ? editable.filter((f) => TEAM_MEMBER_EDITABLE_FIELDS.has(f)) : [...editable],
    mayComment: mayWork,
  };
}
