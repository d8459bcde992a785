import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { queryRows } from "@/db/client";
import { createCustomer, createFeedback, createOrder, createSegment, createStage } from "@/db/factories";
import { feedbackThemes, themes } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { callerFor, createRoleFixture } from "../testing/callers";

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

/** mulberry32: the same history on every run and engine. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let handle: DbHandle;
let fixture: Awaited<ReturnType<typeof createRoleFixture>>;
const stageIds: number[] = [];
/** Furthest stage (index) each customer was seen at in the last 90 days, and their segment. */
const furthest = new Map<number, { stage: number; segmentId: number | null }>();

beforeAll(async () => {
  handle = await createTestDb();
  const { db } = handle;
  fixture = await createRoleFixture(db, "Moments");
  const ws = fixture.workspace.id;
  const segment = (await createSegment(db, ws, { name: "Consumer" })).id;
  for (const [position, name] of ["Purchase", "Delivery", "Loyalty"].entries()) {
    stageIds.push((await createStage(db, ws, { name, position, mainMetric: "nps" })).id);
  }
  await createStage(db, ws, { name: "Retired", position: 9, archivedAt: new Date() });
  const [late] = await db
    .insert(themes)
    .values({ workspaceId: ws, name: "Late", keywords: { en: ["late"] } })
    .returning();
  const random = prng(11);
  for (let i = 0; i < 60; i++) {
    const segmentId = i % 3 === 0 ? null : segment;
    const customer = await createCustomer(db, ws, { segmentId });
    await createOrder(db, ws, customer.id, { amount: `${100 + i * 10}.25`, orderedAt: daysAgo(20 + (i % 200)) });
    // everyone passes purchase; delivery hurts: mostly detractors who say it was late
    const seen = random() < 0.8 ? (random() < 0.6 ? 2 : 1) : 0;
    for (let stage = 0; stage <= seen; stage++) {
      const detractor = stage === 1 ? random() < 0.7 : random() < 0.1;
      const item = await createFeedback(db, ws, {
        customerId: customer.id,
        stageId: stageIds[stage],
        metricKind: "nps",
        score: detractor ? Math.floor(random() * 5) : 9 + Math.floor(random() * 2),
        receivedAt: daysAgo(1 + Math.floor(random() * 80)),
      });
      if (stage === 1 && detractor) await db.insert(feedbackThemes).values({ feedbackId: item.id, themeId: late!.id });
    }
    furthest.set(customer.id, { stage: seen, segmentId });
  }
});
afterAll(() => handle.close());

describe(`journeys insights (${testEngine()})`, () => {
  it("ranks the stage that was made to hurt first, with its detractors' revenue exact", async () => {
    const caller = await callerFor(handle.db, fixture.users.executive, fixture.workspace.id);
    const { ranking, currency } = await caller.journeys.momentsOfTruth({});
    expect(currency).toBe("USD");
    expect(ranking.map((m) => m.name)).toEqual(["Delivery", expect.any(String), expect.any(String)]);
    expect(ranking[0]!.themes[0]).toMatchObject({ name: "Late" });
    expect(Number(ranking[0]!.themes[0]!.revenueImpact)).toBeGreaterThan(0);
    const [expected] = await queryRows<{ revenue: string }>(
      handle.db,
      sql`SELECT coalesce(sum(o.amount), 0)::text AS revenue FROM orders o WHERE o.customer_id IN (
          SELECT DISTINCT ON (f.customer_id) f.customer_id FROM feedback f WHERE f.stage_id = ${stageIds[1]}
          ORDER BY f.customer_id, f.received_at DESC, f.id DESC)
        AND o.customer_id IN (SELECT customer_id FROM (SELECT DISTINCT ON (customer_id) customer_id, score FROM feedback
          WHERE stage_id = ${stageIds[1]} ORDER BY customer_id, received_at DESC, id DESC) l WHERE l.score <= 6)`,
    );
    expect(ranking[0]!.detractorRevenue).toBe(expected!.revenue);
    expect(ranking.map((m) => m.rank)).toEqual([1, 2, 3]);
  });

  it("counts customers reaching each stage by the furthest one they were seen at, per segment", async () => {
    const caller = await callerFor(handle.db, fixture.users.team_member, fixture.workspace.id);
    const funnel = await caller.journeys.funnel({});
    const reached = (stage: number, segment?: number | null) =>
      [...furthest.values()].filter((c) => c.stage >= stage && (segment === undefined || c.segmentId === segment))
        .length;
    expect(funnel.stages.map((s) => s.name)).toEqual(["Purchase", "Delivery", "Loyalty"]);
    expect(funnel.overall.map((step) => step.reached)).toEqual([0, 1, 2].map((s) => reached(s)));
    expect(funnel.overall[1]!.dropCount).toBe(reached(0) - reached(1));
    const none = funnel.segments.find((s) => s.segmentId === null)!;
    expect(none.steps.map((step) => step.reached)).toEqual([0, 1, 2].map((s) => reached(s, null)));
  });
});
