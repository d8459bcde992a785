/**
 * A target's review is due from its review date on (that day included) until someone moves the
 * date: `reviewDate ≤ today`, both calendar dates YYYY-MM-DD, so string order is date order.
 */
export function isReviewDue(target: { reviewDate: string }, today: string): boolean {
  return target.reviewDate <= today;
}

/**
 * Whether two target periods share at least one day. Both ends are included: a period ending on
 * 2025-06-30 and one starting that day overlap; one starting 2025-07-01 does not.
 */
export function periodsOverlap(
  a: { periodStart: string; periodEnd: string },
  b: { periodStart: string; periodEnd: string },
): boolean {
  return a.periodStart <= b.periodEnd && b.periodStart <= a.periodEnd;
}

/**
 * Dates a new target form starts from: the calendar year of `today` (YYYY-MM-DD) and a first
 * review on the 1st of the month three months on (targets are reviewed every 3–5 months), which is
 * always after the period starts.
 */
export function suggestTargetDates(today: string): { periodStart: string; periodEnd: string; reviewDate: string } {
  const [year, month] = today.split("-").map(Number) as [number, number];
  const review = new Date(Date.UTC(year, month - 1 + 3, 1)).toISOString().slice(0, 10);
  return { periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, reviewDate: review };
}
