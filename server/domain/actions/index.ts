import type { ActionStatus } from "../enums";
import { CLOSED_ACTION_STATUSES } from "./workflow";

export * from "./inputs";
export * from "./queries";
export * from "./review";
export * from "./workflow";

/**
 * An action is overdue when its due date (YYYY-MM-DD) is strictly before `today` (YYYY-MM-DD) and
 * it is still open. Due today is not overdue; no due date is never overdue.
 */
export function isActionOverdue(action: { dueDate: string | null; status: ActionStatus }, today: string): boolean {
  return action.dueDate !== null && action.dueDate < today && !CLOSED_ACTION_STATUSES.has(action.status);
}

/** The calendar date (UTC) of `at` as YYYY-MM-DD. */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}
