import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createCustomer, createFeedback, createStage } from "@/db/factories";
import { feedback } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { callerFor, createRoleFixture } from "../testing/callers";

let handle: DbHandle;
let caller: Awaited<ReturnType<typeof callerFor>>;
let ours: { id: number; receivedAt: Date }[];
let foreignIds: number[];

const at = (iso: string) => new Date(iso);

async function setExactReceivedAt(id: number, timestamp: string) {
  await handle.db
    .update(feedback)
    .set({ receivedAt: sql`${timestamp}::timestamptz` })
    .where(eq(feedback.id, id));
}

beforeAll(async () => {
  handle = await createTestDb();
  const { db } = handle;
  const a = await createRoleFixture(db, "Feedback A");
  const b = await createRoleFixture(db, "Feedback B");
  caller = await callerFor(db, a.users.admin, a.workspace.id);

  const customer = await createCustomer(db, a.workspace.id, {
    externalId: "ACME-1",
  });
  const stage = await createStage(db, a.workspace.id, { name: "Delivery" });
  const rows = [
    await createFeedback(db, a.workspace.id, {
      receivedAt: at("2024-03-01T10:00:00Z"),
      customerId: customer.id,
      stageId: stage.id,
      channel: "app",
      text: "השליח הגיע באיחור של שלושה ימים",
      language: "he",
      status: "triaged",
      priority: "high",
    }),
    await createFeedback(db, a.workspace.id, {
      receivedAt: at("2024-02-01T10:00:00Z"),
      status: "new",
    }),
    // two items received at the very same instant: the id breaks the tie
    await createFeedback(db, a.workspace.id, {
      receivedAt: at("2024-02-01T10:00:00Z"),
      status: "new",
    }),
    await createFeedback(db, a.workspace.id, {
      receivedAt: at("2024-01-15T08:00:00Z"),
      metricKind: "csat",
      score: 2,
      status: "resolved",
    }),
    await createFeedback(db, a.workspace.id, {
      receivedAt: at("2024-01-01T00:00:00Z"),
      metricKind: "none",
      score: null,
      status: "in_progress",
    }),
  ];
  // three items inside one millisecond: a cursor rounded to milliseconds would skip some
  for (const micros of ["100", "200", "300"]) {
    const row = await createFeedback(db, a.workspace.id, {
      receivedAt: at("2023-12-01T12:00:00.123Z"),
      status: "in_progress",
    });
    await setExactReceivedAt(row.id, `2023-12-01T12:00:00.123${micros}Z`);
    rows.push(row);
  }
  ours = rows;
  foreignIds = [
    (
      await createFeedback(db, b.workspace.id, {
        receivedAt: at("2024-03-02T10:00:00Z"),
      })
    ).id,
    (
      await createFeedback(db, b.workspace.id, {
        receivedAt: at("2024-02-01T10:00:00Z"),
        status: "new",
      })
    ).id,
  ];
});
afterAll(() => handle.close());

describe("feedback.list", () => {
  it("returns this workspace's feedback newest first, with the customer and stage joined", async () => {
    const { items, nextCursor } = await caller.feedback.list({ limit: 100 });
    expect(nextCursor).toBeNull();
    expect(items).toHaveLength(ours.length);
    expect(items.map((i) => i.id)).not.toEqual(expect.arrayContaining([foreignIds[0]]));
    for (let i = 1; i < items.length; i++) {
      const [prev, cur] = [items[i - 1]!, items[i]!];
      const ordered =
        prev.receivedAt.getTime() > cur.receivedAt.getTime() ||
        (prev.receivedAt.getTime() === cur.receivedAt.getTime() && prev.id > cur.id);
      expect(ordered).toBe(true);
    }
    expect(items[0]).toEqual({
      id: ours[0]!.id,
      receivedAt: at("2024-03-01T10:00:00Z"),
      source: "survey",
      channel: "app",
      metricKind: "nps",
      score: 9,
      text: "השליח הגיע באיחור של שלושה ימים",
      language: "he",
      status: "triaged",
      priority: "high",
      sentiment: null,
      sentimentLabel: null,
      assigneeId: null,
      assigneeName: null,
      teamId: null,
      teamName: null,
      dueAt: null,
      overdue: false,
      suspicious: false,
      version: 1,
      customerExternalId: "ACME-1",
      stageName: "Delivery",
    });
    expect(items[1]).toMatchObject({
      customerExternalId: null,
      stageName: null,
    });
  });

  it.each([1, 2, 3, 100])("with limit %i, pages return every row exactly once, in order", async (limit) => {
    const all = (await caller.feedback.list({ limit: 100 })).items.map((i) => i.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof caller.feedback.list>> = await caller.feedback.list({ limit, cursor });
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(ours.length);
  });

  it("filters by status, and paginates within the filter", async () => {
    const first = await caller.feedback.list({ limit: 1, status: "new" });
    expect(first.items).toHaveLength(1);
    const second = await caller.feedback.list({
      limit: 1,
      status: "new",
      cursor: first.nextCursor,
    });
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((i) => i.id);
    expect(ids.sort()).toEqual([ours[1]!.id, ours[2]!.id].sort());
    expect(ids).not.toContain(foreignIds[1]);
    const resolved = await caller.feedback.list({
      limit: 50,
      status: "resolved",
    });
    expect(resolved.items.map((i) => [i.id, i.metricKind, i.score])).toEqual([[ours[3]!.id, "csat", 2]]);
    expect((await caller.feedback.list({ limit: 50, status: "dismissed" })).items).toEqual([]);
  });

  it("rejects a malformed cursor and an out-of-range limit", async () => {
    await expect(caller.feedback.list({ limit: 10, cursor: "1 OR 1=1" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.feedback.list({ limit: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.feedback.list({ limit: 101 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
