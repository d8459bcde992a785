import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { queryRows } from "@/db/client";
import { createAction, createCustomer, createFeedback, createOrder } from "@/db/factories";
import { actionFeedback, feedbackComments } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { ERASED_TEXT } from "../../domain/customers";
import { callerFor, createRoleFixture } from "../testing/callers";
import { rollupSnapshot, seedSegmentData } from "../testing/segments";

let handle: DbHandle;
let fixture: Awaited<ReturnType<typeof createRoleFixture>>;
let other: Awaited<ReturnType<typeof createRoleFixture>>;
let data: Awaited<ReturnType<typeof seedSegmentData>>;

const admin = () => callerFor(handle.db, fixture.users.admin, fixture.workspace.id);
const manager = () => callerFor(handle.db, fixture.users.cx_manager, fixture.workspace.id);

beforeAll(async () => {
  handle = await createTestDb();
  fixture = await createRoleFixture(handle.db, "Erase A");
  other = await createRoleFixture(handle.db, "Erase B");
  data = await seedSegmentData(handle.db, fixture.workspace.id, 21);
});
afterAll(() => handle.close());

describe("customers.byId", () => {
  it("shows segment, latest NPS answer, revenue to date and a timeline across channels, newest first", async () => {
    const ws = fixture.workspace.id;
    const [segmentId] = data.segmentIds as [number];
    const c = await createCustomer(handle.db, ws, { externalId: "T-1", name: "Tim Line", segmentId });
    const at = (iso: string) => new Date(iso);
    const f1 = await createFeedback(handle.db, ws, {
      customerId: c.id,
      score: 3,
      channel: "web",
      text: "Late",
      receivedAt: at("2025-03-01T10:00:00Z"),
    });
    const f2 = await createFeedback(handle.db, ws, {
      customerId: c.id,
      score: 10,
      channel: "app",
      receivedAt: at("2025-05-01T10:00:00Z"),
    });
    const f3 = await createFeedback(handle.db, ws, {
      customerId: c.id,
      metricKind: "csat",
      score: 4,
      channel: "chat",
      receivedAt: at("2025-04-01T10:00:00Z"),
    });
    const o1 = await createOrder(handle.db, ws, c.id, {
      amount: "120.50",
      channel: "store",
      orderedAt: at("2025-04-01T10:00:00Z"),
    });
    const o2 = await createOrder(handle.db, ws, c.id, {
      kind: "refund",
      amount: "-20.25",
      orderedAt: at("2025-06-01T00:00:00Z"),
    });
    const action = await createAction(handle.db, ws, { title: "Fix delivery", createdAt: at("2025-04-01T10:00:00Z") });
    await handle.db.insert(actionFeedback).values([
      { actionId: action.id, feedbackId: f1.id },
      { actionId: action.id, feedbackId: f3.id },
    ]);
    // someone else's feedback and orders stay off this timeline
    const stranger = await createCustomer(handle.db, ws);
    await createFeedback(handle.db, ws, { customerId: stranger.id, receivedAt: at("2025-04-15T00:00:00Z") });

    const caller = await manager();
    const page = await caller.customers.byId({ id: c.id });
    expect(page).toMatchObject({
      externalId: "T-1",
      segmentId,
      segmentName: "Enterprise",
      revenueToDate: "100.25",
      orderCount: 2,
      feedbackCount: 3,
      latestNps: { score: 10, category: "promoter", at: at("2025-05-01T10:00:00Z") },
      erased: null,
    });
    const expected = [
      ["order", o2.id],
      ["feedback", f2.id],
      // same instant: by kind, then id, descending
      ["order", o1.id],
      ["feedback", f3.id],
      ["action", action.id],
      ["feedback", f1.id],
    ];
    expect(page.timeline.items.map((e) => [e.kind, e.id])).toEqual(expected);
    expect(page.timeline.nextCursor).toBeNull();
    expect(page.timeline.items[1]).toMatchObject({ kind: "feedback", score: 10, channel: "app", source: "survey" });
    expect(page.timeline.items[0]).toMatchObject({
      kind: "order",
      orderKind: "refund",
      amount: "-20.25",
      currency: "USD",
    });
    expect(page.timeline.items[4]).toMatchObject({ kind: "action", title: "Fix delivery", status: "proposed" });

    for (const limit of [1, 2, 4]) {
      const seen: unknown[] = [];
      let cursor = null as (typeof page.timeline)["nextCursor"];
      do {
        const next = await caller.customers.byId({ id: c.id, limit, cursor });
        expect(next.timeline.items.length).toBeLessThanOrEqual(limit);
        seen.push(...next.timeline.items.map((e) => [e.kind, e.id]));
        cursor = next.timeline.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expected);
    }
  });

  it("answers NOT_FOUND for another workspace's customer", async () => {
    const theirs = await createCustomer(handle.db, other.workspace.id);
    await expect((await manager()).customers.byId({ id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe(`customers.erase (${testEngine()})`, () => {
  async function aggregates() {
    const caller = await admin();
    const [list, quarter, kpis, segments] = await Promise.all([
      caller.segments.list({}),
      caller.segments.list({ period: { kind: "last90" }, comparison: "yoy", region: "North" }),
      caller.dashboard.kpis({ period: { kind: "last365" } }),
      caller.dashboard.segments({}),
    ]);
    return { list, quarter, kpis, segments, rollups: await rollupSnapshot(handle.db) };
  }

  it("removes name, email and free text, keeps every aggregate equal, and audits without the erased data", async () => {
    const ws = fixture.workspace.id;
    const [target] = await queryRows<{ id: number }>(
      handle.db,
      sql`SELECT c.id FROM customers c WHERE c.workspace_id = ${ws}
        AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)
        ORDER BY (SELECT count(*) FROM feedback f WHERE f.customer_id = c.id AND f.metric_kind = 'nps') DESC, c.id LIMIT 1`,
    );
    const id = target!.id;
    const items = await queryRows<{ id: number }>(
      handle.db,
      sql`SELECT id FROM feedback WHERE customer_id = ${id} ORDER BY id`,
    );
    expect(items.length).toBeGreaterThan(1);
    await handle.db.execute(sql`UPDATE feedback SET search_terms = '{late,parcel}', text_key = 'k', status = 'resolved',
      resolution_note = 'Called Person back' WHERE id = ${items[0]!.id}`);
    await handle.db.insert(feedbackComments).values([
      { workspaceId: ws, feedbackId: items[0]!.id, body: "Spoke to them at home" },
      { workspaceId: ws, feedbackId: items[1]!.id, body: "Their address is …" },
    ]);
    const before = await aggregates();
    const profileBefore = await (await admin()).customers.byId({ id });

    const result = await (await admin()).customers.erase({ id });
    expect(result).toMatchObject({ id, repeated: false, feedbackErased: items.length, commentsErased: 2 });

    const [person] = await queryRows<{ name: string | null; email: string | null; externalId: string }>(
      handle.db,
      sql`SELECT name, email, external_id AS "externalId" FROM customers WHERE id = ${id}`,
    );
    expect(person).toEqual({ name: null, email: null, externalId: profileBefore.externalId });
    const texts = await queryRows<{ text: string | null; terms: string[]; key: string | null; note: string | null }>(
      handle.db,
      sql`SELECT text, search_terms AS terms, text_key AS key, resolution_note AS note FROM feedback WHERE customer_id = ${id}`,
    );
    expect(texts.every((t) => t.text === null && t.terms.length === 0 && t.key === null && t.note === null)).toBe(true);
    const comments = await queryRows<{ body: string }>(
      handle.db,
      sql`SELECT c.body FROM feedback_comments c JOIN feedback f ON f.id = c.feedback_id WHERE f.customer_id = ${id}`,
    );
    expect(comments).toEqual([{ body: ERASED_TEXT }, { body: ERASED_TEXT }]);

    // every aggregate exactly as before: segment figures, dashboard tiles and segments, the cubes
    const after = await aggregates();
    expect(after).toEqual(before);
    await handle.db.execute(sql`SELECT rollups_rebuild()`);
    expect(await rollupSnapshot(handle.db)).toEqual(before.rollups);

    const profile = await (await admin()).customers.byId({ id });
    expect(profile).toMatchObject({ name: null, email: null, revenueToDate: profileBefore.revenueToDate });
    expect(profile.latestNps).toEqual(profileBefore.latestNps);
    expect(profile.erased).toEqual({ at: result.erasedAt, byName: fixture.users.admin.name });
    expect(
      profile.timeline.items
        .filter((e) => e.kind === "feedback")
        .every((e) => e.kind === "feedback" && e.text === null),
    ).toBe(true);

    const events = await queryRows<{ actorId: number; action: string; row: string }>(
      handle.db,
      sql`SELECT actor_id AS "actorId", action, to_jsonb(e)::text AS row FROM audit_events e
        WHERE entity_type = 'customer' AND entity_id = ${String(id)}`,
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: fixture.users.admin.id, action: "customers.erase" });
    for (const erased of ["Person", "example.test", "Comment", "Spoke", "address", "late"]) {
      expect(events[0]!.row).not.toContain(erased);
    }
  });

  it("is harmless a second time and clears text that arrived since", async () => {
    const ws = fixture.workspace.id;
    const c = await createCustomer(handle.db, ws, { name: "Second Go", email: "second@example.test" });
    await createFeedback(handle.db, ws, { customerId: c.id, text: "First words" });
    const first = await (await admin()).customers.erase({ id: c.id });
    const again = await (await admin()).customers.erase({ id: c.id });
    expect(again).toEqual({ id: c.id, erasedAt: first.erasedAt, repeated: true, feedbackErased: 0, commentsErased: 0 });
    await createFeedback(handle.db, ws, { customerId: c.id, text: "Arrived later" });
    expect(await (await admin()).customers.erase({ id: c.id })).toMatchObject({ repeated: true, feedbackErased: 1 });
    const texts = await queryRows<{ text: string | null }>(
      handle.db,
      sql`SELECT text FROM feedback WHERE customer_id = ${c.id}`,
    );
    expect(texts).toEqual([{ text: null }, { text: null }]);
    expect((await (await admin()).customers.byId({ id: c.id })).erased?.at).toEqual(first.erasedAt);
  });

  it("answers NOT_FOUND for another workspace's customer and leaves them as they were", async () => {
    const theirs = await createCustomer(handle.db, other.workspace.id, { name: "Not Yours" });
    await expect((await admin()).customers.erase({ id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [row] = await queryRows<{ name: string }>(handle.db, sql`SELECT name FROM customers WHERE id = ${theirs.id}`);
    expect(row!.name).toBe("Not Yours");
  });

  it("is for admins only", async () => {
    const c = await createCustomer(handle.db, fixture.workspace.id, { name: "Kept" });
    await expect((await manager()).customers.erase({ id: c.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
