import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { activeAt, Boundaries, churnBetween, type CustomerInterval, joinedBefore } from "./customer-intervals";

/** PostgreSQL's width_bucket(x, sorted array) for instants in ms. */
function widthBucket(x: number, bounds: readonly number[]): number {
  let bucket = 0;
  while (bucket < bounds.length && bounds[bucket]! <= x) bucket++;
  return bucket;
}

interface Customer {
  joined: number;
  churned: number | null;
}

function intervals(customers: readonly Customer[], bounds: readonly number[]): CustomerInterval[] {
  const grouped = new Map<string, CustomerInterval>();
  for (const c of customers) {
    const joined = widthBucket(c.joined, bounds);
    const churned = c.churned === null ? null : widthBucket(c.churned, bounds);
    const key = `${joined}:${churned}`;
    const row = grouped.get(key) ?? { joined, churned, n: 0 };
    row.n++;
    grouped.set(key, row);
  }
  return [...grouped.values()];
}

const customer = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }))
  .map(([joined, stay]): Customer => ({
    joined,
    churned: stay === null ? null : joined + stay,
  }));

describe("customer intervals", () => {
  it("answers churn, activity and joins at any boundaries exactly as per-customer counting", () => {
    fc.assert(
      fc.property(
        fc.array(customer, { maxLength: 60 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 170 }), {
          minLength: 2,
          maxLength: 8,
        }),
        (customers, raw) => {
          const bounds = [...raw].sort((a, b) => a - b);
          const rows = intervals(customers, bounds);
          for (let i = 0; i < bounds.length; i++) {
            const at = bounds[i]!;
            const isActive = (c: Customer) => c.joined < at && (c.churned === null || c.churned >= at);
            expect(activeAt(rows, i)).toBe(customers.filter(isActive).length);
            expect(joinedBefore(rows, i)).toBe(customers.filter((c) => c.joined < at).length);
            for (let j = i + 1; j < bounds.length; j++) {
              const end = bounds[j]!;
              expect(churnBetween(rows, i, j)).toEqual({
                activeAtStart: customers.filter(isActive).length,
                churned: customers.filter((c) => isActive(c) && c.churned !== null && c.churned < end).length,
              });
            }
          }
        },
      ),
    );
  });

  it("leaves out a customer who joined and churned inside the period", () => {
    // boundaries 10, 20: joined 12, churned 15 → buckets 1 and 1
    expect(churnBetween([{ joined: 1, churned: 1, n: 1 }], 0, 1)).toEqual({
      activeAtStart: 0,
      churned: 0,
    });
    // joined 5, churned 15 → buckets 0 and 1: active at 10, churned before 20
    expect(churnBetween([{ joined: 0, churned: 1, n: 3 }], 0, 1)).toEqual({
      activeAtStart: 3,
      churned: 3,
    });
  });

  it("sorts and de-duplicates boundaries and finds them again", () => {
    const a = new Date("2026-03-01T00:00:00Z");
    const b = new Date("2026-01-01T00:00:00Z");
    const boundaries = new Boundaries([a, b, new Date(a)]);
    expect(boundaries.literal).toBe("{2026-01-01T00:00:00.000Z,2026-03-01T00:00:00.000Z}");
    expect(boundaries.indexOf(a)).toBe(1);
    expect(() => boundaries.indexOf(new Date("2026-02-01T00:00:00Z"))).toThrow(/not a boundary/);
  });

  it("names the months a boundary cuts, and accepts only UTC midnights", () => {
    const days = ["2026-01-01", "2026-02-14", "2026-03-01", "2026-03-31", "2026-02-20"];
    expect(new Boundaries(days.map((d) => new Date(`${d}T00:00:00Z`))).raggedMonths()).toEqual([
      "2026-02-01",
      "2026-03-01",
    ]);
    expect(() => new Boundaries([new Date("2026-01-01T05:00:00Z")]).raggedMonths()).toThrow(/not a UTC midnight/);
  });
});
