import { AppError } from "../../errors";
import { PRIORITIES, type FeedbackStatus, type Priority } from "../enums";
import { isOpenStatus } from "./status";

/** Targets of one priority, in calendar hours (see dueDates). */
export interface SlaTargets {
  firstResponseHours: number;
  resolutionHours: number;
}

export type SlaPolicy = Record<Priority, SlaTargets>;

/**
 * The policy a workspace gets until it sets its own (sla_policies rows override per priority).
 * Each step is 3–4× slower than the one above. Urgent: answered within the hour, fixed within a
 * working shift. High: answered the same half-day, fixed the next day. Normal: answered within a
 * day, fixed within three, so a Friday item is done by Monday. Low: answered within three days,
 * fixed within a week.
 */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  urgent: { firstResponseHours: 1, resolutionHours: 8 },
  high: { firstResponseHours: 4, resolutionHours: 24 },
  normal: { firstResponseHours: 24, resolutionHours: 72 },
  low: { firstResponseHours: 72, resolutionHours: 168 },
};

/**
 * Priorities whose items carry a first-response due date while still new. Positive and neutral
 * answers arrive by the thousand; an "overdue" flag on each would bury the detractors the closed
 * loop is about. Once triaged, every item is work and carries its resolution due date.
 */
export const FIRST_RESPONSE_PRIORITIES: readonly Priority[] = ["urgent", "high"];

const HOUR_MS = 3_600_000;

function targetsProblem(targets: SlaTargets): string | null {
  const { firstResponseHours: first, resolutionHours: resolution } = targets;
  if (!Number.isInteger(first) || first <= 0) return `first response within ${first} h is not a positive whole number`;
  if (!Number.isInteger(resolution) || resolution < first) {
    return `resolution within ${resolution} h must be a whole number of hours, at least the first-response target`;
  }
  return null;
}

/**
 * A workspace's policy: its sla_policies rows over DEFAULT_SLA_POLICY (a priority without a row
 * keeps the default). Throws INVALID_INPUT for a row the sla_policies CHECK would reject
 * (non-positive or fractional hours, resolution sooner than first response) or an unknown priority.
 */
export function resolveSlaPolicy(rows: readonly ({ priority: Priority } & SlaTargets)[]): SlaPolicy {
  const policy: SlaPolicy = { ...DEFAULT_SLA_POLICY };
  for (const row of rows) {
    if (!PRIORITIES.includes(row.priority)) {
      throw new AppError("INVALID_INPUT", `A priority is one of ${PRIORITIES.join(", ")}, got "${row.priority}".`);
    }
    const targets = { firstResponseHours: row.firstResponseHours, resolutionHours: row.resolutionHours };
    const problem = targetsProblem(targets);
    if (problem) throw new AppError("INVALID_INPUT", `The ${row.priority} SLA is invalid: ${problem}.`);
    policy[row.priority] = targets;
  }
  return policy;
}

/**
 * First-response and resolution due dates of an item of `priority` whose clock started at `start`
 * (its receivedAt): start + firstResponseHours and start + resolutionHours. Calendar hours — nights,
 * weekends and holidays count; business hours are out of scope. Throws INVALID_INPUT for an
 * invalid `start`.
 */
export function dueDates(
  policy: SlaPolicy,
  priority: Priority,
  start: Date,
): { firstResponseDueAt: Date; resolutionDueAt: Date } {
  const startMs = start.getTime();
  if (!Number.isFinite(startMs)) throw new AppError("INVALID_INPUT", "The SLA clock needs a valid start time.");
  const targets = policy[priority];
  return {
    firstResponseDueAt: new Date(startMs + targets.firstResponseHours * HOUR_MS),
    resolutionDueAt: new Date(startMs + targets.resolutionHours * HOUR_MS),
  };
}

/**
 * The due date the SLA gives an item, to store in feedback.due_at. Both clocks run from
 * receivedAt — the customer's wait — so the date is a function of stored columns alone and can be
 * recomputed at any time (priority change, policy change, reopen):
 * - new: the first-response due date if the priority is in FIRST_RESPONSE_PRIORITIES, else `null`;
 * - triaged, in progress: the resolution due date (a reopened item keeps its original clock, so it
 *   is overdue at once if the customer has waited longer than the target);
 * - resolved, dismissed: `null` — no target applies (the planner leaves the last due date stored on
 *   close, so "closed on time" stays one comparison).
 */
export function slaDueAt(
  policy: SlaPolicy,
  item: { status: FeedbackStatus; priority: Priority; receivedAt: Date },
): Date | null {
  if (!isOpenStatus(item.status)) return null;
  const due = dueDates(policy, item.priority, item.receivedAt);
  if (item.status !== "new") return due.resolutionDueAt;
  return FIRST_RESPONSE_PRIORITIES.includes(item.priority) ? due.firstResponseDueAt : null;
}

/**
 * An item is overdue when it is open (new, triaged, in progress) and `now` is strictly after its
 * due date. Due exactly now is not overdue yet; no due date, or a closed item, is never overdue.
 */
export function isOverdue(item: { status: FeedbackStatus; dueAt: Date | null }, now: Date): boolean {
  return isOpenStatus(item.status) && item.dueAt !== null && now.getTime() > item.dueAt.getTime();
}
