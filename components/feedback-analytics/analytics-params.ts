import { ROLLING_PERIODS, type RollingPeriod } from "@/server/domain/dashboard/filter-query";
import { CHANNELS, type Channel } from "@/server/domain/enums";
import { feedbackInboxPath } from "@/server/domain/feedback/filter-query";
import type { FeedbackFilters } from "@/server/domain/feedback/filters";

// The theme analytics URL (/feedback/analytics?period=last30&segment=3&stage=2&channel=web) and the
// inbox links it makes. Zod-free: the page's client components import it.

export const ANALYTICS_PATH = "/feedback/analytics";
export const DEFAULT_ANALYTICS_PERIOD: RollingPeriod = "last90";
export { ROLLING_PERIODS, type RollingPeriod };

export interface ThemeAnalyticsFilters {
  period: RollingPeriod;
  segmentId?: number;
  stageId?: number;
  channel?: Channel;
}

/** A parameter the page could not use: its name and value, for a message under `themeAnalytics.ignored`. */
export interface IgnoredParam {
  param: "period" | "segment" | "stage" | "channel";
  value: string;
}

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

const MAX_ID = 2_147_483_647;
const ID = /^\d{1,10}$/;

function first(params: SearchParams, name: string): string | undefined {
  const raw = params instanceof URLSearchParams ? (params.get(name) ?? undefined) : params[name];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value === "" ? undefined : value;
}

/**
 * The page's filters from its URL: `period` = last30 | last90 | last365 (default last90), `segment`,
 * `stage` = an id, `channel` = a channel. Tolerant: an unusable value is left out and listed in
 * `ignored`, the rest still apply; of a repeated parameter the first counts.
 */
export function parseThemeAnalyticsParams(params: SearchParams): {
  filters: ThemeAnalyticsFilters;
  ignored: IgnoredParam[];
} {
  const ignored: IgnoredParam[] = [];
  const filters: ThemeAnalyticsFilters = { period: DEFAULT_ANALYTICS_PERIOD };
  const period = first(params, "period");
  if (period !== undefined) {
    const known = ROLLING_PERIODS.find((p) => p === period.toLowerCase());
    if (known) filters.period = known;
    else ignored.push({ param: "period", value: period });
  }
  const id = (param: "segment" | "stage") => {
    const value = first(params, param);
    if (value === undefined) return undefined;
    const number = ID.test(value) ? Number(value) : 0;
    if (number >= 1 && number <= MAX_ID) return number;
    ignored.push({ param, value });
    return undefined;
  };
  const segmentId = id("segment");
  if (segmentId !== undefined) filters.segmentId = segmentId;
  const stageId = id("stage");
  if (stageId !== undefined) filters.stageId = stageId;
  const channel = first(params, "channel");
  if (channel !== undefined) {
    const known = CHANNELS.find((c) => c === channel.toLowerCase());
    if (known) filters.channel = known;
    else ignored.push({ param: "channel", value: channel });
  }
  return { filters, ignored };
}

/** The URL of `filters`, the default period left out; inverse of {@link parseThemeAnalyticsParams}. */
export function themeAnalyticsHref(filters: ThemeAnalyticsFilters): string {
  const params = new URLSearchParams();
  if (filters.period !== DEFAULT_ANALYTICS_PERIOD) params.set("period", filters.period);
  if (filters.segmentId !== undefined) params.set("segment", String(filters.segmentId));
  if (filters.stageId !== undefined) params.set("stage", String(filters.stageId));
  if (filters.channel !== undefined) params.set("channel", filters.channel);
  const query = params.toString();
  return query ? `${ANALYTICS_PATH}?${query}` : ANALYTICS_PATH;
}

/** Days of each rolling period, as the dashboard counts them (server/domain/dashboard/periods.ts). */
const ROLLING_DAYS: Record<RollingPeriod, number> = { last30: 30, last90: 90, last365: 365 };
const DAY_MS = 86_400_000;

/**
 * The period as whole UTC days, both included, ending with the UTC day of `now`: the days the
 * feedback filters count (`from`/`to` are UTC days).
 */
export function rollingPeriodRange(period: RollingPeriod, now: Date): { from: string; to: string } {
  const today = Math.floor(now.getTime() / DAY_MS);
  const day = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
  return { from: day(today - ROLLING_DAYS[period] + 1), to: day(today) };
}

/** The themes.impact input for the page's filters over `range`. */
export function themeImpactInput(filters: ThemeAnalyticsFilters, range: { from: string; to: string }): FeedbackFilters {
  return {
    from: range.from,
    to: range.to,
    segmentIds: filters.segmentId === undefined ? [] : [filters.segmentId],
    ...(filters.stageId === undefined ? {} : { stageId: filters.stageId }),
    ...(filters.channel === undefined ? {} : { channel: filters.channel }),
  };
}

/** The inbox showing the feedback of one theme with the same filters and period as the matrix. */
export function themeInboxHref(themeId: number, impactInput: FeedbackFilters): string {
  return feedbackInboxPath({ filters: { ...impactInput, themeId } });
}
