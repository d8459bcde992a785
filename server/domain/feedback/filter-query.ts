import type { FeedbackFilters } from "./filters";
import type { FeedbackSort } from "./list";

// The inbox URL's vocabulary and its writer, free of the validation library: the inbox's client
// components import this module, and the zod schemas in ./filters.ts stay on the server. The reader
// (parseFeedbackSearchParams) is in ./search-params.ts.

/**
 * The inbox's URL parameters, in the order {@link serializeFeedbackInbox} writes them: the status,
 * the search, the drill-down filters the dashboard links with, the triage filters, the dates, then
 * the order and the open item (view state, not filters).
 */
export const FEEDBACK_INBOX_PARAMS = [
  "status",
  "q",
  "segment",
  "stage",
  "touchpoint",
  "channel",
  "region",
  "kind",
  "category",
  "score_min",
  "score_max",
  "sentiment",
  "priority",
  "source",
  "theme",
  "language",
  "assignee",
  "team",
  "overdue",
  "suspicious",
  "from",
  "to",
  "sort",
  "item",
] as const;
export type FeedbackInboxParam = (typeof FEEDBACK_INBOX_PARAMS)[number];

/** The inbox's route (also FEEDBACK_INBOX_PATH of ./inbox-href.ts, which carries the zod schemas). */
const INBOX_PATH = "/feedback";

/** `segment=none`: customers without a segment, and feedback without a customer. */
export const NO_SEGMENT_PARAM = "none";
/** The order of the bare inbox, left out of its URL. */
export const DEFAULT_FEEDBACK_SORT: FeedbackSort = "newest";

/** Everything the inbox URL holds: what the list shows, in which order, and the item open beside it. */
export interface FeedbackInboxState {
  filters: FeedbackFilters;
  /** Absent or "newest": newest first. */
  sort?: FeedbackSort;
  /** The feedback item open in the detail panel. */
  itemId?: number;
}

/**
 * URL search parameters of an inbox state, in the order of {@link FEEDBACK_INBOX_PARAMS}: one
 * `segment` per id in the filters' order (`none` for null), `overdue=true|false`, `suspicious=true|false`; absent filters and
 * the default order are left out. Inverse of parseFeedbackSearchParams (./search-params.ts): parsing
 * the result gives the state back, with no errors, for every state whose filters
 * feedbackFiltersInput (./filters.ts) accepts.
 */
export function serializeFeedbackInbox({ filters, sort, itemId }: FeedbackInboxState): URLSearchParams {
  const params = new URLSearchParams();
  const set = (name: FeedbackInboxParam, value: string | number | boolean | undefined) => {
    if (value !== undefined) params.set(name, String(value));
  };
  set("status", filters.status);
  set("q", filters.q);
  for (const id of filters.segmentIds) params.append("segment", id === null ? NO_SEGMENT_PARAM : String(id));
  set("stage", filters.stageId);
  set("touchpoint", filters.touchpointId);
  set("channel", filters.channel);
  set("region", filters.region);
  set("kind", filters.metricKind);
  set("category", filters.npsCategory);
  set("score_min", filters.scoreMin);
  set("score_max", filters.scoreMax);
  set("sentiment", filters.sentiment);
  set("priority", filters.priority);
  set("source", filters.source);
  set("theme", filters.themeId);
  set("language", filters.language);
  set("assignee", filters.assigneeId);
  set("team", filters.teamId);
  set("overdue", filters.overdue);
  set("suspicious", filters.suspicious);
  set("from", filters.from);
  set("to", filters.to);
  set("sort", sort === DEFAULT_FEEDBACK_SORT ? undefined : sort);
  set("item", itemId);
  return params;
}

/** The query string of an inbox state, without "?" ("" for the bare inbox). */
export function feedbackInboxQuery(state: FeedbackInboxState): string {
  return serializeFeedbackInbox(state).toString();
}

/** URL search parameters of `filters` alone (newest first, no item open). */
export function serializeFeedbackFilters(filters: FeedbackFilters): URLSearchParams {
  return serializeFeedbackInbox({ filters });
}

/** The query string of `filters` alone, without "?" ("" when nothing is filtered). */
export function feedbackFiltersQuery(filters: FeedbackFilters): string {
  return serializeFeedbackFilters(filters).toString();
}

/** The inbox URL of a state: "/feedback" with its query, if any. */
export function feedbackInboxPath(state: FeedbackInboxState): string {
  const query = feedbackInboxQuery(state);
  return query ? `${INBOX_PATH}?${query}` : INBOX_PATH;
}
