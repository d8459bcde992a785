import { z } from "zod";
import { ACTION_STATUSES } from "../enums";
import { DEFAULT_IMPACT_WINDOW_DAYS } from "../kpi/diff-in-diff";

const MAX_ID = 2_147_483_647;
const id = (what: string) => {
  const message = `A ${what} id is a whole number from 1 to ${MAX_ID}.`;
  return z.number({ error: message }).int(message).min(1, message).max(MAX_ID, message);
};

/** Rows of one page of the action list; a board or a team table shows at most this many at once. */
export const MAX_ACTION_PAGE = 200;

/**
 * The list's order is due date (undated last), then id; a cursor is the last row's key as
 * "YYYY-MM-DD:id" ("none:id" for an undated row), so the next page starts strictly after it.
 */
export const ACTION_CURSOR = /^(\d{4}-\d{2}-\d{2}|none):(\d{1,10})$/;

/**
 * Filters of the action list, all optional and combined with AND. `mine`: the actions of the
 * user's teams or assigned to them ("My actions"); `overdue`: open and past the due date;
 * `upForReview`: review date reached and not final.
 */
export const listActionsInput = z.object({
  status: z.enum(ACTION_STATUSES).optional(),
  statuses: z.array(z.enum(ACTION_STATUSES)).max(ACTION_STATUSES.length).optional(),
  teamId: id("team").optional(),
  assigneeId: id("user").optional(),
  mine: z.boolean().optional(),
  overdue: z.boolean().optional(),
  upForReview: z.boolean().optional(),
  limit: z.number().int().min(1).max(MAX_ACTION_PAGE).default(MAX_ACTION_PAGE),
  cursor: z.string().regex(ACTION_CURSOR, "Use the nextCursor of the previous page.").nullish(),
});
export type ListActionsInput = z.output<typeof listActionsInput>;

/** Impact of one action; `windowDays` is the length of each of the equal before/after windows. */
export const actionImpactInput = z.object({
  id: id("action"),
  windowDays: z.number().int().min(1).max(365).default(DEFAULT_IMPACT_WINDOW_DAYS),
});
export type ActionImpactInput = z.output<typeof actionImpactInput>;

/**
 * Close the loop of a verified action: resolve its linked open feedback with a note naming the
 * action. `customerContacted` is what the inbox's resolve records for each item.
 */
export const resolveActionFeedbackInput = z.object({
  id: id("action"),
  customerContacted: z.boolean({ error: "Say whether the customers were told about the fix." }),
});
export type ResolveActionFeedbackInput = z.output<typeof resolveActionFeedbackInput>;
