import { AppError } from "../../errors";
import type { Period } from "../period";
import {
  civilDate,
  DAY_MS,
  dayNumber,
  formatDayRange,
  formatIsoDate,
  formatMonth,
  parseIsoDate,
  quarterDays,
  quarterOf,
  shiftYears,
} from "./calendar";
import type { DashboardComparison } from "./filter-query";
import type { DashboardPeriod } from "./filters";
import { startOfZonedDay, zonedDay } from "./time-zone";

/** A dashboard period turned into instants: half-open [start, end) of whole days in `timeZone`. */
export interface ResolvedPeriod extends Period {
  /** "quarter" for a calendar quarter; a comparison period is a quarter or "custom". */
  kind: DashboardPeriod["kind"];
  /** First and last calendar day, both included, as YYYY-MM-DD in `timeZone`. */
  from: string;
  to: string;
  /** Calendar days in the period (a day across a DST change is still one day). */
  days: number;
  timeZone: string;
  /** "Last 90 days", "Q3 2026", or the dates for any other range. */
  label: string;
  /** The dates: "1 Jul – 30 Sep 2026". */
  rangeLabel: string;
}

const ROLLING_DAYS = { last30: 30, last90: 90, last365: 365 } as const;

function build(kind: DashboardPeriod["kind"], first: number, last: number, timeZone: string): ResolvedPeriod {
  const rangeLabel = formatDayRange(first, last);
  let label = rangeLabel;
  if (kind === "quarter") label = `Q${quarterOf(first).quarter} ${civilDate(first).year}`;
  else if (kind !== "custom") label = `Last ${ROLLING_DAYS[kind]} days`;
  return {
    kind,
    start: new Date(startOfZonedDay(first, timeZone)),
    end: new Date(startOfZonedDay(last + 1, timeZone)),
    from: formatIsoDate(first),
    to: formatIsoDate(last),
    days: last - first + 1,
    timeZone,
    label,
    rangeLabel,
  };
}

/**
 * The instants of a dashboard period, half-open [start, end), where days start at local midnight in
 * the IANA `timeZone` (default UTC; DST-aware, so a period's length in hours may be off by one):
 * - last30 / last90 / last365: that many whole days ending with today (the day `now` falls on), so
 *   `end` is the start of tomorrow and `now` is always inside;
 * - quarter: its calendar quarter; custom: `from` to `to` inclusive, so `end` is the start of the day
 *   after `to`.
 * Throws INVALID_INPUT for an unknown time zone or a custom date that is not a calendar date.
 */
export function resolvePeriod(period: DashboardPeriod, now: Date, timeZone = "UTC"): ResolvedPeriod {
  if (period.kind === "quarter") {
    const { first, last } = quarterDays(period.year, period.quarter);
    return build("quarter", first, last, timeZone);
  }
  if (period.kind === "custom") return build("custom", parseIsoDate(period.from), parseIsoDate(period.to), timeZone);
  if (Number.isNaN(now.getTime())) throw new AppError("INVALID_INPUT", "The current time is not a valid date.");
  const today = zonedDay(now, timeZone);
  return build(period.kind, today - ROLLING_DAYS[period.kind] + 1, today, timeZone);
}

/**
 * The period a dashboard compares `period` with, in the same time zone:
 * - "previous": the same number of days immediately before it (it ends where `period` starts); a
 *   calendar quarter compares with the previous calendar quarter (Q1 2026 → Q4 2025), whose length
 *   may differ by up to two days;
 * - "yoy": the same calendar dates one year earlier, 29 February becoming 28 February (a quarter →
 *   the same quarter last year);
 * - "none": null.
 */
export function comparisonPeriod(period: ResolvedPeriod, kind: DashboardComparison): ResolvedPeriod | null {
  if (kind === "none") return null;
  // Not parseIsoDate: a comparison of a 1970 period reaches into 1969, before the dates users may pick.
  const first = Date.parse(`${period.from}T00:00:00Z`) / DAY_MS;
  const last = Date.parse(`${period.to}T00:00:00Z`) / DAY_MS;
  if (period.kind === "quarter") {
    const { year, quarter } = quarterOf(first);
    const days = kind === "yoy" ? quarterDays(year - 1, quarter) : quarterDays(year, quarter - 1);
    return build("quarter", days.first, days.last, period.timeZone);
  }
  if (kind === "yoy") return build("custom", shiftYears(first, -1), shiftYears(last, -1), period.timeZone);
  return build("custom", first - period.days, first - 1, period.timeZone);
}

/** One calendar month of a trend, clipped to the range asked for. */
export interface MonthBucket extends Period {
  /** "2026-03", as SQL `to_char(date_trunc('month', at), 'YYYY-MM')` gives it, to join results on. */
  month: string;
  /** "Mar 2026" */
  label: string;
  /** True when the range cuts the month (its first or last month, usually). */
  partial: boolean;
}

function checkRange(start: Date, end: Date): void {
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) {
    throw new AppError("INVALID_INPUT", "A trend range needs valid start and end dates.");
  }
}

/**
 * Number of calendar months (in `timeZone`) that the half-open range [start, end) touches: 1 for a
 * range inside one month, 24 for a 24-month trend; 0 when `end` ≤ `start`.
 */
export function monthsBetween(start: Date, end: Date, timeZone = "UTC"): number {
  checkRange(start, end);
  if (end <= start) return 0;
  const a = civilDate(zonedDay(start, timeZone));
  const b = civilDate(zonedDay(end.getTime() - 1, timeZone));
  return (b.year - a.year) * 12 + b.month - a.month + 1;
}

/**
 * The calendar months of a trend chart over [start, end), oldest first, one bucket per month touched
 * ({@link monthsBetween} of them), each the month's [first local midnight, next month's) in `timeZone`
 * clipped to the range, so the buckets tile [start, end) exactly with no gap or overlap.
 * Empty when `end` ≤ `start`.
 */
export function monthlyBuckets(start: Date, end: Date, timeZone = "UTC"): MonthBucket[] {
  const count = monthsBetween(start, end, timeZone);
  const { year, month } = civilDate(zonedDay(start, timeZone));
  const buckets: MonthBucket[] = [];
  for (let i = 0; i < count; i++) {
    const first = civilDate(dayNumber(year, month + i, 1));
    const monthStart = startOfZonedDay(dayNumber(first.year, first.month, 1), timeZone);
    const monthEnd = startOfZonedDay(dayNumber(first.year, first.month + 1, 1), timeZone);
    buckets.push({
      start: new Date(Math.max(monthStart, start.getTime())),
      end: new Date(Math.min(monthEnd, end.getTime())),
      month: formatIsoDate(dayNumber(first.year, first.month, 1)).slice(0, 7),
      label: formatMonth(first.year, first.month),
      partial: monthStart < start.getTime() || monthEnd > end.getTime(),
    });
  }
  return buckets;
}

/**
 * A trend window of `months` calendar months ending with the current one: from the first day of the
 * month `months` − 1 before today's to the start of tomorrow (today included, as in resolvePeriod).
 */
export function trailingMonths(now: Date, months: number, timeZone = "UTC"): Period {
  if (!Number.isInteger(months) || months < 1)
    throw new AppError("INVALID_INPUT", "A trend spans at least one whole month.");
  const today = zonedDay(now, timeZone);
  const { year, month } = civilDate(today);
  return {
    start: new Date(startOfZonedDay(dayNumber(year, month - months + 1, 1), timeZone)),
    end: new Date(startOfZonedDay(today + 1, timeZone)),
  };
}
