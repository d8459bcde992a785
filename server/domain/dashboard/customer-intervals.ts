import type { ChurnCounts } from "../kpi/revenue";

/**
 * Customers counted by the interval between boundary instants in which they joined and churned, as
 * PostgreSQL's `width_bucket(instant, boundaries)` numbers them: with sorted boundaries b[0] < … <
 * b[n-1], bucket 0 is before b[0], bucket k is b[k-1] ≤ instant < b[k], bucket n is from b[n-1] on.
 * One scan of customer state grouped this way answers every churn and headcount question whose
 * instants are boundaries, exactly: "joined before b[i]" is `joined ≤ i`, "still a customer at
 * b[i]" is `churned > i` (or never churned).
 */
export interface CustomerInterval {
  /** bucket of the customer's start */
  joined: number;
  /** bucket of the churn, null when the customer never churned */
  churned: number | null;
  /** customers with these buckets */
  n: number;
}

/** Boundary instants sorted ascending without repeats, as width_bucket needs them. */
export class Boundaries {
  readonly instants: readonly string[];

  constructor(instants: readonly Date[]) {
    const times = [...new Set(instants.map((d) => d.getTime()))].sort((a, b) => a - b);
    this.instants = times.map((t) => new Date(t).toISOString());
  }

  /** The boundaries as a PostgreSQL timestamptz[] literal. */
  get literal(): string {
    return `{${this.instants.join(",")}}`;
  }

  /**
   * First days ("YYYY-MM-01") of the months with a boundary after their first instant: a count by
   * joining month cannot tell which side of such a boundary a customer joined on, so those months
   * are read by day. Boundaries must be UTC midnights (the day rows are UTC days).
   */
  raggedMonths(): string[] {
    const months = new Set<string>();
    for (const instant of this.instants) {
      if (!instant.endsWith("T00:00:00.000Z")) throw new Error(`${instant} is not a UTC midnight`);
      if (!instant.startsWith("01", 8)) months.add(`${instant.slice(0, 7)}-01`);
    }
    return [...months].sort();
  }

  /** Position of an instant that was one of the constructor's. */
  indexOf(instant: Date): number {
    const index = this.instants.indexOf(instant.toISOString());
    if (index < 0) throw new Error(`${instant.toISOString()} is not a boundary`);
    return index;
  }
}

/** Customers who had joined before boundary `at` and had not churned before it. */
export function activeAt(rows: readonly CustomerInterval[], at: number): number {
  let active = 0;
  for (const row of rows) if (row.joined <= at && (row.churned === null || row.churned > at)) active += row.n;
  return active;
}

/** Customers who joined before boundary `at`, churned or not. */
export function joinedBefore(rows: readonly CustomerInterval[], at: number): number {
  let joined = 0;
  for (const row of rows) if (row.joined <= at) joined += row.n;
  return joined;
}

/**
 * Churn between boundaries `start` and `end` (start < end): customers active at the start, and those
 * of them who churned before the end. Customers who joined inside the period are not in its base.
 */
export function churnBetween(rows: readonly CustomerInterval[], start: number, end: number): ChurnCounts {
  let activeAtStart = 0;
  let churned = 0;
  for (const row of rows) {
    if (row.joined > start || (row.churned !== null && row.churned <= start)) continue;
    activeAtStart += row.n;
    if (row.churned !== null && row.churned <= end) churned += row.n;
  }
  return { activeAtStart, churned };
}
