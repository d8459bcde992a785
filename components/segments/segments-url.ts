import { type DashboardComparison, formatPeriodParam } from "@/server/domain/dashboard/filter-query";
import type { DashboardPeriod } from "@/server/domain/dashboard/filters";

// The segments pages' URL vocabulary, free of the validation library so client components import it;
// reading a URL (with its messages) is parse-segments-params.ts, on the server.

export const SEGMENTS_PATH = "/segments";
export const COMPARE_PATH = "/segments/compare";

/** What the segments pages filter by: the period and what it is compared with. */
export interface SegmentsUrlFilters {
  period: DashboardPeriod;
  comparison: DashboardComparison;
}

/** The segments pages' default: the last 365 days against the 365 before (segments.list's default). */
export const DEFAULT_SEGMENTS_FILTERS: SegmentsUrlFilters = { period: { kind: "last365" }, comparison: "previous" };

/** `period` and `compare` parameters of `filters`, leaving out the defaults (the bare URL is the default view). */
export function segmentsFilterParams(filters: SegmentsUrlFilters): URLSearchParams {
  const params = new URLSearchParams();
  const period = formatPeriodParam(filters.period);
  if (period !== "last365") params.set("period", period);
  if (filters.comparison !== "previous") params.set("compare", filters.comparison);
  return params;
}

const withQuery = (path: string, params: URLSearchParams) => {
  const query = params.toString();
  return query ? `${path}?${query}` : path;
};

/** The segments list for `filters`. */
export function segmentsHref(filters: SegmentsUrlFilters): string {
  return withQuery(SEGMENTS_PATH, segmentsFilterParams(filters));
}

/** One segment's page, keeping the period. */
export function segmentHref(id: number, filters: SegmentsUrlFilters): string {
  return withQuery(`${SEGMENTS_PATH}/${id}`, segmentsFilterParams(filters));
}

/** The comparison of `a` and `b` (either may be missing: the page then asks for it), keeping the period. */
export function compareHref(a: number | undefined, b: number | undefined, filters: SegmentsUrlFilters): string {
  const params = new URLSearchParams();
  if (a !== undefined) params.set("a", String(a));
  if (b !== undefined) params.set("b", String(b));
  for (const [key, value] of segmentsFilterParams(filters)) params.set(key, value);
  return withQuery(COMPARE_PATH, params);
}

const MAX_ID = 2_147_483_647;
const ID = /^[1-9]\d{0,9}$/;

/** A positive database id from a URL value (the first of a repeated parameter), or undefined. */
export function parseIdParam(value: string | string[] | undefined): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (text === undefined || !ID.test(text)) return undefined;
  const id = Number(text);
  return id <= MAX_ID ? id : undefined;
}
