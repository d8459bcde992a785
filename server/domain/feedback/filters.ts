import { z } from "zod";
import { isoDateProblem } from "../dashboard/calendar";
import { MAX_DASHBOARD_SEGMENTS, MAX_REGION_LENGTH } from "../dashboard/filters";
import { CHANNELS, FEEDBACK_SOURCES, FEEDBACK_STATUSES, METRIC_KINDS, PRIORITIES, SENTIMENT_LABELS } from "../enums";
import { NPS_CATEGORIES, type NpsCategory } from "../kpi/nps";

/**
 * Filters of the feedback inbox: the list procedure's input and the inbox URL (./search-params.ts).
 * The limits follow the dashboard's, since the dashboard links here with its own filters.
 */
export const MAX_FEEDBACK_SEGMENTS = MAX_DASHBOARD_SEGMENTS;
export { MAX_REGION_LENGTH, NPS_CATEGORIES, type NpsCategory };

/** Scores of each NPS category, both ends included (see npsCategory in ../kpi/nps.ts). */
export const NPS_CATEGORY_SCORES: Record<NpsCategory, { min: number; max: number }> = {
  promoter: { min: 9, max: 10 },
  passive: { min: 7, max: 8 },
  detractor: { min: 0, max: 6 },
};

/** Ids are PostgreSQL `integer`s: a larger one would fail in the query instead of here. */
const MAX_ID = 2_147_483_647;

const id = (what: string) => {
  const message = `A ${what} id is a whole number from 1 to ${MAX_ID}.`;
  return z.number().int(message).min(1, message).max(MAX_ID, message);
};

const calendarDate = z.string().superRefine((value, ctx) => {
  const problem = isoDateProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/**
 * The fields of {@link feedbackFiltersInput}, for schemas that add their own (the list input adds
 * cursor and limit); pair them with {@link checkFeedbackFilters}.
 */
/** Longest free-text search, in characters. */
export const MAX_SEARCH_LENGTH = 200;
/** A BCP 47 language tag as stored in feedback.language: "en", "pt-BR", "zh-Hant". */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export const feedbackFilterFields = {
  status: z
    .enum(FEEDBACK_STATUSES, {
      error: `A status is one of ${FEEDBACK_STATUSES.join(", ")}.`,
    })
    .optional(),
  priority: z
    .enum(PRIORITIES, {
      error: `A priority is one of ${PRIORITIES.join(", ")}.`,
    })
    .optional(),
  source: z
    .enum(FEEDBACK_SOURCES, {
      error: `A source is one of ${FEEDBACK_SOURCES.join(", ")}.`,
    })
    .optional(),
  touchpointId: id("touchpoint").optional(),
  /** Scores from/to, both included, on the item's own scale (NPS 0–10, CSAT 1–5, CES 1–7, rating 1–5). */
  scoreMin: z
    .number()
    .int("A score is a whole number.")
    .min(0, "Scores start at 0.")
    .max(10, "Scores end at 10.")
    .optional(),
  scoreMax: z
    .number()
    .int("A score is a whole number.")
    .min(0, "Scores start at 0.")
    .max(10, "Scores end at 10.")
    .optional(),
  sentiment: z
    .enum(SENTIMENT_LABELS, {
      error: `A sentiment is one of ${SENTIMENT_LABELS.join(", ")}.`,
    })
    .optional(),
  themeId: id("theme").optional(),
  language: z.string().trim().regex(LANGUAGE_TAG, "A language is a tag such as en, he, zh or pt-BR.").optional(),
  /** A user of the workspace; with `teamId`, items of either. */
  assigneeId: id("user").optional(),
  teamId: id("team").optional(),
  /** Open items whose SLA due date has passed. */
  overdue: z.boolean().optional(),
  /** Items a suspicious-feedback rule flagged and no manager cleared (false: the others). */
  suspicious: z.boolean().optional(),
  /** Words to find in the comment, any language; every word must occur. */
  q: z
    .string()
    .trim()
    .min(1, "Type a word to search for.")
    .max(MAX_SEARCH_LENGTH, `A search is at most ${MAX_SEARCH_LENGTH} characters.`)
    .optional(),
  /** null stands for "no segment": customers without one, and feedback without a customer. */
  segmentIds: z
    .array(id("segment").nullable())
    .max(MAX_FEEDBACK_SEGMENTS, `Select at most ${MAX_FEEDBACK_SEGMENTS} segments.`)
    .refine((ids) => new Set(ids).size === ids.length, "Select each segment once.")
    .default(() => []),
  stageId: id("journey stage").optional(),
  channel: z.enum(CHANNELS, { error: `A channel is one of ${CHANNELS.join(", ")}.` }).optional(),
  region: z
    .string()
    .trim()
    .min(1, "A region name cannot be empty.")
    .max(MAX_REGION_LENGTH, `A region name is at most ${MAX_REGION_LENGTH} characters.`)
    .optional(),
  metricKind: z
    .enum(METRIC_KINDS, {
      error: `A metric kind is one of ${METRIC_KINDS.join(", ")}.`,
    })
    .optional(),
  npsCategory: z
    .enum(NPS_CATEGORIES, {
      error: `An NPS category is one of ${NPS_CATEGORIES.join(", ")}.`,
    })
    .optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
};

type FilterFields = {
  metricKind?: string;
  npsCategory?: string;
  from?: string;
  to?: string;
  scoreMin?: number;
  scoreMax?: number;
};

/** The rules between fields: a category needs NPS feedback, and a range ends on or after its start. */
export function checkFeedbackFilters(value: FilterFields, ctx: z.RefinementCtx): void {
  if (value.npsCategory !== undefined && value.metricKind !== "nps") {
    ctx.addIssue({
      code: "custom",
      path: ["npsCategory"],
      message: `An NPS category applies to NPS feedback only; filter on the metric kind nps, not ${value.metricKind ?? "every kind"}.`,
    });
  }
  if (value.scoreMin !== undefined && value.scoreMax !== undefined && value.scoreMax < value.scoreMin) {
    ctx.addIssue({
      code: "custom",
      path: ["scoreMax"],
      message: `The score range ends (${value.scoreMax}) below where it starts (${value.scoreMin}); swap them.`,
    });
  }
  const { from, to } = value;
  // a malformed date already has its own message
  if (from === undefined || to === undefined || isoDateProblem(from) || isoDateProblem(to)) return;
  if (to < from) {
    ctx.addIssue({
      code: "custom",
      path: ["to"],
      message: `The date range ends (${to}) before it starts (${from}); swap the dates.`,
    });
  }
}

/**
 * What the inbox can be narrowed to. Every field is optional and they combine with AND:
 * - `status`, `channel`, `metricKind`, `stageId`: the feedback's own columns;
 * - `segmentIds` (any of them, at most {@link MAX_FEEDBACK_SEGMENTS}, each once) and `region` (exact,
 *   trimmed, 1–{@link MAX_REGION_LENGTH} characters): the customer's; feedback without a customer
 *   has neither, so it matches only the "no segment" entry `null`;
 * - `npsCategory`: NPS scores 9–10, 7–8 or 0–6; only with `metricKind: "nps"`;
 * - `from`/`to`: whole UTC days YYYY-MM-DD, both included, from 1970; either may be open; `from` ≤ `to`.
 */
export const feedbackFiltersInput = z.object(feedbackFilterFields).superRefine(checkFeedbackFilters);
export type FeedbackFilters = z.output<typeof feedbackFiltersInput>;
export type FeedbackFiltersInput = z.input<typeof feedbackFiltersInput>;

/** True when `filters` narrow nothing but (perhaps) the status: the plain inbox. */
export function hasDrillDownFilters(filters: FeedbackFilters): boolean {
  const { status: _status, segmentIds, ...rest } = filters;
  return segmentIds.length > 0 || Object.values(rest).some((value) => value !== undefined);
}

/** The ids among the filters that the inbox shows by name (feedback.filterLabels). */
export const feedbackFilterLabelsInput = z.object({
  segmentIds: feedbackFilterFields.segmentIds,
  stageId: feedbackFilterFields.stageId,
});
export type FeedbackFilterLabelsInput = z.input<typeof feedbackFilterLabelsInput>;
