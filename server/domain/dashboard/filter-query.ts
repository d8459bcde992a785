import type { DashboardFilters, DashboardPeriod } from "./filters";

// The dashboard URL's vocabulary and its writer, free of the validation library: the filter bar
// (client code) imports this module, and the zod schemas in ./filters.ts stay on the server.

export const ROLLING_PERIODS = ["last30", "last90", "last365"] as const;
export type RollingPeriod = (typeof ROLLING_PERIODS)[number];

export const DASHBOARD_COMPARISONS = ["previous", "yoy", "none"] as const;
export type DashboardComparison = (typeof DASHBOARD_COMPARISONS)[number];

/** The `period` parameter of a period: "last90", "2026-Q3" or "2026-01-01..2026-03-31". */
export function formatPeriodParam(period: DashboardPeriod): string {
  if (period.kind === "quarter") return `${period.year}-Q${period.quarter}`;
  if (period.kind === "custom") return `${period.from}..${period.to}`;
  return period.kind;
}

/**
 * URL search parameters of `filters`, leaving out every default (the default dashboard is the bare
 * URL). Inverse of parseDashboardSearchParams (./filters.ts): parsing the result gives `filters` back, with
 * no errors, for every `filters` that dashboardFiltersInput accepts.
 */
export function serializeDashboardFilters(filters: DashboardFilters): URLSearchParams {
  const params = new URLSearchParams();
  const period = formatPeriodParam(filters.period);
  if (period !== "last90") params.set("period", period);
  if (filters.comparison !== "previous") params.set("compare", filters.comparison);
  if (filters.segmentIds.length > 0) params.set("segment", filters.segmentIds.join(","));
  if (filters.channel !== undefined) params.set("channel", filters.channel);
  if (filters.region !== undefined) params.set("region", filters.region);
  if (filters.stageId !== undefined) params.set("stage", String(filters.stageId));
  return params;
}

/**
 * The query string of `filters` ("" for the defaults), with commas left readable (`segment=3,7`):
 * URLSearchParams escapes them, though a comma means nothing special in a query value.
 */
export function dashboardFiltersQuery(filters: DashboardFilters): string {
  return serializeDashboardFilters(filters).toString().replaceAll("%2C", ",");
}
