import type { z } from "zod";
import { isoDateProblem } from "../dashboard/calendar";
import { CHANNELS, FEEDBACK_SOURCES, FEEDBACK_STATUSES, METRIC_KINDS, PRIORITIES, SENTIMENT_LABELS } from "../enums";
import {
  DEFAULT_FEEDBACK_SORT,
  type FeedbackInboxParam,
  type FeedbackInboxState,
  NO_SEGMENT_PARAM,
} from "./filter-query";
import { type FeedbackFilters, feedbackFilterFields, MAX_FEEDBACK_SEGMENTS, NPS_CATEGORIES } from "./filters";
import { FEEDBACK_SORTS, type FeedbackSort } from "./list";

export * from "./filter-query";

/** A page's `searchParams` as Next.js hands them over. */
export type FeedbackSearchParams = Record<string, string | string[] | undefined>;

const WHOLE_NUMBER = /^\d{1,12}$/;
const YES = ["true", "1", "yes"];
const NO = ["false", "0", "no"];

/** A user's value inside a message: quoted, and cut short so a pasted essay stays readable. */
const quote = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text);

/** Every value of a parameter, trimmed, empty ones left out. */
function all(params: FeedbackSearchParams | URLSearchParams, name: FeedbackInboxParam): string[] {
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

/** The result of {@link parseFeedbackSearchParams}: the inbox state and why parts were left out. */
export interface ParsedFeedbackSearchParams extends FeedbackInboxState {
  sort: FeedbackSort;
  errors: string[];
}

/**
 * The inbox state from URL search parameters (a page's `searchParams`, or URLSearchParams):
 * - `status` = new | triaged | …; `q` = words to find in the comment (at most 200 characters);
 * - `segment` = 3 (repeatable; also 3,7; `none` = no segment), `stage` = 12, `touchpoint` = 5,
 *   `channel` = web, `region` = Poland, `kind` = nps | csat | ces | rating | none,
 *   `category` = promoter | passive | detractor (NPS only: implies kind=nps when no kind is given);
 * - `score_min` / `score_max` = 0…10 (both included), `sentiment` = negative | neutral | positive,
 *   `priority` = urgent | high | normal | low, `source` = survey | review | …, `theme` = 4,
 *   `language` = he | pt-BR | … (BCP 47), `assignee` = a user id, `team` = a team id (with both:
 *   items of either), `overdue` = true | false (also 1/0, yes/no), `suspicious` = true | false;
 * - `from` / `to` = 2026-03-01 (UTC days, both included);
 * - `sort` = newest | priority | negative (default newest), `item` = the feedback id open beside the list.
 *
 * Tolerant, never throws: a value it cannot use is left out, with a message ("Ignored …: why") for
 * the page to show, and the rest still apply. Keywords ignore case; empty values are absent; of a
 * repeated parameter the first counts (segments: all count, duplicates collapse); unknown
 * parameters are ignored. A score or date range that ends before it starts is left out whole.
 */
export function parseFeedbackSearchParams(params: FeedbackSearchParams | URLSearchParams): ParsedFeedbackSearchParams {
  const filters: FeedbackFilters = { segmentIds: [] };
  const errors: string[] = [];
  const first = (name: FeedbackInboxParam) => all(params, name)[0];

  /** A closed set of keywords; `showing` says what the inbox shows instead. */
  const keyword = <T extends string>(name: FeedbackInboxParam, names: readonly T[], what: string, showing: string) => {
    const text = first(name);
    if (text === undefined) return undefined;
    const known = pick(names, text);
    if (!known) errors.push(`Ignored ${what} ${quote(text)}: use one of ${names.join(", ")}. ${showing}`);
    return known;
  };
  /** An id of a record, checked against the filter's own schema. */
  const id = (name: FeedbackInboxParam, schema: z.ZodType, what: string, showing: string, noun = what) => {
    const text = first(name);
    if (text === undefined) return undefined;
    const why = WHOLE_NUMBER.test(text) ? problem(schema, Number(text)) : `give the ${noun}'s id, e.g. ${name}=12.`;
    if (why) errors.push(`Ignored ${what} ${quote(text)}: ${why} ${showing}`);
    return why ? undefined : Number(text);
  };
  /** Free text, checked against the filter's own schema (trimmed by `all`). */
  const text = (name: FeedbackInboxParam, schema: z.ZodType, what: string, showing: string) => {
    const value = first(name);
    if (value === undefined) return undefined;
    const why = problem(schema, value);
    if (why) errors.push(`Ignored ${what} ${quote(value)}: ${why} ${showing}`);
    return why ? undefined : value;
  };
  const fields = feedbackFilterFields;

  filters.status = keyword("status", FEEDBACK_STATUSES, "status", "Showing every status.");
  filters.q = text("q", fields.q, "search", "Showing every comment.");

  const segments = readSegments(all(params, "segment").flatMap((value) => value.split(",")));
  errors.push(...segments.errors);
  filters.segmentIds = segments.ids;

  filters.stageId = id("stage", fields.stageId.unwrap(), "journey stage", "Showing every stage.", "stage");
  filters.touchpointId = id("touchpoint", fields.touchpointId.unwrap(), "touchpoint", "Showing every touchpoint.");
  filters.channel = keyword("channel", CHANNELS, "channel", "Showing every channel.");
  filters.region = text("region", fields.region, "region", "Showing every region.");
  filters.metricKind = keyword("kind", METRIC_KINDS, "metric kind", "Showing every kind.");

  const category = first("category");
  if (category !== undefined) {
    // "detractors" reads as naturally as "detractor"
    const known = pick(NPS_CATEGORIES, category) ?? pick(NPS_CATEGORIES, category.replace(/s$/i, ""));
    if (!known) {
      errors.push(`Ignored NPS category ${quote(category)}: use one of ${NPS_CATEGORIES.join(", ")}.`);
    } else if (filters.metricKind !== undefined && filters.metricKind !== "nps") {
      errors.push(
        `Ignored NPS category ${quote(category)}: it applies to kind=nps only, not kind=${filters.metricKind}.`,
      );
    } else {
      filters.metricKind = "nps";
      filters.npsCategory = known;
    }
  }

  const scoreMin = readScore(first("score_min"), "lowest score", errors);
  const scoreMax = readScore(first("score_max"), "highest score", errors);
  if (scoreMin !== undefined && scoreMax !== undefined && scoreMax < scoreMin) {
    errors.push(
      `Ignored the score range: it ends (${scoreMax}) below where it starts (${scoreMin}); swap them. Showing every score.`,
    );
  } else {
    filters.scoreMin = scoreMin;
    filters.scoreMax = scoreMax;
  }

  filters.sentiment = keyword("sentiment", SENTIMENT_LABELS, "sentiment", "Showing every sentiment.");
  filters.priority = keyword("priority", PRIORITIES, "priority", "Showing every priority.");
  filters.source = keyword("source", FEEDBACK_SOURCES, "source", "Showing every source.");
  filters.themeId = id("theme", fields.themeId.unwrap(), "theme", "Showing every theme.");
  filters.language = readLanguage(first("language"), errors);
  filters.assigneeId = id("assignee", fields.assigneeId.unwrap(), "assignee", "Showing everyone's items.", "user");
  filters.teamId = id("team", fields.teamId.unwrap(), "team", "Showing every team's items.");

  const overdue = first("overdue");
  if (overdue !== undefined) {
    const lower = overdue.toLowerCase();
    if (YES.includes(lower)) filters.overdue = true;
    else if (NO.includes(lower)) filters.overdue = false;
    else errors.push(`Ignored overdue ${quote(overdue)}: use overdue=true or overdue=false. Showing items due or not.`);
  }

  const suspicious = first("suspicious");
  if (suspicious !== undefined) {
    const lower = suspicious.toLowerCase();
    if (YES.includes(lower)) filters.suspicious = true;
    else if (NO.includes(lower)) filters.suspicious = false;
    else {
      errors.push(
        `Ignored suspicious ${quote(suspicious)}: use suspicious=true or suspicious=false. Showing every item.`,
      );
    }
  }

  const from = readDate(first("from"), "start date", errors);
  const to = readDate(first("to"), "end date", errors);
  if (from !== undefined && to !== undefined && to < from) {
    errors.push(`Ignored the dates: the range ends (${to}) before it starts (${from}); swap them. Showing every date.`);
  } else {
    filters.from = from;
    filters.to = to;
  }

  const sort = keyword("sort", FEEDBACK_SORTS, "sort order", "Showing the newest first.") ?? DEFAULT_FEEDBACK_SORT;
  const itemId = readItem(first("item"), errors);

  // absent filters are left out rather than set to undefined, so equal states are equal objects
  const present = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
  return { filters: present as FeedbackFilters, sort, ...(itemId === undefined ? {} : { itemId }), errors };
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

function readScore(text: string | undefined, what: string, errors: string[]): number | undefined {
  if (text === undefined) return undefined;
  const why = WHOLE_NUMBER.test(text)
    ? problem(feedbackFilterFields.scoreMin.unwrap(), Number(text))
    : "A score is a whole number.";
  if (!why) return Number(text);
  errors.push(`Ignored ${what} ${quote(text)}: ${why} Scores run from 0 to 10.`);
  return undefined;
}

/** A BCP 47 tag; its first subtag (the language) ignores case like a keyword: "PT-BR" reads as "pt-BR". */
function readLanguage(text: string | undefined, errors: string[]): string | undefined {
  if (text === undefined) return undefined;
  const [primary = "", ...rest] = text.split("-");
  const tag = [primary.toLowerCase(), ...rest].join("-");
  const why = problem(feedbackFilterFields.language, tag);
  if (!why) return tag;
  errors.push(`Ignored language ${quote(text)}: ${why} Showing every language.`);
  return undefined;
}

/** Feedback ids are PostgreSQL `integer`s, like the filters' ids. */
const MAX_ITEM_ID = 2_147_483_647;

function readItem(text: string | undefined, errors: string[]): number | undefined {
  if (text === undefined) return undefined;
  const value = WHOLE_NUMBER.test(text) ? Number(text) : 0;
  if (value >= 1 && value <= MAX_ITEM_ID) return value;
  errors.push(
    `Ignored feedback item ${quote(text)}: a feedback id is a whole number from 1 to ${MAX_ITEM_ID}. No item is open.`,
  );
  return undefined;
}

function readDate(text: string | undefined, what: string, errors: string[]): string | undefined {
  if (text === undefined) return undefined;
  const why = isoDateProblem(text);
  if (!why) return text;
  errors.push(`Ignored ${what} ${quote(text)}: ${why}`);
  return undefined;
}
