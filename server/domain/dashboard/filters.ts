import { z } from "zod";
import { type Channel, CHANNELS } from "../enums";
import { isoDateProblem, MAX_YEAR, MIN_YEAR, parseIsoDate, shiftYears } from "./calendar";

import { type DashboardComparison, DASHBOARD_COMPARISONS, ROLLING_PERIODS } from "./filter-query";

export const MAX_DASHBOARD_SEGMENTS = 20;
export const MAX_CUSTOM_PERIOD_YEARS = 3;
export const MAX_REGION_LENGTH = 80;
/** Ids are PostgreSQL `integer`s: a larger one would fail in the query instead of here. */
const MAX_ID = 2_147_483_647;

const calendarDate = z.string().superRefine((value, ctx) => {
  const problem = isoDateProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const customPeriod = z
  .object({ kind: z.literal("custom"), from: calendarDate, to: calendarDate })
  .superRefine(({ from, to }, ctx) => {
    // zod runs this even when a date failed above; that date already has its message
    if (isoDateProblem(from) || isoDateProblem(to)) return;
    if (to < from) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `The period ends (${to}) before it starts (${from}); swap the dates.`,
      });
    } else if (parseIsoDate(to) >= shiftYears(parseIsoDate(from), MAX_CUSTOM_PERIOD_YEARS)) {
      const message = `A custom period spans at most ${MAX_CUSTOM_PERIOD_YEARS} years; ${from}..${to} is longer. Choose a shorter range.`;
      ctx.addIssue({ code: "custom", path: ["to"], message });
    }
  });

const YEAR_MESSAGE = `A quarter's year is a whole number from ${MIN_YEAR} to ${MAX_YEAR}.`;
const QUARTER_MESSAGE = "A quarter is 1, 2, 3 or 4.";

/**
 * The dashboard period as chosen: a rolling window ending today, a calendar quarter, or a custom
 * range of whole days `from`..`to` (both included, YYYY-MM-DD, real calendar dates from 1970, `to` ≥
 * `from`, and `to` before the same date {@link MAX_CUSTOM_PERIOD_YEARS} years after `from`).
 * Instants come from resolvePeriod (./periods.ts), which also knows the time zone.
 */
export const dashboardPeriodInput = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.enum(ROLLING_PERIODS) }),
    z.object({
      kind: z.literal("quarter"),
      year: z.number().int(YEAR_MESSAGE).min(MIN_YEAR, YEAR_MESSAGE).max(MAX_YEAR, YEAR_MESSAGE),
      quarter: z.number().int(QUARTER_MESSAGE).min(1, QUARTER_MESSAGE).max(4, QUARTER_MESSAGE),
    }),
    customPeriod,
  ],
  { error: `A period is one of ${ROLLING_PERIODS.join(", ")}, quarter or custom.` },
);
export type DashboardPeriod = z.output<typeof dashboardPeriodInput>;

const id = (what: string) => {
  const message = `A ${what} id is a whole number from 1 to ${MAX_ID}.`;
  return z.number().int(message).min(1, message).max(MAX_ID, message);
};

/**
 * Filters of every dashboard procedure (and of the dashboard URL, see
 * {@link parseDashboardSearchParams}). Defaults: the last 90 days against the previous 90, every
 * segment, channel, region and journey stage. At most {@link MAX_DASHBOARD_SEGMENTS} distinct
 * segments; a region is trimmed and 1–{@link MAX_REGION_LENGTH} characters.
 */
export const dashboardFiltersInput = z.object({
  period: dashboardPeriodInput.default(() => ({ kind: "last90" as const })),
  comparison: z
    .enum(DASHBOARD_COMPARISONS, { error: `Compare with ${DASHBOARD_COMPARISONS.join(", ")}.` })
    .default("previous"),
  segmentIds: z
    .array(id("segment"))
    .max(MAX_DASHBOARD_SEGMENTS, `Select at most ${MAX_DASHBOARD_SEGMENTS} segments.`)
    .refine((ids) => new Set(ids).size === ids.length, "Select each segment once.")
    .default(() => []),
  channel: z.enum(CHANNELS, { error: `A channel is one of ${CHANNELS.join(", ")}.` }).optional(),
  region: z
    .string()
    .trim()
    .min(1, "A region name cannot be empty.")
    .max(MAX_REGION_LENGTH, `A region name is at most ${MAX_REGION_LENGTH} characters.`)
    .optional(),
  stageId: id("journey stage").optional(),
});
export type DashboardFilters = z.output<typeof dashboardFiltersInput>;
export type DashboardFiltersInput = z.input<typeof dashboardFiltersInput>;

/** The filters of a bare dashboard URL: last 90 days vs the previous 90, nothing filtered. */
export function defaultDashboardFilters(): DashboardFilters {
  return dashboardFiltersInput.parse({});
}

export type SearchParams = Record<string, string | string[] | undefined>;
type Read<T> = { value: T } | { error: string };

const QUARTER_PARAM = /^(\d{4})-Q(\d)$/i;
const RANGE_PARAM = /^(.*)\.\.(.*)$/;
const WHOLE_NUMBER = /^\d{1,12}$/;

/** A user's value inside a message: quoted, and cut short so a pasted essay stays readable. */
const quote = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text);

/** The first value of a parameter, trimmed; an empty value counts as absent. */
function single(value: string | string[] | undefined): string | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text : undefined;
}

function check<T>(schema: z.ZodType<T>, value: unknown, what: string, text: string): Read<T> {
  const result = schema.safeParse(value);
  if (result.success) return { value: result.data };
  return { error: `Ignored ${what} ${quote(text)}: ${result.error.issues[0]?.message ?? "invalid value."}` };
}

function readPeriod(text: string): Read<DashboardPeriod> {
  const lower = text.toLowerCase();
  const rolling = ROLLING_PERIODS.find((kind) => kind === lower);
  if (rolling) return { value: { kind: rolling } };
  const quarter = QUARTER_PARAM.exec(text);
  if (quarter) {
    return check(
      dashboardPeriodInput,
      { kind: "quarter", year: Number(quarter[1]), quarter: Number(quarter[2]) },
      "period",
      text,
    );
  }
  const range = RANGE_PARAM.exec(text);
  if (range) return check(dashboardPeriodInput, { kind: "custom", from: range[1], to: range[2] }, "period", text);
  const forms = `${ROLLING_PERIODS.join(", ")}, a quarter such as 2026-Q3, or dates such as 2026-01-01..2026-03-31`;
  return { error: `Unknown period ${quote(text)}; use ${forms}.` };
}

function readSegments(value: string | string[] | undefined): Read<number[]> | undefined {
  const text = (Array.isArray(value) ? value.join(",") : (value ?? "")).trim();
  if (!text) return undefined;
  const parts = text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (!parts.every((part) => WHOLE_NUMBER.test(part))) {
    return { error: `Ignored segment filter ${quote(text)}: list segment ids as whole numbers, e.g. segment=3,7.` };
  }
  const ids = [...new Set(parts.map(Number))];
  return check(dashboardFiltersInput.shape.segmentIds, ids, "segment filter", text);
}

function readWholeNumber(text: string, what: string, example: string, schema: z.ZodType<number>): Read<number> {
  if (!WHOLE_NUMBER.test(text)) return { error: `Ignored ${what} ${quote(text)}: give its id, e.g. ${example}.` };
  return check(schema, Number(text), what, text);
}

/**
 * Dashboard filters from URL search parameters (a page's `searchParams`):
 * `period` = last30 | last90 | last365 | 2026-Q3 | 2026-01-01..2026-03-31, `compare` = previous | yoy |
 * none, `segment` = 3,7, `channel` = web, `region` = Poland, `stage` = 12.
 * Tolerant, never throws: a value it cannot use falls back to that field's default and adds a message
 * for the page to show. Keywords ignore case; an empty value is absent; of a repeated parameter the
 * first counts (segments: all are joined); duplicate segment ids collapse; other parameters are ignored.
 */
export function parseDashboardSearchParams(params: SearchParams): { filters: DashboardFilters; errors: string[] } {
  const filters = defaultDashboardFilters();
  const errors: string[] = [];
  const take = <T>(read: Read<T> | undefined, fallback: string, assign: (value: T) => void) => {
    if (read === undefined) return;
    if ("value" in read) assign(read.value);
    else errors.push(`${read.error} Showing ${fallback} instead.`);
  };

  const period = single(params.period);
  if (period !== undefined) take(readPeriod(period), "the last 90 days", (value) => (filters.period = value));

  const compare = single(params.compare);
  if (compare !== undefined) {
    const comparison = DASHBOARD_COMPARISONS.find((kind) => kind === compare.toLowerCase());
    const read: Read<DashboardComparison> = comparison
      ? { value: comparison }
      : { error: `Unknown comparison ${quote(compare)}; use previous, yoy or none.` };
    take(read, "the previous period", (value) => (filters.comparison = value));
  }

  take(readSegments(params.segment), "all segments", (value) => (filters.segmentIds = value));

  const channel = single(params.channel);
  if (channel !== undefined) {
    const known = CHANNELS.find((name) => name === channel.toLowerCase());
    const read: Read<Channel> = known
      ? { value: known }
      : { error: `Unknown channel ${quote(channel)}; use one of ${CHANNELS.join(", ")}.` };
    take(read, "all channels", (value) => (filters.channel = value));
  }

  const region = single(params.region);
  if (region !== undefined) {
    take(check(dashboardFiltersInput.shape.region, region, "region", region), "all regions", (value) => {
      if (value !== undefined) filters.region = value;
    });
  }

  const stage = single(params.stage);
  if (stage !== undefined) {
    const read = readWholeNumber(stage, "journey stage", "stage=12", dashboardFiltersInput.shape.stageId.unwrap());
    take(read, "all journey stages", (value) => (filters.stageId = value));
  }

  return { filters, errors };
}
