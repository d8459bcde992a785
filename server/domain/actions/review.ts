import type { ActionStatus } from "../enums";
import { FINAL_ACTION_STATUSES } from "./workflow";

/** A new action's first review, in months after its creation (DESIGN.md: every 3–5 months). */
export const ACTION_REVIEW_MONTHS = 3;

/**
 * The calendar date `months` months after `date` (both YYYY-MM-DD), clamped to the end of a shorter
 * month: 2024-11-30 + 3 → 2025-02-28, 2023-11-30 + 3 → 2024-02-29, 2024-05-31 + 3 → 2024-08-31.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** The review date an action gets unless someone sets one: 3 months after the day it was created. */
export function defaultActionReviewDate(createdOn: string): string {
  return addMonths(createdOn, ACTION_REVIEW_MONTHS);
}

/**
 * A review is due from its date on (that day included): `reviewDate ≤ today`, both YYYY-MM-DD, so
 * string order is date order. No review date → never due.
 */
export function reviewDue(reviewDate: string | null, today: string): boolean {
  return reviewDate !== null && reviewDate <= today;
}

/**
 * An action is on the "Up for review" list when its review is due and it is not final: a verified or
 * dropped action has nothing left to review. A done action is listed: reviewing it is how it gets verified.
 */
export function isActionUpForReview(
  action: { reviewDate: string | null; status: ActionStatus },
  today: string,
): boolean {
  return reviewDue(action.reviewDate, today) && !FINAL_ACTION_STATUSES.has(action.status);
}
