import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createCustomer, createFeedback, createOrder } from "@/db/factories";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { getOverviewCounts } from "../../services/overview";
import { callerFor, createRoleFixture } from "../testing/callers";

describe(`overview.counts (${testEngine()})`, () => {
  let handle: DbHandle;
  let a: Awaited<ReturnType<typeof createRoleFixture>>;
  let b: Awaited<ReturnType<typeof createRoleFixture>>;
  const now = new Date("2026-11-23T12:00:00Z");
  const thisMonth = new Date("2026-11-05T08:00:00Z");
  const lastMonth = new Date("2026-10-31T23:59:59Z");

  beforeAll(async () => {
    handle = await createTestDb();
    a = await createRoleFixture(handle.db, "A");
    b = await createRoleFixture(handle.db, "B");
    const db = handle.db;
    const c1 = await createCustomer(db, a.workspace.id);
    await createCustomer(db, a.workspace.id, {
      createdAt: new Date("2025-01-01T00:00:00Z"),
      churnedAt: new Date("2026-06-01T00:00:00Z"),
    });
    // exact decimals: 0.10 + 0.20 − 0.05 must be 0.25, not 0.25000000000000006
    await createOrder(db, a.workspace.id, c1.id, { amount: "0.10", orderedAt: thisMonth });
    await createOrder(db, a.workspace.id, c1.id, { amount: "0.20", orderedAt: thisMonth });
    await createOrder(db, a.workspace.id, c1.id, { kind: "refund", amount: "-0.05", orderedAt: thisMonth });
    await createOrder(db, a.workspace.id, c1.id, { amount: "99.99", orderedAt: lastMonth });
    await createFeedback(db, a.workspace.id, { receivedAt: thisMonth });
    await createFeedback(db, a.workspace.id, { receivedAt: thisMonth, customerId: c1.id });
    await createFeedback(db, a.workspace.id, { receivedAt: lastMonth });
    await createFeedback(db, a.workspace.id, { receivedAt: new Date("2026-12-01T00:00:00Z") });
    // another workspace's rows never count
    const other = await createCustomer(db, b.workspace.id);
    await createOrder(db, b.workspace.id, other.id, { amount: "1000.00", orderedAt: thisMonth });
    await createFeedback(db, b.workspace.id, { receivedAt: thisMonth });
  });
  afterAll(() => handle.close());

  it("counts this month's and last month's feedback and exact net revenue, active customers only", async () => {
    const counts = await getOverviewCounts(handle.db, { id: a.workspace.id, currency: "USD" }, now);
    expect(counts.activeCustomers).toBe(1);
    expect(counts.thisMonth.feedback).toBe(2);
    expect(counts.thisMonth.revenue).toBe("0.25");
    expect(counts.lastMonth.feedback).toBe(1);
    expect(counts.lastMonth.revenue).toBe("99.99");
  });

  it("gives zero, not an error, for a workspace with no data", async () => {
    const empty = await createRoleFixture(handle.db, "Empty");
    const counts = await getOverviewCounts(handle.db, { id: empty.workspace.id, currency: "USD" }, now);
    expect(counts).toMatchObject({ activeCustomers: 0, thisMonth: { feedback: 0, revenue: "0" } });
  });

  it("is scoped to the caller's workspace through the router", async () => {
    const caller = await callerFor(handle.db, b.users.executive, b.workspace.id);
    const counts = await caller.overview.counts();
    expect(counts.activeCustomers).toBe(1);
  });
});
