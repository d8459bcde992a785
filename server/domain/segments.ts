/** Segment revenue is the net sum of orders over this many trailing months. */
export const SEGMENT_REVENUE_WINDOW_MONTHS = 12;

/**
 * Start of the revenue window: the same instant SEGMENT_REVENUE_WINDOW_MONTHS calendar months
 * before `now` (UTC). Day overflow rolls forward as in Date (29 Feb → 1 Mar of a common year).
 */
export function segmentRevenueWindowStart(now: Date): Date {
  const start = new Date(now.getTime());
  start.setUTCMonth(start.getUTCMonth() - SEGMENT_REVENUE_WINDOW_MONTHS);
  return start;
}
