import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import type { FeedbackFilters } from "@/server/domain/feedback/filters";
import type { FeedbackSort } from "@/server/domain/feedback/list";

type Outputs = inferRouterOutputs<AppRouter>;
export type FeedbackItem = Outputs["feedback"]["list"]["items"][number];
export type FeedbackFilterLabels = Outputs["feedback"]["filterLabels"];
export type FeedbackDetail = Outputs["feedback"]["detail"];
export type FeedbackAssignees = Outputs["feedback"]["assignees"];
export type ThemeOption = Outputs["feedback"]["themeOptions"][number];
export type JourneyStageOption = Outputs["journeys"]["list"]["items"][number];

/** Shared by the server page (prefetch) and the client list, so both use the same query key. */
export const FEEDBACK_PAGE_SIZE = 50;

/** The list input of `filters` and `sort`, without absent fields, so server and client build equal keys. */
export function feedbackListInput(filters: FeedbackFilters, sort: FeedbackSort = "newest") {
  const present = Object.entries(filters).filter(([, value]) => value !== undefined);
  return { limit: FEEDBACK_PAGE_SIZE, sort, ...(Object.fromEntries(present) as FeedbackFilters) };
}

export function nextFeedbackCursor(page: { nextCursor: string | null }): string | undefined {
  return page.nextCursor ?? undefined;
}
