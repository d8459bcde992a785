import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { DEFAULT_IMPACT_WINDOW_DAYS } from "@/server/domain/kpi/diff-in-diff";

type ActionsOutputs = inferRouterOutputs<AppRouter>["actions"];

/** One row of actions.list: what the board, the team table and My actions show. */
export type ActionListItem = ActionsOutputs["list"]["items"][number];
/** actions.byId: the action page. */
export type ActionDetail = ActionsOutputs["byId"];
/** actions.impact, and each item of actions.impactOverview. */
export type ActionImpact = ActionsOutputs["impact"];
export type UpForReview = ActionsOutputs["upForReview"];

/** The list's next page: the cursor the server handed out, or none. */
export const nextActionsCursor = (page: { nextCursor: string | null }) => page.nextCursor ?? undefined;

/** The Impact view's query: done and verified actions measured over the default 90-day windows. */
export const IMPACT_OVERVIEW_INPUT = { windowDays: DEFAULT_IMPACT_WINDOW_DAYS };
