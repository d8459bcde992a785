import { AppError } from "../../errors";

/**
 * Calendar dates without a time zone, as day numbers (whole days since 1970-01-01), so date math is
 * integer arithmetic. Time zones come in only when a day is turned into instants (./time-zone.ts).
 */

export const DAY_MS = 86_400_000;
/** The dashboard's calendar: dates before 1970 or after 9999 are not meaningful for feedback data. */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 9999;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

/** Day number of a calendar date; month and day overflow roll over as in `Date.UTC` (month 13 → January). */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function civilDate(day: number): CivilDate {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** "YYYY-MM-DD" of a day number. */
export function formatIsoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Why `value` is not a dashboard date, or null when it is one: the form YYYY-MM-DD, a real calendar
 * date (2026-02-30 and 2025-02-29 are not) and a year from {@link MIN_YEAR} to {@link MAX_YEAR}.
 */
export function isoDateProblem(value: string): string | null {
  const match = ISO_DATE.exec(value);
  if (!match) return `"${value}" is not a date in the form YYYY-MM-DD, e.g. 2026-03-31.`;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR) return `${value} is too early; dates start at ${MIN_YEAR}-01-01.`;
  const back = civilDate(dayNumber(year, month, day));
  if (back.year !== year || back.month !== month || back.day !== day) return `${value} is not a date in the calendar.`;
  return null;
}

/** Day number of a "YYYY-MM-DD" date; throws when {@link isoDateProblem} finds one (validate first). */
export function parseIsoDate(value: string): number {
  const problem = isoDateProblem(value);
  if (problem) throw new AppError("INVALID_INPUT", problem);
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  return dayNumber(year, month, day);
}

/**
 * The same month and day `years` later (negative: earlier). A 29 February whose target year is not a
 * leap year becomes 28 February, so the result stays in the same month and the map is monotone.
 */
export function shiftYears(day: number, years: number): number {
  const { year, month, day: dayOfMonth } = civilDate(day);
  const target = year + years;
  const lastOfMonth = civilDate(dayNumber(target, month + 1, 0)).day;
  return dayNumber(target, month, Math.min(dayOfMonth, lastOfMonth));
}

/** First and last day (inclusive) of calendar quarter 1–4 of `year`; quarter 0 is Q4 of the year before. */
export function quarterDays(year: number, quarter: number): { first: number; last: number } {
  return { first: dayNumber(year, 3 * quarter - 2, 1), last: dayNumber(year, 3 * quarter + 1, 0) };
}

/** The calendar quarter a day falls in. */
export function quarterOf(day: number): { year: number; quarter: number } {
  const { year, month } = civilDate(day);
  return { year, quarter: Math.ceil(month / 3) };
}

/** "Mar 2026" */
export function formatMonth(year: number, month: number): string {
  return `${MONTH_NAMES[month - 1]} ${year}`;
}

/**
 * An inclusive range of days for people, in English and without the repeated year:
 * "31 Mar 2026" (one day), "1 Jan – 31 Mar 2026" (one year), "1 Dec 2025 – 28 Feb 2026".
 */
export function formatDayRange(first: number, last: number): string {
  const a = civilDate(first);
  const b = civilDate(last);
  const end = `${b.day} ${MONTH_NAMES[b.month - 1]} ${b.year}`;
  if (first === last) return end;
  const start = `${a.day} ${MONTH_NAMES[a.month - 1]}${a.year === b.year ? "" : ` ${a.year}`}`;
  return `${start} – ${end}`;
}
