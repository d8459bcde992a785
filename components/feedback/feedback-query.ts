import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import type { FeedbackFilters } from "@/server/domain/feedback";

export type FeedbackItem = inferRouterOutputs<AppRouter>["feedback"]["list"]["items"][number];
export type FeedbackFilterLabels = inferRouterOutputs<AppRouter>["feedback"]["filterLabels"];

/** Shared by the server page (prefetch) and the client table, so both use the same query key. */
export const FEEDBACK_PAGE_SIZE = 50;

/** The list input of `filters`, without absent fields, so server and client build equal keys. */
export function feedbackListInput(filters: FeedbackFilters) {
  const present = Object.entries(filters).filter(([, value]) => value !== undefined);
  return { limit: FEEDBACK_PAGE_SIZE, ...(Object.fromEntries(present) as FeedbackFilters) };
}

export function nextFeedbackCursor(page: { nextCursor: string | null }): string | undefined {
  return page.nextCursor ?? undefined;
}
