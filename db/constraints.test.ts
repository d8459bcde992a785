import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type DbHandle } from "./client";
import { createCustomer, createFeedback, createOrder, createSegment, createWorkspace } from "./factories";
import { auditEvents } from "./schema";
import { createTestDb } from "./test-db";
import { testEngine } from "./test-engine";

/** The constraint a failed statement violated (both drivers put the PG error in the cause chain). */
async function violation(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    let e: unknown = err;
    while (e) {
      const c = (e as { constraint?: string; constraint_name?: string }).constraint;
      if (c) return c;
      const m = (e as Error).message ?? "";
      const match = /constraint "([^"]+)"/.exec(m);
      if (match?.[1]) return match[1];
      e = (e as { cause?: unknown }).cause;
    }
    throw err;
  }
  throw new Error("expected the statement to be rejected");
}

describe(`database constraints (${testEngine()})`, () => {
  let handle: DbHandle;
  let ws: { id: number };
  let other: { id: number };
  beforeAll(async () => {
    handle = await createTestDb();
    ws = await createWorkspace(handle.db);
    other = await createWorkspace(handle.db);
  });
  afterAll(() => handle.close());

  it.each([
    ["nps", 11],
    ["nps", -1],
    ["csat", 0],
    ["csat", 6],
    ["ces", 8],
    ["rating", 6],
  ] as const)("reject a %s score of %s", async (metricKind, score) => {
    expect(await violation(createFeedback(handle.db, ws.id, { metricKind, score }))).toBe("feedback_score_range");
  });

  it("reject a score on feedback without a metric, and accept edge scores", async () => {
    expect(await violation(createFeedback(handle.db, ws.id, { metricKind: "none", score: 3 }))).toBe(
      "feedback_score_range",
    );
    await createFeedback(handle.db, ws.id, { metricKind: "nps", score: 0 });
    await createFeedback(handle.db, ws.id, { metricKind: "ces", score: 7 });
    await createFeedback(handle.db, ws.id, { metricKind: "none", score: null });
  });

  it("reject a purchase with a negative amount and a refund with a positive one", async () => {
    const c = await createCustomer(handle.db, ws.id);
    expect(await violation(createOrder(handle.db, ws.id, c.id, { kind: "purchase", amount: "-0.01" }))).toBe(
      "orders_amount_sign",
    );
    expect(await violation(createOrder(handle.db, ws.id, c.id, { kind: "refund", amount: "5.00" }))).toBe(
      "orders_amount_sign",
    );
    await createOrder(handle.db, ws.id, c.id, { kind: "refund", amount: "-5.00" });
  });

  it("reject a duplicate (source, external id) in a workspace, but not across workspaces or sources", async () => {
    await createFeedback(handle.db, ws.id, { source: "review", externalId: "R-1" });
    expect(await violation(createFeedback(handle.db, ws.id, { source: "review", externalId: "R-1" }))).toBe(
      "feedback_workspace_source_external_id_key",
    );
    await createFeedback(handle.db, ws.id, { source: "ticket", externalId: "R-1" });
    await createFeedback(handle.db, other.id, { source: "review", externalId: "R-1" });
  });

  it("reject a churn date before the creation date", async () => {
    const p = createCustomer(handle.db, ws.id, {
      createdAt: new Date("2026-02-01T00:00:00Z"),
      churnedAt: new Date("2026-01-01T00:00:00Z"),
    });
    expect(await violation(p)).toBe("customers_churn_after_creation");
  });

  it("reject links to a record of another workspace (composite foreign keys)", async () => {
    const foreignSegment = await createSegment(handle.db, other.id);
    expect(await violation(createCustomer(handle.db, ws.id, { segmentId: foreignSegment.id }))).toBe(
      "customers_segment_fk",
    );
    const foreignCustomer = await createCustomer(handle.db, other.id);
    expect(await violation(createFeedback(handle.db, ws.id, { customerId: foreignCustomer.id }))).toBe(
      "feedback_customer_fk",
    );
    expect(await violation(createOrder(handle.db, ws.id, foreignCustomer.id))).toBe("orders_customer_fk");
  });

  it("keep the audit log append-only", async () => {
    const [event] = await handle.db
      .insert(auditEvents)
      .values({ workspaceId: ws.id, action: "test.create", entityType: "test", entityId: "1" })
      .returning();
    await expect(
      handle.db.update(auditEvents).set({ action: "tampered" }).where(eq(auditEvents.id, event!.id)),
    ).rejects.toThrow();
    await expect(handle.db.delete(auditEvents).where(eq(auditEvents.id, event!.id))).rejects.toThrow();
    const rows = await queryRows(handle.db, sql`SELECT action FROM audit_events WHERE id = ${event!.id}`);
    expect(rows).toEqual([{ action: "test.create" }]);
  });
});
