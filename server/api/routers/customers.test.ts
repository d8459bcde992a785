import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createCustomer, createSegment } from "@/db/factories";
import { createTestDb } from "@/db/test-db";
import { callerFor, createRoleFixture } from "../testing/callers";

let handle: DbHandle;
let caller: Awaited<ReturnType<typeof callerFor>>;
let ourIds: number[];
let enterpriseId: number;

beforeAll(async () => {
  handle = await createTestDb();
  const { db } = handle;
  const a = await createRoleFixture(db, "Customers A");
  const b = await createRoleFixture(db, "Customers B");
  caller = await callerFor(db, a.users.cx_manager, a.workspace.id);
  const ws = a.workspace.id;
  const enterprise = await createSegment(db, ws, { name: "Enterprise" });
  enterpriseId = enterprise.id;

  const rows = [
    await createCustomer(db, ws, {
      externalId: "ACME-001",
      name: "Ada Lovelace",
      email: "ada@acme.test",
      segmentId: enterprise.id,
      region: "EU",
      createdAt: new Date("2023-01-01T00:00:00Z"),
      churnedAt: new Date("2024-06-30T00:00:00Z"),
    }),
    await createCustomer(db, ws, { externalId: "BETA-002", name: "Grace Hopper", email: "grace@beta.test" }),
    await createCustomer(db, ws, { externalId: "100%_LOYAL" }),
    await createCustomer(db, ws, { externalId: "100X-LOYAL" }),
    await createCustomer(db, ws, { externalId: "C-5", name: "Юлия Ким", email: "julia@example.test" }),
    await createCustomer(db, ws, { externalId: "C-6", name: null, email: null }),
  ];
  ourIds = rows.map((r) => r.id);
  await createCustomer(db, b.workspace.id, { externalId: "ACME-999", name: "Ada Foreign", email: "ada@foreign.test" });
});
afterAll(() => handle.close());

async function collect(input: { search?: string; limit: number }) {
  const ids: number[] = [];
  let cursor: number | null = null;
  do {
    const page: Awaited<ReturnType<typeof caller.customers.list>> = await caller.customers.list({ ...input, cursor });
    expect(page.items.length).toBeLessThanOrEqual(input.limit);
    ids.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describe("customers.list", () => {
  it("returns this workspace's customers newest first, with the segment joined", async () => {
    const { items, nextCursor } = await caller.customers.list({ limit: 50 });
    expect(nextCursor).toBeNull();
    expect(items.map((c) => c.id)).toEqual([...ourIds].reverse());
    expect(items.at(-1)).toEqual({
      id: ourIds[0],
      externalId: "ACME-001",
      name: "Ada Lovelace",
      segmentId: enterpriseId,
      segmentName: "Enterprise",
      region: "EU",
      createdAt: new Date("2023-01-01T00:00:00Z"),
      churnedAt: new Date("2024-06-30T00:00:00Z"),
    });
    expect(items[0]).toMatchObject({ externalId: "C-6", name: null, segmentName: null, churnedAt: null });
  });

  it.each([1, 2, 4])("with limit %i, pages return every customer exactly once", async (limit) => {
    const ids = await collect({ limit });
    expect(ids).toEqual([...ourIds].reverse());
  });

  it.each([
    ["acme", ["ACME-001"]],
    ["ADA", ["ACME-001"]],
    ["lovelace", ["ACME-001"]],
    ["grace@BETA", ["BETA-002"]],
    ["@beta.test", []],
    ["юлия", ["C-5"]],
    ["100%_", ["100%_LOYAL"]],
    ["100_", []],
    ["%", []],
    ["_", []],
    ["a\\b", []],
    ["  100  ", ["100X-LOYAL", "100%_LOYAL"]],
    ["loyal", []],
    ["nobody", []],
  ])(
    "search %j matches the start of external id, email, name or a word of the name, literally",
    async (search, expected) => {
      const { items } = await caller.customers.list({ search, limit: 50 });
      expect(items.map((c) => c.externalId)).toEqual(expected);
    },
  );

  it("filters by segment, or to customers without one", async () => {
    const inSegment = await caller.customers.list({ segmentId: enterpriseId, limit: 50 });
    expect(inSegment.items.map((c) => c.externalId)).toEqual(["ACME-001"]);
    const without = await caller.customers.list({ segmentId: null, limit: 50 });
    expect(without.items.map((c) => c.id)).toEqual([...ourIds.slice(1)].reverse());
    const searched = await caller.customers.list({ segmentId: null, search: "ada", limit: 50 });
    expect(searched.items).toEqual([]);
  });

  it("paginates within a search", async () => {
    const ids = await collect({ search: "100", limit: 1 });
    expect(ids).toEqual([ourIds[3], ourIds[2]]);
  });

  it("rejects an out-of-range limit", async () => {
    await expect(caller.customers.list({ limit: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.customers.list({ limit: 101 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
