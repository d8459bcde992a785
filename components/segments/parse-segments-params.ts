import { parseDashboardSearchParams, type SearchParams } from "@/server/domain/dashboard/filters";
import { DEFAULT_SEGMENTS_FILTERS, type SegmentsUrlFilters } from "./segments-url";

const given = (value: string | string[] | undefined) => Boolean((Array.isArray(value) ? value[0] : value)?.trim());

/**
 * The segments pages' filters from URL parameters (`period`, `compare`), read as the dashboard reads
 * them; tolerant, never throws. An absent or unusable period is the segments default (the last 365
 * days, not the dashboard's 90), and the dashboard's message says so. Other parameters (a, b…) are
 * not filters here and are left alone.
 */
export function parseSegmentsSearchParams(params: SearchParams): { filters: SegmentsUrlFilters; errors: string[] } {
  const period = parseDashboardSearchParams({ period: params.period });
  const compare = parseDashboardSearchParams({ compare: params.compare });
  const usable = given(params.period) && period.errors.length === 0;
  return {
    filters: {
      period: usable ? period.filters.period : DEFAULT_SEGMENTS_FILTERS.period,
      comparison: compare.filters.comparison,
    },
    errors: [
      // the dashboard's parser words its fallback for its own default
      ...period.errors.map((error) => error.replace("the last 90 days instead", "the last 365 days instead")),
      ...compare.errors,
    ],
  };
}
