import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, METRIC_KINDS, type MetricKind } from "../server/domain/enums";
import { SCORE_RANGES } from "../server/domain/scores";
import { queryRows, type DbHandle } from "./client";
import { createCustomer, createSegment, createStage, createWorkspace } from "./factories";
import { FEEDBACK_DAILY_FROM_RAW, ORDERS_DAILY_FROM_RAW, rebuildRollups } from "./rollups";
import { customers, feedback, orders, workspaces } from "./schema";
import { createTestDb } from "./test-db";
import { testEngine } from "./test-engine";

/** A small deterministic PRNG (mulberry32): the same random history on every run and engine. */
function prng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  return { next, int, pick };
}

// day as text: both drivers then return the same value, and ORDER BY position avoids ambiguity
const FEEDBACK_KEYS = "workspace_id, day::text AS day, segment_id, region, stage_id, channel, metric_kind";
const FEEDBACK_ORDER = "1, 2, 3, 4, 5, 6, 7";
const ORDER_KEYS = "workspace_id, day::text AS day, segment_id, region, channel";
const ORDER_ORDER = "1, 2, 3, 4, 5";

describe(`rollups stay equal to raw aggregates (${testEngine()})`, () => {
  let handle: DbHandle;
  const rnd = prng(20261123);
  const ids = { customers: [] as number[], stages: [] as (number | null)[], segments: [] as (number | null)[] };
  let ws: number;
  let other: number;

  async function expectRollupsMatchRaw() {
    const db = handle.db;
    const fbRollup = await queryRows(db, sql.raw(`SELECT ${FEEDBACK_KEYS}, responses, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10,
      sentiment_milli_sum::text AS sentiment_milli_sum, sentiment_count FROM feedback_daily ORDER BY ${FEEDBACK_ORDER}`));
    const fbRaw = await queryRows(db, sql.raw(`SELECT ${FEEDBACK_KEYS}, responses, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10,
      sentiment_milli_sum::text AS sentiment_milli_sum, sentiment_count FROM (${FEEDBACK_DAILY_FROM_RAW}) raw ORDER BY ${FEEDBACK_ORDER}`));
    expect(fbRollup).toEqual(fbRaw);
    const odRollup = await queryRows(db, sql.raw(`SELECT ${ORDER_KEYS}, revenue::text AS revenue, purchases, refunds
      FROM orders_daily ORDER BY ${ORDER_ORDER}`));
    const odRaw = await queryRows(db, sql.raw(`SELECT ${ORDER_KEYS}, revenue::text AS revenue, purchases, refunds
      FROM (${ORDERS_DAILY_FROM_RAW}) raw ORDER BY ${ORDER_ORDER}`));
    expect(odRollup).toEqual(odRaw);
    return { feedbackRows: fbRollup.length, orderRows: odRollup.length };
  }

  function randomFeedback(n: number, workspaceId: number) {
    return Array.from({ length: n }, () => {
      const metricKind: MetricKind = rnd.pick(METRIC_KINDS);
      const range = metricKind === "none" ? null : SCORE_RANGES[metricKind];
      return {
        workspaceId,
        source: "survey" as const,
        externalId: `F-${rnd.next().toString(36).slice(2)}`,
        customerId: rnd.next() < 0.15 ? null : rnd.pick(ids.customers),
        stageId: rnd.pick(ids.stages),
        channel: rnd.next() < 0.1 ? null : rnd.pick(CHANNELS),
        metricKind,
        score: range ? rnd.int(range.min, range.max) : null,
        sentiment: rnd.next() < 0.2 ? null : Math.round((rnd.next() * 2 - 1) * 10_000) / 10_000,
        receivedAt: new Date(Date.UTC(2026, rnd.int(0, 2), rnd.int(1, 28), rnd.int(0, 23), rnd.int(0, 59))),
      };
    });
  }

  function randomOrders(n: number, workspaceId: number) {
    return Array.from({ length: n }, () => {
      const refund = rnd.next() < 0.1;
      const cents = rnd.int(0, 500_000);
      return {
        workspaceId,
        customerId: rnd.pick(ids.customers),
        kind: refund ? ("refund" as const) : ("purchase" as const),
        amount: `${refund && cents > 0 ? "-" : ""}${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`,
        channel: rnd.next() < 0.1 ? null : rnd.pick(CHANNELS),
        orderedAt: new Date(Date.UTC(2026, rnd.int(0, 2), rnd.int(1, 28), rnd.int(0, 23))),
      };
    });
  }

  beforeAll(async () => {
    handle = await createTestDb();
    const db = handle.db;
    ws = (await createWorkspace(db)).id;
    other = (await createWorkspace(db)).id;
    for (let i = 0; i < 3; i++) ids.segments.push((await createSegment(db, ws)).id);
    ids.segments.push(null);
    for (let i = 0; i < 3; i++) ids.stages.push((await createStage(db, ws, { position: i, name: `Stage ${i}` })).id);
    ids.stages.push(null);
    for (let i = 0; i < 25; i++) {
      const c = await createCustomer(db, ws, { segmentId: rnd.pick(ids.segments), region: rnd.pick(["North", "South", null]) });
      ids.customers.push(c.id);
    }
  });
  afterAll(() => handle.close());

  it("after bulk inserts", async () => {
    await handle.db.insert(feedback).values(randomFeedback(400, ws));
    await handle.db.insert(orders).values(randomOrders(300, ws));
    const sizes = await expectRollupsMatchRaw();
    expect(sizes.feedbackRows).toBeGreaterThan(50);
    expect(sizes.orderRows).toBeGreaterThan(50);
  });

  it("after edits of scores, dates, stages, customers and amounts", async () => {
    const db = handle.db;
    const rows = await db.select({ id: feedback.id }).from(feedback).where(eq(feedback.workspaceId, ws));
    for (let i = 0; i < 40; i++) {
      const id = rnd.pick(rows).id;
      const metricKind = rnd.pick(METRIC_KINDS);
      const range = metricKind === "none" ? null : SCORE_RANGES[metricKind];
      await db
        .update(feedback)
        .set({
          metricKind,
          score: range ? rnd.int(range.min, range.max) : null,
          stageId: rnd.pick(ids.stages),
          customerId: rnd.next() < 0.3 ? null : rnd.pick(ids.customers),
          receivedAt: new Date(Date.UTC(2026, rnd.int(0, 2), rnd.int(1, 28))),
          sentiment: rnd.next() < 0.5 ? null : -0.5,
        })
        .where(eq(feedback.id, id));
    }
    // a triage-only change moves no figure
    await db.update(feedback).set({ status: "triaged" }).where(eq(feedback.workspaceId, ws));
    const orderRows = await db.select({ id: orders.id }).from(orders);
    await db
      .update(orders)
      .set({ amount: "12.34", kind: "purchase" })
      .where(inArray(orders.id, orderRows.slice(0, 30).map((o) => o.id)));
    await expectRollupsMatchRaw();
  });

  it("after customers move segment or region", async () => {
    const db = handle.db;
    await db.update(customers).set({ segmentId: ids.segments[0] }).where(inArray(customers.id, ids.customers.slice(0, 8)));
    await db.update(customers).set({ region: "West" }).where(inArray(customers.id, ids.customers.slice(5, 12)));
    await db.update(customers).set({ name: "Renamed" }).where(inArray(customers.id, ids.customers.slice(12, 14)));
    await expectRollupsMatchRaw();
  });

  it("after deletes, and rebuilding gives the same rows", async () => {
    const db = handle.db;
    const rows = await db.select({ id: feedback.id }).from(feedback);
    await db.delete(feedback).where(inArray(feedback.id, rows.filter((_, i) => i % 3 === 0).map((r) => r.id)));
    const orderRows = await db.select({ id: orders.id }).from(orders);
    await db.delete(orders).where(inArray(orders.id, orderRows.filter((_, i) => i % 4 === 0).map((r) => r.id)));
    const before = await expectRollupsMatchRaw();
    await rebuildRollups(db);
    expect(await expectRollupsMatchRaw()).toEqual(before);
  });

  it("rolls back with the transaction that wrote", async () => {
    const db = handle.db;
    const count = async () => (await queryRows<{ n: number }>(db, sql`SELECT sum(responses)::int AS n FROM feedback_daily`))[0]?.n;
    const before = await count();
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(feedback).values(randomFeedback(20, ws));
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await count()).toBe(before);
  });

  it("never mixes workspaces, and go away with a deleted workspace", async () => {
    const db = handle.db;
    const c = await createCustomer(db, other);
    await db.insert(feedback).values({ ...randomFeedback(1, other)[0]!, customerId: c.id, stageId: null });
    await db.insert(orders).values({ ...randomOrders(1, other)[0]!, customerId: c.id });
    await expectRollupsMatchRaw();
    await db.delete(workspaces).where(eq(workspaces.id, other));
    const left = await queryRows<{ n: number }>(
      db,
      sql`SELECT (SELECT count(*) FROM feedback_daily WHERE workspace_id = ${other}) + (SELECT count(*) FROM orders_daily WHERE workspace_id = ${other}) AS n`,
    );
    expect(Number(left[0]?.n)).toBe(0);
    await expectRollupsMatchRaw();
  });
});
