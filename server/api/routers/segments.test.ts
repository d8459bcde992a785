import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createCustomer, createOrder, createSegment } from "@/db/factories";
import { createTestDb } from "@/db/test-db";
import { callerFor, createRoleFixture } from "../testing/callers";

let handle: DbHandle;
let fixture: Awaited<ReturnType<typeof createRoleFixture>>;
let other: Awaited<ReturnType<typeof createRoleFixture>>;

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
const since2020 = { createdAt: new Date("2020-01-01T00:00:00Z") };

beforeAll(async () => {
  handle = await createTestDb();
  const { db } = handle;
  fixture = await createRoleFixture(db, "Segments A");
  other = await createRoleFixture(db, "Segments B");
  const ws = fixture.workspace.id;

  const enterprise = await createSegment(db, ws, { name: "Enterprise", description: "Large accounts", color: "#1d4ed8" });
  const smb = await createSegment(db, ws, { name: "SMB", color: "#16a34a" });
  await createSegment(db, ws, { name: "Consumer" });

  const e1 = await createCustomer(db, ws, { segmentId: enterprise.id, ...since2020 });
  const e2 = await createCustomer(db, ws, { segmentId: enterprise.id, ...since2020, churnedAt: daysAgo(30) });
  const e3 = await createCustomer(db, ws, { segmentId: enterprise.id, ...since2020 });
  await createOrder(db, ws, e1.id, { amount: "1200.00", orderedAt: daysAgo(10) });
  await createOrder(db, ws, e2.id, { amount: "300.45", orderedAt: daysAgo(200) });
  await createOrder(db, ws, e3.id, { amount: "99.99", orderedAt: daysAgo(5) });
  await createOrder(db, ws, e1.id, { kind: "refund", amount: "-250.50", orderedAt: daysAgo(3) });
  // outside the trailing 12 months
  await createOrder(db, ws, e3.id, { amount: "5000.00", orderedAt: daysAgo(400) });

  const s1 = await createCustomer(db, ws, { segmentId: smb.id, ...since2020 });
  const s2 = await createCustomer(db, ws, { segmentId: smb.id, ...since2020 });
  await createOrder(db, ws, s1.id, { amount: "0.10", orderedAt: daysAgo(1) });
  await createOrder(db, ws, s2.id, { amount: "0.20", orderedAt: daysAgo(2) });

  // a customer without a segment counts towards no segment
  const loose = await createCustomer(db, ws);
  await createOrder(db, ws, loose.id, { amount: "777.00", orderedAt: daysAgo(1) });

  // the other workspace has a segment of the same name, with customers and revenue
  const foreign = await createSegment(db, other.workspace.id, { name: "Enterprise" });
  const fc = await createCustomer(db, other.workspace.id, { segmentId: foreign.id });
  await createOrder(db, other.workspace.id, fc.id, { amount: "9999.99", orderedAt: daysAgo(1) });
});
afterAll(() => handle.close());

describe("segments.list", () => {
  it("returns each segment with sizes and exact 12-month net revenue, refunds included", async () => {
    const caller = await callerFor(handle.db, fixture.users.executive, fixture.workspace.id);
    const { items } = await caller.segments.list();
    expect(items.map(({ id: _id, ...rest }) => rest)).toEqual([
      {
        name: "Consumer",
        description: "",
        color: "#64748b",
        customerCount: 0,
        activeCustomerCount: 0,
        revenue: "0",
      },
      {
        name: "Enterprise",
        description: "Large accounts",
        color: "#1d4ed8",
        customerCount: 3,
        activeCustomerCount: 2,
        // 1200.00 + 300.45 + 99.99 − 250.50
        revenue: "1349.94",
      },
      { name: "SMB", description: "", color: "#16a34a", customerCount: 2, activeCustomerCount: 2, revenue: "0.30" },
    ]);
  });

  it("never mixes in another workspace's segments or orders", async () => {
    const caller = await callerFor(handle.db, other.users.admin, other.workspace.id);
    const { items } = await caller.segments.list();
    expect(items.map(({ name, customerCount, revenue }) => ({ name, customerCount, revenue }))).toEqual([
      { name: "Enterprise", customerCount: 1, revenue: "9999.99" },
    ]);
  });
});
