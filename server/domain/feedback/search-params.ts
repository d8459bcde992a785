import type { z } from "zod";
import { isoDateProblem } from "../dashboard/calendar";
import { CHANNELS, FEEDBACK_STATUSES, METRIC_KINDS } from "../enums";
import { type FeedbackFilters, feedbackFilterFields, MAX_FEEDBACK_SEGMENTS, NPS_CATEGORIES } from "./filters";

/** A page's `searchParams` as Next.js hands them over. */
export type FeedbackSearchParams = Record<string, string | string[] | undefined>;

/** The inbox's URL parameters, in the order {@link feedbackFiltersQuery} writes them. */
export const FEEDBACK_FILTER_PARAMS = ["status", "segment", "stage", "channel", "region", "kind", "category", "from", "to"] as const;
export type FeedbackFilterParam = (typeof FEEDBACK_FILTER_PARAMS)[number];

/** `segment=none`: customers without a segment, and feedback without a customer. */
export const NO_SEGMENT_PARAM = "none";

const WHOLE_NUMBER = /^\d{1,12}$/;

/** A user's value inside a message: quoted, and cut short so a pasted essay stays readable. */
const quote = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text);

/** Every value of a parameter, trimmed, empty ones left out. */
function all(params: FeedbackSearchParams | URLSearchParams, name: FeedbackFilterParam): string[] {
  const raw = params instanceof URLSearchParams ? params.getAll(name) : params[name];
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return list.map((value) => value.trim()).filter(Boolean);
}

/** Why `value` does not pass `schema`, or null when it does. */
function problem(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? "invalid value.");
}

/** The member of `names` that `text` spells, ignoring case. */
function pick<T extends string>(names: readonly T[], text: string): T | undefined {
  const lower = text.toLowerCase();
  return names.find((name) => name === lower);
}

/**
 * Inbox filters from URL search parameters (a page's `searchParams`, or URLSearchParams):
 * `status` = new | triaged | …, `segment` = 3 (repeatable; also 3,7; `none` = no segment),
 * `stage` = 12, `channel` = web, `region` = Poland, `kind` = nps | csat | ces | rating | none,
 * `category` = promoter | passive | detractor (NPS only: implies kind=nps when no kind is given),
 * `from` / `to` = 2026-03-01 (UTC days, both included).
 *
 * Tolerant, never throws: a value it cannot use is left out, with a message for the page to show,
 * and the rest still apply. Keywords ignore case; empty values are absent; of a repeated parameter
 * the first counts (segments: all count, duplicates collapse); unknown parameters are ignored.
 * A range that ends before it starts is left out whole.
 */
export function parseFeedbackSearchParams(params: FeedbackSearchParams | URLSearchParams): {
  filters: FeedbackFilters;
  errors: string[];
} {
  const filters: FeedbackFilters = { segmentIds: [] };
  const errors: string[] = [];
  const first = (name: FeedbackFilterParam) => all(params, name)[0];

  const status = first("status");
  if (status !== undefined) {
    const known = pick(FEEDBACK_STATUSES, status);
    if (known) filters.status = known;
    else errors.push(`Ignored status ${quote(status)}: use one of ${FEEDBACK_STATUSES.join(", ")}. Showing every status.`);
  }

  const segments = readSegments(all(params, "segment").flatMap((value) => value.split(",")));
  errors.push(...segments.errors);
  filters.segmentIds = segments.ids;

  const stage = first("stage");
  if (stage !== undefined) {
    const schema = feedbackFilterFields.stageId.unwrap();
    const why = WHOLE_NUMBER.test(stage) ? problem(schema, Number(stage)) : "give the stage's id, e.g. stage=12.";
    if (why) errors.push(`Ignored journey stage ${quote(stage)}: ${why} Showing every stage.`);
    else filters.stageId = Number(stage);
  }

  const channel = first("channel");
  if (channel !== undefined) {
    const known = pick(CHANNELS, channel);
    if (known) filters.channel = known;
    else errors.push(`Ignored channel ${quote(channel)}: use one of ${CHANNELS.join(", ")}. Showing every channel.`);
  }

  const region = first("region");
  if (region !== undefined) {
    const why = problem(feedbackFilterFields.region, region);
    if (why) errors.push(`Ignored region ${quote(region)}: ${why} Showing every region.`);
    else filters.region = region;
  }

  const kind = first("kind");
  if (kind !== undefined) {
    const known = pick(METRIC_KINDS, kind);
    if (known) filters.metricKind = known;
    else errors.push(`Ignored metric kind ${quote(kind)}: use one of ${METRIC_KINDS.join(", ")}. Showing every kind.`);
  }

  const category = first("category");
  if (category !== undefined) {
    // "detractors" reads as naturally as "detractor"
    const known = pick(NPS_CATEGORIES, category) ?? pick(NPS_CATEGORIES, category.replace(/s$/i, ""));
    if (!known) {
      errors.push(`Ignored NPS category ${quote(category)}: use one of ${NPS_CATEGORIES.join(", ")}.`);
    } else if (filters.metricKind !== undefined && filters.metricKind !== "nps") {
      errors.push(`Ignored NPS category ${quote(category)}: it applies to kind=nps only, not kind=${filters.metricKind}.`);
    } else {
      filters.metricKind = "nps";
      filters.npsCategory = known;
    }
  }

  const from = readDate(first("from"), "start date", errors);
  const to = readDate(first("to"), "end date", errors);
  if (from !== undefined && to !== undefined && to < from) {
    errors.push(`Ignored the dates: the range ends (${to}) before it starts (${from}); swap them. Showing every date.`);
  } else {
    if (from !== undefined) filters.from = from;
    if (to !== undefined) filters.to = to;
  }

  return { filters, errors };
}

function readSegments(parts: string[]): { ids: (number | null)[]; errors: string[] } {
  const ids: (number | null)[] = [];
  const errors: string[] = [];
  const element = feedbackFilterFields.segmentIds.unwrap().element;
  for (const part of parts.map((text) => text.trim()).filter(Boolean)) {
    let value: number | null;
    if (part.toLowerCase() === NO_SEGMENT_PARAM) {
      value = null;
    } else if (!WHOLE_NUMBER.test(part)) {
      errors.push(`Ignored segment ${quote(part)}: give the segment's id, e.g. segment=3, or segment=none.`);
      continue;
    } else {
      value = Number(part);
      const why = problem(element, value);
      if (why) {
        errors.push(`Ignored segment ${quote(part)}: ${why}`);
        continue;
      }
    }
    if (!ids.includes(value)) ids.push(value);
  }
  if (ids.length > MAX_FEEDBACK_SEGMENTS) {
    errors.push(`Ignored the segment filter: select at most ${MAX_FEEDBACK_SEGMENTS} segments. Showing every segment.`);
    return { ids: [], errors };
  }
  return { ids, errors };
}

function readDate(text: string | undefined, what: string, errors: string[]): string | undefined {
  if (text === undefined) return undefined;
  const why = isoDateProblem(text);
  if (!why) return text;
  errors.push(`Ignored ${what} ${quote(text)}: ${why}`);
  return undefined;
}

/**
 * URL search parameters of `filters`, in the order of {@link FEEDBACK_FILTER_PARAMS}, one `segment`
 * per id in the filters' order (`none` for null); absent filters are left out. Inverse of
 * {@link parseFeedbackSearchParams}: parsing the result gives `filters` back, with no errors, for
 * every `filters` that feedbackFiltersInput (./filters.ts) accepts.
 */
export function serializeFeedbackFilters(filters: FeedbackFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status !== undefined) params.set("status", filters.status);
  for (const id of filters.segmentIds) params.append("segment", id === null ? NO_SEGMENT_PARAM : String(id));
  if (filters.stageId !== undefined) params.set("stage", String(filters.stageId));
  if (filters.channel !== undefined) params.set("channel", filters.channel);
  if (filters.region !== undefined) params.set("region", filters.region);
  if (filters.metricKind !== undefined) params.set("kind", filters.metricKind);
  if (filters.npsCategory !== undefined) params.set("category", filters.npsCategory);
  if (filters.from !== undefined) params.set("from", filters.from);
  if (filters.to !== undefined) params.set("to", filters.to);
  return params;
}

/** The query string of `filters`, without "?" ("" when nothing is filtered). */
export function feedbackFiltersQuery(filters: FeedbackFilters): string {
  return serializeFeedbackFilters(filters).toString();
}
