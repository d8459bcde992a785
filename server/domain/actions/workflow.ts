import { AppError } from "../../errors";
import type { ActionStatus, Role } from "../enums";

/**
 * The status workflow of an improvement action:
 *
 *   proposed → planned → in_progress → done → verified
 *   proposed | planned | in_progress → dropped (with a reason)
 *   done → in_progress (reopen: the work turned out not to be finished)
 *
 * verified and dropped are final. No step is skipped: an action is planned before work starts and
 * done before anyone verifies it moved the KPI. The reopen step is not in the list; it lets
 * a manager undo a premature "done" instead of dropping the action and losing its history.
 */
export const ACTION_TRANSITIONS: Readonly<Record<ActionStatus, readonly ActionStatus[]>> = {
  proposed: ["planned", "dropped"],
  planned: ["in_progress", "dropped"],
  in_progress: ["done", "dropped"],
  done: ["verified", "in_progress"],
  verified: [],
  dropped: [],
};

/** Statuses an action is still being worked in (it can be dropped, and can be late). */
export const OPEN_ACTION_STATUSES: ReadonlySet<ActionStatus> = new Set(["proposed", "planned", "in_progress"]);
/** Statuses after which an action can no longer be late. */
export const CLOSED_ACTION_STATUSES: ReadonlySet<ActionStatus> = new Set(["done", "verified", "dropped"]);
/** Statuses with no way out: the action can no longer be edited either, only commented on. */
export const FINAL_ACTION_STATUSES: ReadonlySet<ActionStatus> = new Set(["verified", "dropped"]);

export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  proposed: "proposed",
  planned: "planned",
  in_progress: "in progress",
  done: "done",
  verified: "verified",
  dropped: "dropped",
};

/** The moves a team member may make on their own team's actions: start the work and finish it. */
const TEAM_MEMBER_TRANSITIONS: ReadonlySet<string> = new Set(["planned→in_progress", "in_progress→done"]);

/** Who is acting: their role in the workspace, their id, and the teams they belong to. */
export interface ActionActor {
  role: Role;
  userId: number;
  teamIds: readonly number[];
}

/** What the rules need to know about an action. */
export interface ActionRef {
  id: number;
  status: ActionStatus;
  ownerTeamId: number | null;
}

/** True when `to` follows `from` in {@link ACTION_TRANSITIONS}. */
export function isLegalActionTransition(from: ActionStatus, to: ActionStatus): boolean {
  return ACTION_TRANSITIONS[from].includes(to);
}

/** Whether the actor's team owns the action. An action without an owner team belongs to no team member. */
export function isOwnTeamAction(actor: ActionActor, action: Pick<ActionRef, "ownerTeamId">): boolean {
  return action.ownerTeamId !== null && actor.teamIds.includes(action.ownerTeamId);
}

/**
 * Who sees an action: admins, CX managers and executives see every action of the workspace; a team
 * member sees their own teams' actions ("My actions").
 */
export function canViewAction(actor: ActionActor, action: Pick<ActionRef, "ownerTeamId">): boolean {
  return actor.role !== "team_member" || isOwnTeamAction(actor, action);
}

/** Only admins and CX managers create actions. */
export function canCreateAction(role: Role): boolean {
  return role === "admin" || role === "cx_manager";
}

/** Throws FORBIDDEN unless `role` may create actions. */
export function assertCanCreateAction(role: Role): void {
  if (!canCreateAction(role)) {
    throw new AppError("FORBIDDEN", "Only a CX manager or an admin can create an action; ask one to create it.");
  }
}

/**
 * Why the actor may not touch the action at all (FORBIDDEN), or null: executives read only; a team
 * member works only on their own team's actions.
 */
function accessProblem(actor: ActionActor, action: ActionRef): AppError | null {
  if (actor.role === "executive") {
    return new AppError("FORBIDDEN", "Executives can read actions but not change them; ask a CX manager or an admin.");
  }
  if (actor.role === "team_member" && !isOwnTeamAction(actor, action)) {
    return new AppError(
      "FORBIDDEN",
      `Action ${action.id} belongs to another team; only that team, a CX manager or an admin can change it.`,
    );
  }
  return null;
}

const MANAGER_ONLY: Partial<Record<ActionStatus, string>> = {
  planned: "plan a proposed action",
  verified: "verify an action",
  dropped: "drop an action; add a comment asking for it",
};

/**
 * Why the actor may not move the action to `to`, or null when they may. In order:
 * 1. FORBIDDEN: an executive, or a team member on another team's action;
 * 2. INVALID_STATE: `to` is the current status, or does not follow it (see {@link ACTION_TRANSITIONS});
 * 3. FORBIDDEN: a team member making a move other than planned → in_progress → done;
 * 4. INVALID_INPUT: dropping without a reason (blank counts as none).
 * Admins and CX managers may make every legal move.
 */
export function actionTransitionProblem(
  actor: ActionActor,
  action: ActionRef,
  to: ActionStatus,
  reason?: string | null,
): AppError | null {
  const access = accessProblem(actor, action);
  if (access) return access;
  const from = action.status;
  if (from === to) return new AppError("INVALID_STATE", `Action ${action.id} is already ${ACTION_STATUS_LABELS[to]}.`);
  if (!isLegalActionTransition(from, to)) {
    const next = ACTION_TRANSITIONS[from].map((s) => ACTION_STATUS_LABELS[s]);
    const message =
      next.length === 0
        ? `Action ${action.id} is ${ACTION_STATUS_LABELS[from]}, which is final; its status can no longer change.`
        : `Action ${action.id} is ${ACTION_STATUS_LABELS[from]}; it can move to ${next.join(" or ")}, not to ${ACTION_STATUS_LABELS[to]}.`;
    return new AppError("INVALID_STATE", message);
  }
  if (actor.role === "team_member" && !TEAM_MEMBER_TRANSITIONS.has(`${from}→${to}`)) {
    const what = MANAGER_ONLY[to] ?? `move a ${ACTION_STATUS_LABELS[from]} action back to ${ACTION_STATUS_LABELS[to]}`;
    return new AppError("FORBIDDEN", `Only a CX manager or an admin can ${what}.`);
  }
  if (to === "dropped" && !reason?.trim()) {
    return new AppError("INVALID_INPUT", `Say why action ${action.id} is dropped; the reason is kept with it.`);
  }
  return null;
}

/** Whether the actor may move the action to `to` (a drop is checked as if a reason were given). */
export function canChangeActionStatus(actor: ActionActor, action: ActionRef, to: ActionStatus): boolean {
  return actionTransitionProblem(actor, action, to, "reason") === null;
}

/** The statuses the actor may move the action to, in workflow order: the buttons to show. */
export function availableActionTransitions(actor: ActionActor, action: ActionRef): ActionStatus[] {
  return ACTION_TRANSITIONS[action.status].filter((to) => canChangeActionStatus(actor, action, to));
}

/** The column changes of a status change, and the history row that records it (who, when, from → to). */
export interface ActionTransitionPlan {
  patch: { status: ActionStatus; completedAt?: Date | null; droppedReason?: string };
  change: {
    actionId: number;
    fromStatus: ActionStatus;
    toStatus: ActionStatus;
    changedBy: number;
    changedAt: Date;
    note: string | null;
  };
}

/**
 * Checks the move (throws the AppError of {@link actionTransitionProblem}) and returns what to write:
 * - → done: completedAt = `at` (impact is measured around it);
 * - done → in_progress (reopen): completedAt = null;
 * - → dropped: droppedReason = the trimmed reason, also the history note;
 * - otherwise the optional note (trimmed; blank → null) goes to the history.
 */
export function planActionTransition(
  actor: ActionActor,
  action: ActionRef,
  to: ActionStatus,
  options: { at: Date; reason?: string | null; note?: string | null },
): ActionTransitionPlan {
  const problem = actionTransitionProblem(actor, action, to, options.reason);
  if (problem) throw problem;
  const patch: ActionTransitionPlan["patch"] = { status: to };
  if (to === "done") patch.completedAt = options.at;
  if (action.status === "done" && to === "in_progress") patch.completedAt = null;
  let note = options.note?.trim() || null;
  if (to === "dropped") {
    patch.droppedReason = options.reason?.trim() ?? "";
    note = patch.droppedReason;
  }
  return {
    patch,
    change: {
      actionId: action.id,
      fromStatus: action.status,
      toStatus: to,
      changedBy: actor.userId,
      changedAt: options.at,
      note,
    },
  };
}

/** The fields of an action a user edits (status has its own command; see {@link planActionTransition}). */
export const ACTION_FIELDS = [
  "title",
  "description",
  "ownerTeamId",
  "assigneeId",
  "dueDate",
  "reviewDate",
  "scopeSegmentId",
  "scopeStageId",
  "scopeChannel",
  "scopeThemeId",
  "kpi",
  "baseline",
  "target",
] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];

/**
 * What a team member may edit on their own team's actions. Not the scope, KPI, baseline or target
 * (the issue: those define what the action is measured on), nor the owner team (handing the action
 * to another team takes it out of their hands) or the review date (the managers' cadence).
 */
export const TEAM_MEMBER_EDITABLE_FIELDS: ReadonlySet<ActionField> = new Set([
  "title",
  "description",
  "assigneeId",
  "dueDate",
]);

/**
 * Why the actor may not make these edits, or null:
 * 1. FORBIDDEN for an executive or another team's team member;
 * 2. INVALID_STATE when the action is verified or dropped (final: comment instead);
 * 3. FORBIDDEN when a team member changes a field outside {@link TEAM_MEMBER_EDITABLE_FIELDS}, naming them.
 * Pass only the fields whose value changes (see changedActionFields), so a form that sends every
 * field unchanged is not refused.
 */
export function actionEditProblem(
  actor: ActionActor,
  action: ActionRef,
  changedFields: readonly ActionField[],
): AppError | null {
  const access = accessProblem(actor, action);
  if (access) return access;
  if (FINAL_ACTION_STATUSES.has(action.status) && changedFields.length > 0) {
    return new AppError(
      "INVALID_STATE",
      `Action ${action.id} is ${ACTION_STATUS_LABELS[action.status]} and can no longer be edited; add a comment instead.`,
    );
  }
  if (actor.role === "team_member") {
    const refused = changedFields.filter((field) => !TEAM_MEMBER_EDITABLE_FIELDS.has(field));
    if (refused.length > 0) {
      return new AppError(
        "FORBIDDEN",
        `Team members cannot change ${refused.join(", ")} of an action; ask a CX manager or an admin.`,
      );
    }
  }
  return null;
}

/** Throws the AppError of {@link actionEditProblem}, if any. */
export function assertCanEditAction(
  actor: ActionActor,
  action: ActionRef,
  changedFields: readonly ActionField[],
): void {
  const problem = actionEditProblem(actor, action, changedFields);
  if (problem) throw problem;
}

/** Comments: anyone who may work on the action (admins, CX managers, its own team), in any status. */
export function canCommentOnAction(actor: ActionActor, action: ActionRef): boolean {
  return accessProblem(actor, action) === null;
}

/** Throws FORBIDDEN unless the actor may comment on the action. */
export function assertCanCommentOnAction(actor: ActionActor, action: ActionRef): void {
  const problem = accessProblem(actor, action);
  if (problem) throw problem;
}
