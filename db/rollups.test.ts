import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, METRIC_KINDS, SENTIMENT_LABELS, type MetricKind } from "../server/domain/enums";
import { SCORE_RANGES } from "../server/domain/scores";
import { queryRows, type DbHandle } from "./client";
import { createCustomer, createSegment, createStage, createTouchpoint, createWorkspace } from "./factories";
import { rebuildRollups, rollupsLeftDirty } from "./rollups";
import { customers, feedback, feedbackThemes, orders, themes, workspaces } from "./schema";
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

const SCORES = Array.from({ length: 11 }, (_, k) => k);

// Independent definitions from the raw tables: a cross join over the four breakdowns and two grains
// with CASE, where the triggers use GROUPING SETS. Latest NPS answer per customer, plain.
const LATEST_NPS = `SELECT DISTINCT ON (customer_id) customer_id, score, received_at,
    CASE WHEN score >= 9 THEN 'promoter' WHEN score >= 7 THEN 'passive' ELSE 'detractor' END AS category
  FROM feedback WHERE metric_kind = 'nps' AND customer_id IS NOT NULL
  ORDER BY customer_id, received_at DESC, id DESC`;
const CUBE = `CROSS JOIN (VALUES (0), (1), (2), (3)) AS x (dims)
  CROSS JOIN LATERAL (VALUES ('day', (AT_::timestamptz AT TIME ZONE 'UTC')::date),
    ('month', date_trunc('month', AT_::timestamptz AT TIME ZONE 'UTC')::date)) AS g (grain, bucket)`;
const FEEDBACK_CUBE_FROM_RAW = `
  SELECT f.workspace_id, x.dims, CASE WHEN x.dims & 2 = 2 THEN f.channel END AS channel,
    CASE WHEN x.dims & 1 = 1 THEN c.region END AS region, g.grain, g.bucket::text AS bucket, c.segment_id,
    CASE WHEN x.dims & 4 = 0 THEN f.stage_id END AS stage_id, f.metric_kind, count(*)::int AS responses,
    ${SCORES.map((k) => `(count(*) FILTER (WHERE f.score = ${k}))::int AS s${k}`).join(", ")},
    coalesce(sum(round(f.sentiment * 1000)), 0)::bigint::text AS sentiment_milli_sum, count(f.sentiment)::int AS sentiment_count
  FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id
  ${CUBE.replace("(VALUES (0), (1), (2), (3))", "(VALUES (0), (1), (2), (3), (4), (5), (6), (7))").replaceAll("AT_", "f.received_at")}
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;
const FEEDBACK_CUBE = `
  SELECT workspace_id, dims, channel, region, grain, bucket::text AS bucket, segment_id, stage_id, metric_kind, responses,
    ${SCORES.map((k) => `s${k}`).join(", ")}, sentiment_milli_sum::text AS sentiment_milli_sum, sentiment_count
  FROM feedback_rollup ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;
const ORDERS_CUBE_FROM_RAW = `
  SELECT o.workspace_id, x.dims, CASE WHEN x.dims & 2 = 2 THEN o.channel END AS channel,
    CASE WHEN x.dims & 1 = 1 THEN c.region END AS region, g.grain, g.bucket::text AS bucket, c.segment_id,
    l.category AS nps_category, sum(o.amount)::text AS revenue,
    (count(*) FILTER (WHERE o.kind = 'purchase'))::int AS purchases, (count(*) FILTER (WHERE o.kind = 'refund'))::int AS refunds
  FROM orders o JOIN customers c ON c.id = o.customer_id LEFT JOIN (${LATEST_NPS}) l ON l.customer_id = o.customer_id
  ${CUBE.replaceAll("AT_", "o.ordered_at")}
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`;
const ORDERS_CUBE = `
  SELECT workspace_id, dims, channel, region, grain, bucket::text AS bucket, segment_id, nps_category, revenue::text AS revenue,
    purchases, refunds
  FROM orders_rollup ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`;
const CUSTOMER_CUBE_FROM_RAW = `
  SELECT c.workspace_id, x.dims, CASE WHEN x.dims = 1 THEN c.region END AS region, g.grain, g.bucket::text AS bucket,
    c.segment_id, l.category AS nps_category, count(*)::int AS customers
  FROM customers c LEFT JOIN (${LATEST_NPS}) l ON l.customer_id = c.id
  ${CUBE.replace("(VALUES (0), (1), (2), (3))", "(VALUES (0), (1))").replaceAll("AT_", "c.created_at")}
  WHERE c.churned_at IS NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`;
// rows that dropped to zero stay in the cube; they add nothing to a sum
const CUSTOMER_CUBE = `
  SELECT workspace_id, dims, region, grain, bucket::text AS bucket, segment_id, nps_category, customers
  FROM customer_rollup WHERE customers <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7`;
// the journey cubes (refreshed per dirty day) from the raw rows: with and without channel (dims 2 / 0)
const JOURNEY_CUBE_FROM_RAW = `
  SELECT f.workspace_id, x.dims, CASE WHEN x.dims = 2 THEN f.channel END AS channel, g.grain, g.bucket::text AS bucket,
    c.segment_id, f.stage_id, f.touchpoint_id, f.metric_kind, count(*)::int AS responses,
    ${SCORES.map((k) => `(count(*) FILTER (WHERE f.score = ${k}))::int AS s${k}`).join(", ")},
    coalesce(sum(round(f.sentiment * 1000)), 0)::bigint::text AS sentiment_milli_sum, count(f.sentiment)::int AS sentiment_count
  FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id
  ${CUBE.replace("(VALUES (0), (1), (2), (3))", "(VALUES (0), (2))").replaceAll("AT_", "f.received_at")}
  WHERE f.touchpoint_id IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;
const JOURNEY_CUBE = `
  SELECT workspace_id, dims, channel, grain, bucket::text AS bucket, segment_id, stage_id, touchpoint_id, metric_kind,
    responses, ${SCORES.map((k) => `s${k}`).join(", ")}, sentiment_milli_sum::text AS sentiment_milli_sum, sentiment_count
  FROM journey_rollup ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;
const FRICTION_CUBE_FROM_RAW = `
  SELECT f.workspace_id, x.dims, CASE WHEN x.dims = 2 THEN f.channel END AS channel, g.grain, g.bucket::text AS bucket,
    c.segment_id, f.stage_id, f.touchpoint_id, ft.theme_id, count(*)::int AS negative
  FROM feedback f JOIN feedback_themes ft ON ft.feedback_id = f.id LEFT JOIN customers c ON c.id = f.customer_id
  ${CUBE.replace("(VALUES (0), (1), (2), (3))", "(VALUES (0), (2))").replaceAll("AT_", "f.received_at")}
  WHERE f.stage_id IS NOT NULL AND f.sentiment_label = 'negative'
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;
const FRICTION_CUBE = `
  SELECT workspace_id, dims, channel, grain, bucket::text AS bucket, segment_id, stage_id, touchpoint_id, theme_id, negative
  FROM friction_rollup ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;
const STATE_FROM_RAW = `
  SELECT c.id AS customer_id, c.workspace_id, c.segment_id, c.region, c.created_at::text AS created_at,
    c.churned_at::text AS churned_at, l.category AS nps_category, l.score::int AS nps_score, l.received_at::text AS nps_at
  FROM customers c LEFT JOIN (${LATEST_NPS}) l ON l.customer_id = c.id ORDER BY 1`;
const STATE = `
  SELECT customer_id, workspace_id, segment_id, region, created_at::text AS created_at, churned_at::text AS churned_at,
    nps_category, nps_score::int AS nps_score, nps_at::text AS nps_at
  FROM customer_state ORDER BY 1`;

describe(`rollups stay equal to raw aggregates (${testEngine()})`, () => {
  let handle: DbHandle;
  const rnd = prng(20261123);
  const ids = {
    customers: [] as number[],
    stages: [] as (number | null)[],
    segments: [] as (number | null)[],
    /** Per stage id: its touchpoints (and null: placed on the stage alone). */
    touchpoints: new Map<number, (number | null)[]>(),
    themes: [] as number[],
  };
  let ws: number;
  let other: number;

  async function expectRollupsMatchRaw() {
    const db = handle.db;
    const rows = async (query: string) => queryRows<Record<string, unknown>>(db, sql.raw(query));
    const feedbackCube = await rows(FEEDBACK_CUBE);
    expect(feedbackCube).toEqual(await rows(FEEDBACK_CUBE_FROM_RAW));
    const ordersCube = await rows(ORDERS_CUBE);
    expect(ordersCube).toEqual(await rows(ORDERS_CUBE_FROM_RAW));
    const state = await rows(STATE);
    expect(state).toEqual(await rows(STATE_FROM_RAW));
    const customerCube = await rows(CUSTOMER_CUBE);
    expect(customerCube).toEqual(await rows(CUSTOMER_CUBE_FROM_RAW));
    expect(customerCube.every((r) => Number(r.customers) > 0)).toBe(true);
    // the journey cubes are refreshed by the reader, per workspace, from the days writes marked
    for (const w of await rows("SELECT id FROM workspaces ORDER BY id")) {
      await db.execute(sql`SELECT journey_rollups_refresh(${Number(w.id)})`);
    }
    const journeyCube = await rows(JOURNEY_CUBE);
    expect(journeyCube).toEqual(await rows(JOURNEY_CUBE_FROM_RAW));
    const frictionCube = await rows(FRICTION_CUBE);
    expect(frictionCube).toEqual(await rows(FRICTION_CUBE_FROM_RAW));
    return {
      feedbackRows: feedbackCube.length,
      orderRows: ordersCube.length,
      customers: state.length,
      journeyRows: journeyCube.length,
      frictionRows: frictionCube.length,
    };
  }

  /** A stage and, on most staged items, one of its touchpoints. */
  function randomPlace() {
    const stageId = rnd.pick(ids.stages);
    return { stageId, touchpointId: stageId === null ? null : rnd.pick(ids.touchpoints.get(stageId)!) };
  }

  function randomFeedback(n: number, workspaceId: number) {
    return Array.from({ length: n }, () => {
      const metricKind: MetricKind = rnd.pick(METRIC_KINDS);
      const range = metricKind === "none" ? null : SCORE_RANGES[metricKind];
      const place = workspaceId === ws ? randomPlace() : { stageId: null, touchpointId: null };
      return {
        workspaceId,
        source: "survey" as const,
        externalId: `F-${rnd.next().toString(36).slice(2)}`,
        customerId: rnd.next() < 0.15 ? null : rnd.pick(ids.customers),
        ...place,
        channel: rnd.next() < 0.1 ? null : rnd.pick(CHANNELS),
        metricKind,
        score: range ? rnd.int(range.min, range.max) : null,
        sentiment: rnd.next() < 0.2 ? null : Math.round((rnd.next() * 2 - 1) * 10_000) / 10_000,
        sentimentLabel: rnd.pick(SENTIMENT_LABELS),
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
    for (let i = 0; i < 3; i++) {
      const stage = await createStage(db, ws, { position: i, name: `Stage ${i}` });
      ids.stages.push(stage.id);
      const points: (number | null)[] = [null];
      for (let j = 0; j < 2; j++)
        points.push((await createTouchpoint(db, ws, stage.id, { name: `Point ${i}.${j}` })).id);
      ids.touchpoints.set(stage.id, points);
    }
    ids.stages.push(null);
    for (const name of ["Delivery", "Price", "Staff"]) {
      const [theme] = await db.insert(themes).values({ workspaceId: ws, name }).returning({ id: themes.id });
      ids.themes.push(theme!.id);
    }
    for (let i = 0; i < 25; i++) {
      const c = await createCustomer(db, ws, {
        segmentId: rnd.pick(ids.segments),
        region: rnd.pick(["North", "South", null]),
      });
      ids.customers.push(c.id);
    }
  });
  afterAll(() => handle.close());

  /** Links about half the items of `feedbackIds` to one or two random themes. */
  async function linkThemes(feedbackIds: number[]) {
    const links = new Map<string, { feedbackId: number; themeId: number }>();
    for (const feedbackId of feedbackIds) {
      if (rnd.next() < 0.5) continue;
      for (let k = rnd.int(1, 2); k > 0; k--) {
        const themeId = rnd.pick(ids.themes);
        links.set(`${feedbackId}:${themeId}`, { feedbackId, themeId });
      }
    }
    if (links.size > 0) await handle.db.insert(feedbackThemes).values([...links.values()]).onConflictDoNothing();
  }

  it("after bulk inserts", async () => {
    const written = await handle.db.insert(feedback).values(randomFeedback(400, ws)).returning({ id: feedback.id });
    await linkThemes(written.map((r) => r.id));
    await handle.db.insert(orders).values(randomOrders(300, ws));
    // a buyer who never answered NPS: orders without a category
    const silent = await createCustomer(handle.db, ws, { segmentId: ids.segments[0] });
    await handle.db.insert(orders).values({ ...randomOrders(1, ws)[0]!, customerId: silent.id });
    const sizes = await expectRollupsMatchRaw();
    expect(sizes.feedbackRows).toBeGreaterThan(50);
    expect(sizes.orderRows).toBeGreaterThan(50);
    expect(sizes.journeyRows).toBeGreaterThan(50);
    expect(sizes.frictionRows).toBeGreaterThan(50);
    // the random history gives customers every latest category, so the category moves are exercised
    const categories = await queryRows<{ category: string | null }>(
      handle.db,
      sql`SELECT DISTINCT nps_category AS category FROM orders_rollup`,
    );
    expect(categories.map((c) => c.category ?? "none").sort()).toEqual(["detractor", "none", "passive", "promoter"]);
  });

  it("after a customer's newer NPS answer changes their category", async () => {
    const db = handle.db;
    const [someone] = await queryRows<{ id: number; category: string }>(
      db,
      sql`SELECT customer_id AS id, nps_category AS category FROM customer_state WHERE nps_category = 'promoter' LIMIT 1`,
    );
    const [base] = randomFeedback(1, ws);
    await db.insert(feedback).values({
      ...base!,
      customerId: someone!.id,
      metricKind: "nps",
      score: 2,
      receivedAt: new Date(Date.UTC(2026, 11, 31)),
    });
    const [state] = await queryRows<{ category: string }>(
      db,
      sql`SELECT nps_category AS category FROM customer_state WHERE customer_id = ${someone!.id}`,
    );
    expect(state?.category).toBe("detractor");
    await expectRollupsMatchRaw();
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
          ...randomPlace(),
          customerId: rnd.next() < 0.3 ? null : rnd.pick(ids.customers),
          receivedAt: new Date(Date.UTC(2026, rnd.int(0, 2), rnd.int(1, 28))),
          sentiment: rnd.next() < 0.5 ? null : -0.5,
          sentimentLabel: rnd.pick(SENTIMENT_LABELS),
        })
        .where(eq(feedback.id, id));
    }
    // theme links come and go (the friction points)
    const linked = await db.select().from(feedbackThemes).limit(30);
    for (const link of linked.slice(0, 15)) {
      await db
        .delete(feedbackThemes)
        .where(and(eq(feedbackThemes.feedbackId, link.feedbackId), eq(feedbackThemes.themeId, link.themeId)));
    }
    await db.delete(feedbackThemes).where(inArray(feedbackThemes.themeId, [ids.themes[2]!]));
    await linkThemes(rows.slice(0, 60).map((r) => r.id));
    // a triage-only change moves no figure
    await db.update(feedback).set({ status: "triaged" }).where(eq(feedback.workspaceId, ws));
    const orderRows = await db.select({ id: orders.id }).from(orders);
    await db
      .update(orders)
      .set({ amount: "12.34", kind: "purchase" })
      .where(
        inArray(
          orders.id,
          orderRows.slice(0, 30).map((o) => o.id),
        ),
      );
    await expectRollupsMatchRaw();
  });

  it("after customers move segment or region", async () => {
    const db = handle.db;
    await db
      .update(customers)
      .set({ segmentId: ids.segments[0] })
      .where(inArray(customers.id, ids.customers.slice(0, 8)));
    await db
      .update(customers)
      .set({ region: "West" })
      .where(inArray(customers.id, ids.customers.slice(5, 12)));
    await db
      .update(customers)
      .set({ name: "Renamed" })
      .where(inArray(customers.id, ids.customers.slice(12, 14)));
    await db
      .update(customers)
      .set({ churnedAt: new Date(Date.now() + 86_400_000) })
      .where(inArray(customers.id, ids.customers.slice(14, 18)));
    await expectRollupsMatchRaw();
  });

  it("after deletes, and rebuilding gives the same rows", async () => {
    const db = handle.db;
    const rows = await db.select({ id: feedback.id }).from(feedback);
    await db.delete(feedback).where(
      inArray(
        feedback.id,
        rows.filter((_, i) => i % 3 === 0).map((r) => r.id),
      ),
    );
    const orderRows = await db.select({ id: orders.id }).from(orders);
    await db.delete(orders).where(
      inArray(
        orders.id,
        orderRows.filter((_, i) => i % 4 === 0).map((r) => r.id),
      ),
    );
    const before = await expectRollupsMatchRaw();
    await rebuildRollups(db);
    expect(await expectRollupsMatchRaw()).toEqual(before);
  });

  it("rolls back with the transaction that wrote", async () => {
    const db = handle.db;
    const count = async () =>
      (await queryRows<{ n: number }>(db, sql`SELECT sum(responses)::int AS n FROM feedback_rollup`))[0]?.n;
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
    await db.insert(feedback).values({
      ...randomFeedback(1, other)[0]!,
      customerId: c.id,
      stageId: null,
    });
    await db.insert(orders).values({ ...randomOrders(1, other)[0]!, customerId: c.id });
    await expectRollupsMatchRaw();
    await db.delete(workspaces).where(eq(workspaces.id, other));
    const left = await queryRows<{ n: number }>(
      db,
      sql`SELECT (SELECT count(*) FROM feedback_rollup WHERE workspace_id = ${other}) + (SELECT count(*) FROM orders_rollup WHERE workspace_id = ${other}) + (SELECT count(*) FROM customer_state WHERE workspace_id = ${other}) + (SELECT count(*) FROM customer_rollup WHERE workspace_id = ${other}) + (SELECT count(*) FROM journey_rollup WHERE workspace_id = ${other}) + (SELECT count(*) FROM journey_rollup_dirty WHERE workspace_id = ${other}) AS n`,
    );
    expect(Number(left[0]?.n)).toBe(0);
    await expectRollupsMatchRaw();
  });
});

describe(`deferred rollups for bulk loads (${testEngine()})`, () => {
  let handle: DbHandle;
  afterAll(() => handle.close());

  it("a deferring transaction marks its workspace, and a rebuild brings the rollups back in step", async () => {
    handle = await createTestDb();
    const db = handle.db;
    const ws = (await createWorkspace(db)).id;
    const customer = await createCustomer(db, ws, { region: "North" });
    const cube = async () =>
      (
        await queryRows<{ n: number }>(
          db,
          sql`SELECT coalesce(sum(responses), 0)::int AS n FROM feedback_rollup WHERE dims = 0 AND grain = 'day'`,
        )
      )[0]?.n;
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('touchpoint.defer_rollups', 'on', true)`);
      await tx.insert(feedback).values(
        Array.from({ length: 5 }, (_, i) => ({
          workspaceId: ws,
          source: "survey" as const,
          externalId: `B-${i}`,
          customerId: customer.id,
          metricKind: "nps" as const,
          score: 9,
          receivedAt: new Date(Date.UTC(2026, 0, 1 + i)),
        })),
      );
    });
    expect(await cube()).toBe(0);
    expect(await rollupsLeftDirty(db)).toBe(true);
    // outside a deferring transaction the triggers work as usual
    await db.insert(feedback).values({
      workspaceId: ws,
      source: "survey",
      externalId: "B-x",
      metricKind: "csat",
      score: 4,
      receivedAt: new Date(Date.UTC(2026, 0, 9)),
    });
    expect(await cube()).toBe(1);
    await rebuildRollups(db);
    expect(await cube()).toBe(6);
    expect(await rollupsLeftDirty(db)).toBe(false);
  });
});
