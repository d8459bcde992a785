import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { FEEDBACK_STATUSES, type FeedbackStatus } from "@/server/domain/enums";

export type FeedbackItem = inferRouterOutputs<AppRouter>["feedback"]["list"]["items"][number];

/** Shared by the server page (prefetch) and the client table, so both use the same query key. */
export const FEEDBACK_PAGE_SIZE = 50;

export function feedbackListInput(status: FeedbackStatus | undefined) {
  return status ? { limit: FEEDBACK_PAGE_SIZE, status } : { limit: FEEDBACK_PAGE_SIZE };
}

export function nextFeedbackCursor(page: { nextCursor: string | null }): string | undefined {
  return page.nextCursor ?? undefined;
}

/** The `status` URL parameter, if it names a feedback status; anything else means "all". */
export function parseFeedbackStatus(value: string | string[] | undefined): FeedbackStatus | undefined {
  return FEEDBACK_STATUSES.find((status) => status === value);
}
