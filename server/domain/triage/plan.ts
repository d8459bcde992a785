import { AppError } from "../../errors";
import type { FeedbackStatus, Priority } from "../enums";
import { type TriageCommand, type TriageCommandType, isStatusCommandType, validateCommand } from "./commands";
import { DEFAULT_SLA_POLICY, type SlaPolicy, slaDueAt } from "./sla";
import { STATUS_TRANSITIONS, canRunCommand, illegalCommandMessage } from "./status";

/** The triage columns of one feedback row, plus what the rules read (id, receivedAt). */
export interface TriageState {
  id: number;
  receivedAt: Date;
  status: FeedbackStatus;
  priority: Priority;
  assigneeId: number | null;
  teamId: number | null;
  dueAt: Date | null;
  firstTriagedAt: Date | null;
  resolvedAt: Date | null;
  /** The closing note: required when resolving, optional when dismissing; cleared on reopen. */
  resolutionNote: string | null;
  customerContacted: boolean | null;
  dismissReason: string | null;
}

export const TRIAGE_FIELDS = [
  "status",
  "priority",
  "assigneeId",
  "teamId",
  "dueAt",
  "firstTriagedAt",
  "resolvedAt",
  "resolutionNote",
  "customerContacted",
  "dismissReason",
] as const satisfies readonly (keyof TriageState)[];
export type TriageField = (typeof TRIAGE_FIELDS)[number];
export type TriageChanges = Partial<Pick<TriageState, TriageField>>;

export interface TriageActor {
  userId: number;
}

/** Audit verbs, in the `domain.verb` form of audit_events.action. */
export type TriageAuditAction =
  "feedback.setStatus" | "feedback.setPriority" | "feedback.assign" | "feedback.setDueDate";

export interface TriagePlan {
  id: number;
  command: TriageCommandType;
  action: TriageAuditAction;
  actorId: number;
  at: Date;
  /** Only the fields whose value changes; empty when the command changes nothing (a no-op). */
  changes: TriageChanges;
  /** The previous values of the same fields: the audit event's `before`. */
  before: TriageChanges;
}

const AUDIT_ACTION: Record<TriageCommandType, TriageAuditAction> = {
  triage: "feedback.setStatus",
  start: "feedback.setStatus",
  resolve: "feedback.setStatus",
  dismiss: "feedback.setStatus",
  reopen: "feedback.setStatus",
  setPriority: "feedback.setPriority",
  assign: "feedback.assign",
  setDueDate: "feedback.setDueDate",
};

/**
 * Plans `command` on the item in state `current`: the field changes to write, or an AppError.
 *
 * - INVALID_INPUT: the command's own fields are wrong (see validateCommand), or `actor`/`now` are.
 * - INVALID_STATE: the command is not legal in the item's status (see STATUS_TRANSITIONS and
 *   canRunCommand), with a message saying what to do ("A dismissed item cannot be resolved; reopen
 *   it first.").
 *
 * What each command writes:
 * - triage: status triaged, optionally priority/assignee/team; firstTriagedAt if never set.
 * - start: status in progress; an unassigned item is assigned to the actor (someone is on it).
 * - resolve: status resolved, resolvedAt, the trimmed resolutionNote and customerContacted.
 * - dismiss: status dismissed, dismissReason (the code), the optional note as resolutionNote;
 *   firstTriagedAt if never set (dismissing is a triage decision).
 * - reopen: status triaged; resolvedAt, resolutionNote, customerContacted, dismissReason cleared.
 * - setPriority / assign: the field(s); no-op when unchanged.
 * - setDueDate: a custom dueAt, or `null` for the SLA's date.
 * dueAt is set to slaDueAt(policy, next state) by triage, reopen and setPriority — replacing a
 * custom due date — and left as it is by every other command (closing freezes the last due date).
 * Timestamps are `now`, but never before receivedAt or firstTriagedAt, so a skewed clock cannot
 * make a negative time-to-triage. The caller writes updatedAt and version + 1 with a non-empty plan.
 */
export function planTransition(
  current: TriageState,
  command: TriageCommand,
  actor: TriageActor,
  now: Date,
  policy: SlaPolicy = DEFAULT_SLA_POLICY,
): TriagePlan {
  assertPlanContext(actor, now);
  const valid = validateCommand(command, now);
  if (!canRunCommand(current.status, valid.type)) {
    throw new AppError("INVALID_STATE", illegalCommandMessage(current.status, valid.type));
  }
  const next = nextState(current, valid, actor, now, policy);
  const changes: TriageChanges = {};
  const before: TriageChanges = {};
  for (const field of TRIAGE_FIELDS) {
    if (!sameValue(current[field], next[field])) {
      Object.assign(changes, { [field]: next[field] });
      Object.assign(before, { [field]: current[field] });
    }
  }
  return {
    id: current.id,
    command: valid.type,
    action: AUDIT_ACTION[valid.type],
    actorId: actor.userId,
    at: now,
    changes,
    before,
  };
}

/** Throws INVALID_INPUT unless `now` is a valid date and `actor` a user id (checked once per bulk). */
export function assertPlanContext(actor: TriageActor, now: Date): void {
  if (!Number.isFinite(now.getTime())) throw new AppError("INVALID_INPUT", "The current time is not a valid date.");
  if (!Number.isInteger(actor.userId) || actor.userId < 1) {
    throw new AppError("INVALID_INPUT", "A triage change needs the id of the user making it.");
  }
}

/** The state after a plan is written: for optimistic UI updates and for tests. */
export function applyPlan(state: TriageState, plan: TriagePlan): TriageState {
  return { ...state, ...plan.changes };
}

function nextState(
  current: TriageState,
  command: TriageCommand,
  actor: TriageActor,
  now: Date,
  policy: SlaPolicy,
): TriageState {
  const stamp = new Date(
    Math.max(now.getTime(), current.receivedAt.getTime(), current.firstTriagedAt?.getTime() ?? -Infinity),
  );
  const next: TriageState = isStatusCommandType(command.type)
    ? { ...current, status: STATUS_TRANSITIONS[command.type].to }
    : { ...current };
  const withSlaDue = (state: TriageState): TriageState => ({ ...state, dueAt: slaDueAt(policy, state) });
  switch (command.type) {
    case "triage":
      return withSlaDue({
        ...next,
        priority: command.priority ?? current.priority,
        assigneeId: command.assigneeId === undefined ? current.assigneeId : command.assigneeId,
        teamId: command.teamId === undefined ? current.teamId : command.teamId,
        firstTriagedAt: current.firstTriagedAt ?? stamp,
      });
    case "start":
      return { ...next, assigneeId: current.assigneeId ?? actor.userId };
    case "resolve":
      return {
        ...next,
        resolvedAt: stamp,
        resolutionNote: command.resolutionNote,
        customerContacted: command.customerContacted,
      };
    case "dismiss":
      return {
        ...next,
        dismissReason: command.reason,
        resolutionNote: command.note ?? null,
        firstTriagedAt: current.firstTriagedAt ?? stamp,
      };
    case "reopen":
      return withSlaDue({
        ...next,
        resolvedAt: null,
        resolutionNote: null,
        customerContacted: null,
        dismissReason: null,
      });
    case "setPriority":
      return withSlaDue({ ...next, priority: command.priority });
    case "assign":
      return {
        ...next,
        assigneeId: command.assigneeId === undefined ? current.assigneeId : command.assigneeId,
        teamId: command.teamId === undefined ? current.teamId : command.teamId,
      };
    case "setDueDate":
      return command.dueAt === null ? withSlaDue(next) : { ...next, dueAt: new Date(command.dueAt.getTime()) };
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}
