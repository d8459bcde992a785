import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Channel, FeedbackSource, MetricKind } from "../server/domain/enums";
import {
  describeSuspicion,
  screenFeedback as screenInMemory,
  type SuspicionDetail,
} from "../server/domain/text/suspicious";
import { queryRows, type DbHandle } from "./client";
import { createCustomer, createOrder, createWorkspace } from "./factories";
import { feedback, feedbackFlags } from "./schema";
import { screenFeedback, syncSuspicious } from "./screening";
import { createTestDb } from "./test-db";
import { testEngine } from "./test-engine";
import { analyseFeedback } from "./text-analysis";

/** mulberry32: the same history on every run and engine. */
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

const T0 = Date.parse("2026-05-01T08:00:00Z");
const MINUTE = 60_000;
const TEXTS = [
  null,
  "   ",
  "Great!",
  "Best purchase of my life, five stars from the whole family!",
  "BEST purchase of my life — five stars from the whole family 😀",
  "The delivery was late and the box arrived completely crushed.",
  "Honest review: the product works as described, nothing more.",
  "Lovely staff at the Warsaw store, they helped me choose.",
];

interface Row {
  id: number;
  customerId: number | null;
  source: FeedbackSource;
  channel: Channel | null;
  metricKind: MetricKind;
  score: number | null;
  text: string | null;
  receivedAt: Date;
}

describe(`suspicious-feedback screening in SQL agrees with the domain rules (${testEngine()})`, () => {
  let handle: DbHandle;
  let workspaceId: number;
  const customerIds: number[] = [];
  const orders: Array<{ customerId: number; orderedAt: Date; kind: "purchase" | "refund" }> = [];
  const rows: Row[] = [];
  const rng = prng(42);

  async function addFeedback(count: number, start: number, spreadMs: number, serial: number): Promise<number[]> {
    const values = Array.from({ length: count }, (_, k) => {
      const source: FeedbackSource = rng.next() < 0.8 ? "review" : "survey";
      const metricKind: MetricKind = source === "review" ? rng.pick(["rating", "rating", "none"] as const) : "nps";
      const score = metricKind === "rating" ? rng.int(1, 5) : metricKind === "nps" ? rng.int(0, 10) : null;
      return {
        workspaceId,
        customerId: rng.next() < 0.15 ? null : rng.pick(customerIds),
        source,
        externalId: `S-${serial + k}`,
        channel: rng.pick(["web", "app", null] as const),
        metricKind,
        score,
        text: rng.pick(TEXTS),
        receivedAt: new Date(start + Math.floor(rng.next() * spreadMs)),
      };
    });
    const inserted = await handle.db.insert(feedback).values(values).returning({ id: feedback.id });
    inserted.forEach(({ id }, k) => rows.push({ id, ...values[k]! }));
    return inserted.map(({ id }) => id);
  }

  async function flagsInDb() {
    const stored = await handle.db
      .select({ id: feedbackFlags.feedbackId, code: feedbackFlags.code, detail: feedbackFlags.detail })
      .from(feedbackFlags)
      .where(eq(feedbackFlags.workspaceId, workspaceId));
    return stored.map((f) => `${f.id} ${describeSuspicion({ code: f.code, ...f.detail } as SuspicionDetail)}`).sort();
  }

  function flagsExpected() {
    const items = rows.map((r) => ({ ...r, origin: r.channel }));
    const expected = screenInMemory(items, orders);
    return [...expected.values()]
      .flat()
      .map((f) => `${f.feedbackId} ${f.reason}`)
      .sort();
  }

  beforeAll(async () => {
    handle = await createTestDb();
    workspaceId = (await createWorkspace(handle.db)).id;
    for (let i = 0; i < 25; i++) customerIds.push((await createCustomer(handle.db, workspaceId)).id);
    for (let i = 0; i < 40; i++) {
      const customerId = rng.pick(customerIds.slice(0, 18));
      const kind = rng.next() < 0.85 ? ("purchase" as const) : ("refund" as const);
      const orderedAt = new Date(T0 + rng.int(0, 3 * 24 * 60) * MINUTE);
      await createOrder(handle.db, workspaceId, customerId, {
        kind,
        amount: kind === "refund" ? "-5.00" : "20.00",
        orderedAt,
      });
      orders.push({ customerId, orderedAt, kind });
    }
    // sparse items over three days, and two dense runs that make bursts on some channels
    await addFeedback(150, T0, 3 * 24 * 60 * MINUTE, 0);
    await addFeedback(40, T0 + 24 * 60 * MINUTE, 12 * MINUTE, 1000);
    await addFeedback(30, T0 + 50 * 60 * MINUTE, 6 * MINUTE, 2000);
  });
  afterAll(async () => handle?.close());

  it("raises exactly the flags the domain rules raise, with the same reasons", async () => {
    await analyseFeedback(handle.db, workspaceId);
    const expected = flagsExpected();
    // the generated history exercises every rule
    for (const code of ["same text", "items came from", "no order", "with no comment"]) {
      expect(
        expected.some((f) => f.includes(code)),
        code,
      ).toBe(true);
    }
    expect(await flagsInDb()).toEqual(expected);
    const marked = await queryRows<{ id: number }>(
      handle.db,
      sql`SELECT id FROM feedback WHERE workspace_id = ${workspaceId} AND suspicious ORDER BY id`,
    );
    const flaggedIds = [...new Set(expected.map((f) => Number(f.split(" ")[0])))].sort((a, b) => a - b);
    expect(marked.map((r) => r.id)).toEqual(flaggedIds);
  });

  it("screens new items with their duplicates and neighbours, as a full pass would", async () => {
    const added = [
      ...(await addFeedback(12, T0 + 24 * 60 * MINUTE + 3 * MINUTE, 4 * MINUTE, 3000)),
      ...(await addFeedback(5, T0 + 70 * 60 * MINUTE, 60 * MINUTE, 4000)),
    ];
    await analyseFeedback(handle.db, workspaceId, { ids: added });
    expect(await flagsInDb()).toEqual(flagsExpected());
  });

  it("keeps a manager's verdict, and drops open flags no rule raises any more on a full pass", async () => {
    const [cleared, confirmed] = await handle.db
      .select({ id: feedbackFlags.id, feedbackId: feedbackFlags.feedbackId, code: feedbackFlags.code })
      .from(feedbackFlags)
      .where(and(eq(feedbackFlags.workspaceId, workspaceId), eq(feedbackFlags.code, "unverified_review")))
      .orderBy(feedbackFlags.id)
      .limit(2);
    await handle.db.update(feedbackFlags).set({ state: "cleared" }).where(eq(feedbackFlags.id, cleared!.id));
    await handle.db.update(feedbackFlags).set({ state: "confirmed" }).where(eq(feedbackFlags.id, confirmed!.id));
    await syncSuspicious(handle.db, workspaceId);
    await screenFeedback(handle.db, workspaceId);
    const states = await handle.db
      .select({ id: feedbackFlags.id, state: feedbackFlags.state })
      .from(feedbackFlags)
      .where(sql`${feedbackFlags.id} IN (${cleared!.id}, ${confirmed!.id})`)
      .orderBy(feedbackFlags.id);
    expect(states.map((s) => s.state)).toEqual(["cleared", "confirmed"]);

    // an order placed before every review makes each review verified: open flags go, verdicts stay
    const customerIdsWithReviews = [...new Set(rows.filter((r) => r.customerId !== null).map((r) => r.customerId!))];
    for (const customerId of customerIdsWithReviews) {
      const orderedAt = new Date(T0 - MINUTE);
      await createOrder(handle.db, workspaceId, customerId, { kind: "purchase", amount: "1.00", orderedAt });
      orders.push({ customerId, orderedAt, kind: "purchase" });
    }
    const result = await screenFeedback(handle.db, workspaceId);
    expect(result.removed).toBeGreaterThan(0);
    const remaining = await handle.db
      .select({ id: feedbackFlags.feedbackId, state: feedbackFlags.state })
      .from(feedbackFlags)
      .where(and(eq(feedbackFlags.workspaceId, workspaceId), eq(feedbackFlags.code, "unverified_review")));
    const anonymous = new Set(rows.filter((r) => r.customerId === null).map((r) => r.id));
    for (const flag of remaining) {
      expect(anonymous.has(flag.id) || flag.state !== "open", `flag on ${flag.id}`).toBe(true);
    }
    const [item] = await handle.db
      .select({ suspicious: feedback.suspicious })
      .from(feedback)
      .where(eq(feedback.id, cleared!.feedbackId));
    const [other] = await queryRows<{ n: number }>(
      handle.db,
      sql`SELECT count(*)::int AS n FROM feedback_flags WHERE feedback_id = ${cleared!.feedbackId} AND state <> 'cleared'`,
    );
    expect(item!.suspicious).toBe(other!.n > 0);
  });
});
