import type { FeedbackStatus } from "../enums";
import type { StatusCommandType, TriageCommandType } from "./commands";

/**
 * The legal status transitions: new → triaged → in progress → resolved, or dismissed, and reopen.
 *
 * - Only dismissal skips triage: spam and duplicates leave the inbox in one step, while anything
 *   worth working on gets a priority and an owner (triage) before work starts or it is resolved.
 * - Resolving needs no "in progress" phase: a question answered on the spot goes triaged → resolved.
 * - Reopen brings a resolved or dismissed item back to triaged (never to new: it has been looked at).
 * - Running a status command on an item already in its target status is illegal, not a no-op, so a
 *   colleague's resolution (and its note) is never silently overwritten.
 */
export const STATUS_TRANSITIONS: Record<StatusCommandType, { from: readonly FeedbackStatus[]; to: FeedbackStatus }> = {
  triage: { from: ["new"], to: "triaged" },
  start: { from: ["triaged"], to: "in_progress" },
  resolve: { from: ["triaged", "in_progress"], to: "resolved" },
  dismiss: { from: ["new", "triaged", "in_progress"], to: "dismissed" },
  reopen: { from: ["resolved", "dismissed"], to: "triaged" },
};

/** Statuses in which an item is still work to do: it can be edited, and it can be overdue. */
export const OPEN_STATUSES: readonly FeedbackStatus[] = ["new", "triaged", "in_progress"];
export const CLOSED_STATUSES: readonly FeedbackStatus[] = ["resolved", "dismissed"];

export function isOpenStatus(status: FeedbackStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export const STATUS_LABELS: Record<FeedbackStatus, string> = {
  new: "new",
  triaged: "triaged",
  in_progress: "in progress",
  resolved: "resolved",
  dismissed: "dismissed",
};

/**
 * Whether `command` may run on an item in `status`: status commands per STATUS_TRANSITIONS;
 * edit commands (priority, owner, due date) while the item is open.
 */
export function canRunCommand(status: FeedbackStatus, command: TriageCommandType): boolean {
  if (command === "setPriority" || command === "assign" || command === "setDueDate") return isOpenStatus(status);
  return STATUS_TRANSITIONS[command].from.includes(status);
}

/** The commands the UI should offer for an item in `status` (buttons, shortcuts, bulk menu). */
export function availableCommands(status: FeedbackStatus, commands: readonly TriageCommandType[]): TriageCommandType[] {
  return commands.filter((command) => canRunCommand(status, command));
}

const BLOCKED_ON_CLOSED: Record<Exclude<TriageCommandType, "reopen">, string> = {
  triage: "triaged again",
  start: "started",
  resolve: "resolved",
  dismiss: "dismissed",
  setPriority: "re-prioritised",
  assign: "reassigned",
  setDueDate: "given a due date",
};

/**
 * The sentence shown when `command` cannot run on an item in `status`, telling the CX manager
 * what to do instead ("A dismissed item cannot be resolved; reopen it first.").
 */
export function illegalCommandMessage(status: FeedbackStatus, command: TriageCommandType): string {
  if (command === "reopen") {
    return `Only resolved or dismissed items can be reopened; this one is ${STATUS_LABELS[status]}.`;
  }
  if (status === "resolved" || status === "dismissed") {
    if ((command === "resolve" && status === "resolved") || (command === "dismiss" && status === "dismissed")) {
      return `This item is already ${status}.`;
    }
    return `A ${status} item cannot be ${BLOCKED_ON_CLOSED[command]}; reopen it first.`;
  }
  if (command === "triage" && status === "in_progress") return "This item is already triaged and in progress.";
  if (command === "triage") return "This item is already triaged.";
  if (command === "start" && status === "in_progress") return "Work on this item has already started.";
  if (command === "start") return "Triage this item before starting work on it.";
  if (command === "resolve") return "Triage this item before resolving it: confirm its priority and owner first.";
  // every other combination is legal; reaching here means the table and this function disagree
  return `This item cannot be ${BLOCKED_ON_CLOSED[command]} while it is ${STATUS_LABELS[status]}.`;
}
