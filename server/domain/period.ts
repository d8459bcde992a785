/** A half-open time interval [start, end). */
export interface Period {
  start: Date;
  end: Date;
}

/** The calendar month (UTC) containing `at`, shifted by `offset` months (−1 = previous month). */
export function monthPeriod(at: Date, offset = 0): Period {
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));
  const end = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset + 1, 1));
  return { start, end };
}
