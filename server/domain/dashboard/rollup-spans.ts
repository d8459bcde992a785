import { civilDate, dayNumber, formatIsoDate, parseIsoDate } from "./calendar";

/** An inclusive range of rollup buckets of one grain: days, or months named by their first day. */
export interface BucketRange {
  grain: "day" | "month";
  /** YYYY-MM-DD; for months, the first day of the first and last month. */
  from: string;
  to: string;
}

/**
 * The fewest rollup rows that cover the whole days `from`..`to` (inclusive, YYYY-MM-DD) exactly
 * once: every calendar month lying wholly inside as one month range, and the ragged ends as day
 * ranges. A year is one month range and at most two short day ranges, so a dashboard reads
 * ~12 month rows per key instead of 365 day rows. The ranges are disjoint and, taken together,
 * are exactly the days of the period (property-tested).
 */
export function rollupSpans(from: string, to: string): BucketRange[] {
  const first = parseIsoDate(from);
  const last = parseIsoDate(to);
  if (last < first) return [];
  const a = civilDate(first);
  // first whole month: this one if `from` is its first day, else the next
  const firstMonth = a.day === 1 ? first : dayNumber(a.year, a.month + 1, 1);
  const b = civilDate(last);
  // day after the last whole month: the month after `to` if `to` is its last day, else `to`'s month
  const endOfMonthOfLast = dayNumber(b.year, b.month + 1, 0);
  const afterLastMonth = last === endOfMonthOfLast ? last + 1 : dayNumber(b.year, b.month, 1);
  if (firstMonth >= afterLastMonth) return [{ grain: "day", from, to }];
  const spans: BucketRange[] = [];
  if (first < firstMonth) spans.push({ grain: "day", from, to: formatIsoDate(firstMonth - 1) });
  const lastMonth = civilDate(afterLastMonth - 1);
  spans.push({
    grain: "month",
    from: formatIsoDate(firstMonth),
    to: formatIsoDate(dayNumber(lastMonth.year, lastMonth.month, 1)),
  });
  if (afterLastMonth <= last) spans.push({ grain: "day", from: formatIsoDate(afterLastMonth), to });
  return spans;
}

/** YYYY-MM of a YYYY-MM-DD date. */
export function monthKey(date: string): string {
  return date.slice(0, 7);
}

/** The `count` months ending with the month of `to` (YYYY-MM-DD), oldest first, as YYYY-MM. */
export function monthsEnding(to: string, count: number): string[] {
  const { year, month } = civilDate(parseIsoDate(to));
  return Array.from({ length: count }, (_, i) => formatIsoDate(dayNumber(year, month - count + 1 + i, 1)).slice(0, 7));
}

/** The 12 months to `to` inclusive as whole days: from the day after the same date a year earlier. */
export function trailingYear(to: string): { from: string; to: string } {
  const { year, month, day } = civilDate(parseIsoDate(to));
  const yearBefore = dayNumber(year - 1, month, day);
  // 29 Feb → 1 Mar of the year before rolls over already; the window is then one day shorter
  return { from: formatIsoDate(yearBefore + 1), to };
}
