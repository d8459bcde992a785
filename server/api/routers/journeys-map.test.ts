import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { queryRows } from "@/db/client";
import { createCustomer, createFeedback, createSegment, createStage, createTouchpoint } from "@/db/factories";
import { feedbackThemes, themes } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import type { MetricKind, SentimentLabel } from "../../domain/enums";
import { computeCsat, computeNps, csatCountsFromScoreCounts, npsBucketsFromScoreCounts } from "../../domain/kpi";
import { callerFor, createRoleFixture } from "../testing/callers";

const NOW = new Date();
const DAY = 86_400_000;

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
const ids = { stages: [] as number[], points: [] as number[], themes: [] as number[], segment: 0 };

beforeAll(async () => {
  handle = await createTestDb();
  const { db } = handle;
  fixture = await createRoleFixture(db, "Journey map");
  const ws = fixture.workspace.id;
  ids.segment = (await createSegment(db, ws, { name: "Enterprise" })).id;
  const customers = [(await createCustomer(db, ws, { segmentId: ids.segment })).id, (await createCustomer(db, ws)).id];
  const delivery = await createStage(db, ws, { name: "Delivery", position: 0, mainMetric: "csat" });
  const loyalty = await createStage(db, ws, { name: "Loyalty", position: 1, mainMetric: "nps" });
  ids.stages = [delivery.id, loyalty.id];
  ids.points = [
    (await createTouchpoint(db, ws, delivery.id, { name: "Courier", channel: "store" })).id,
    (await createTouchpoint(db, ws, loyalty.id, { name: "Renewal page", channel: "web" })).id,
  ];
  const made = await db
    .insert(themes)
    .values(["Late", "Broken", "Price", "Rude"].map((name) => ({ workspaceId: ws, name, keywords: { en: [name] } })))
    .returning({ id: themes.id });
  ids.themes = made.map((t) => t.id);

  const random = prng(7);
  for (let i = 0; i < 160; i++) {
    const stage = i % 2;
    const kind: MetricKind = stage === 0 ? (random() < 0.8 ? "csat" : "none") : random() < 0.85 ? "nps" : "csat";
    const score = kind === "nps" ? Math.floor(random() * 11) : kind === "csat" ? 1 + Math.floor(random() * 5) : null;
    const label: SentimentLabel = random() < 0.4 ? "negative" : random() < 0.5 ? "neutral" : "positive";
    const item = await createFeedback(db, ws, {
      customerId: random() < 0.2 ? null : customers[Math.floor(random() * 2)]!,
      stageId: ids.stages[stage],
      touchpointId: random() < 0.7 ? ids.points[stage] : null,
      channel: stage === 0 ? "store" : "web",
      metricKind: kind,
      score,
      sentiment: label === "negative" ? -0.6 : label === "neutral" ? 0 : 0.5,
      sentimentLabel: label,
      // the last 180 days: the current 90 and the previous 90
      receivedAt: new Date(NOW.getTime() - Math.floor(random() * 179) * DAY - DAY),
    });
    const linked = ids.themes.filter(() => random() < 0.35);
    if (linked.length > 0) {
      await db
        .insert(feedbackThemes)
        .values(linked.map((themeId) => ({ feedbackId: item.id, themeId, origin: "rule" as const })));
    }
  }
});
afterAll(() => handle.close());

async function rawFigures(where: string, kind: "nps" | "csat", from: string, to: string) {
  const [row] = await queryRows<{ volume: number; scores: number[] | null; sentiment: number | null }>(
    handle.db,
    sql.raw(`SELECT count(*)::int AS volume,
      array_agg(score) FILTER (WHERE metric_kind = '${kind}') AS scores,
      avg(sentiment)::float8 AS sentiment
      FROM feedback f WHERE workspace_id = ${fixture.workspace.id} AND ${where}
        AND received_at >= '${from}'::date AND received_at < '${to}'::date + 1`),
  );
  const counts: Record<number, number> = {};
  for (const s of row!.scores ?? []) counts[s] = (counts[s] ?? 0) + 1;
  const metric =
    kind === "nps" ? computeNps(npsBucketsFromScoreCounts(counts)) : computeCsat(csatCountsFromScoreCounts(counts));
  return { volume: row!.volume, metric: metric.value, sentiment: row!.sentiment };
}

describe(`journeys.map (${testEngine()})`, () => {
  it("gives each stage and touchpoint its volume, main metric, sentiment and trend, as raw feedback does", async () => {
    const caller = await callerFor(handle.db, fixture.users.executive, fixture.workspace.id);
    const map = await caller.journeys.map({ period: { kind: "last90" } });
    expect(map.stages.map((s) => s.name)).toEqual(["Delivery", "Loyalty"]);
    for (const [index, stage] of map.stages.entries()) {
      const kind = index === 0 ? "csat" : "nps";
      for (const [which, period] of [
        ["current", map.period],
        ["previous", map.comparison!],
      ] as const) {
        const figures = which === "current" ? stage.current : stage.previous!;
        const expected = await rawFigures(`stage_id = ${stage.id}`, kind, period.from, period.to);
        expect(figures.volume, `${stage.name} ${which}`).toBe(expected.volume);
        expect(figures.metric.value, `${stage.name} ${which}`).toBeCloseTo(expected.metric ?? NaN, 9);
        expect(figures.sentiment, `${stage.name} ${which}`).toBeCloseTo(expected.sentiment ?? NaN, 3);
        const [point] = stage.touchpoints;
        const pointFigures = which === "current" ? point!.current : point!.previous!;
        const expectedPoint = await rawFigures(`touchpoint_id = ${point!.id}`, kind, period.from, period.to);
        expect(pointFigures.volume).toBe(expectedPoint.volume);
        expect(pointFigures.metric.value).toBeCloseTo(expectedPoint.metric ?? NaN, 9);
      }
      expect(stage.current.volume).toBeGreaterThan(0);
      expect(stage.previous!.volume).toBeGreaterThan(0);
    }
  });

  it("lists the three themes negative feedback carries most, per stage and touchpoint", async () => {
    const caller = await callerFor(handle.db, fixture.users.cx_manager, fixture.workspace.id);
    const map = await caller.journeys.map({});
    for (const stage of map.stages) {
      const expected = await queryRows<{ name: string; negative: number }>(
        handle.db,
        sql`SELECT t.name, count(*)::int AS negative FROM feedback f JOIN feedback_themes ft ON ft.feedback_id = f.id
          JOIN themes t ON t.id = ft.theme_id
          WHERE f.stage_id = ${stage.id} AND f.sentiment_label = 'negative'
            AND f.received_at >= ${map.period.from}::date AND f.received_at < ${map.period.to}::date + 1
          GROUP BY t.name ORDER BY negative DESC, t.name LIMIT 3`,
      );
      expect(stage.friction.map(({ name, negative }) => ({ name, negative }))).toEqual(expected);
      expect(stage.friction).toHaveLength(3);
    }
  });

  it("narrows to a segment: only its customers' feedback counts", async () => {
    const caller = await callerFor(handle.db, fixture.users.admin, fixture.workspace.id);
    const map = await caller.journeys.map({ segmentIds: [ids.segment] });
    const [row] = await queryRows<{ n: number }>(
      handle.db,
      sql`SELECT count(*)::int AS n FROM feedback f JOIN customers c ON c.id = f.customer_id
        WHERE f.touchpoint_id = ${ids.points[0]} AND c.segment_id = ${ids.segment}
          AND f.received_at >= ${map.period.from}::date AND f.received_at < ${map.period.to}::date + 1`,
    );
    expect(map.stages[0]!.touchpoints[0]!.current.volume).toBe(row!.n);
    const all = await caller.journeys.map({});
    expect(map.stages[0]!.current.volume).toBeLessThan(all.stages[0]!.current.volume);
  });

  it("keeps the journey cubes in step with later writes, and a region filter (raw rows) agrees with them", async () => {
    const db = handle.db;
    const ws = fixture.workspace.id;
    const caller = await callerFor(db, fixture.users.admin, ws);
    // every customer in one region; anonymous feedback moves onto a customer, so both reads see the same items
    await db.execute(sql`UPDATE customers SET region = 'North' WHERE workspace_id = ${ws}`);
    const [someone] = await queryRows<{ id: number }>(
      db,
      sql`SELECT id FROM customers WHERE workspace_id = ${ws} LIMIT 1`,
    );
    await db.execute(
      sql`UPDATE feedback SET customer_id = ${someone!.id} WHERE workspace_id = ${ws} AND customer_id IS NULL`,
    );
    // later writes: a new negative item on the courier touchpoint, a theme link, a moved item
    const late = await createFeedback(db, ws, {
      customerId: someone!.id,
      stageId: ids.stages[0],
      touchpointId: ids.points[0],
      channel: "store",
      metricKind: "csat",
      score: 1,
      sentiment: -0.9,
      sentimentLabel: "negative",
      receivedAt: new Date(NOW.getTime() - 2 * DAY),
    });
    await db.insert(feedbackThemes).values({ feedbackId: late.id, themeId: ids.themes[3]!, origin: "rule" });
    await db.execute(
      sql`UPDATE feedback SET touchpoint_id = NULL WHERE id = (SELECT min(id) FROM feedback WHERE touchpoint_id = ${ids.points[1]})`,
    );
    const cube = await caller.journeys.map({});
    const raw = await caller.journeys.map({ region: "North" });
    expect(raw.stages).toEqual(cube.stages);
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM feedback WHERE touchpoint_id = ${ids.points[0]}
        AND received_at >= ${cube.period.from}::date AND received_at < ${cube.period.to}::date + 1`,
    );
    expect(cube.stages[0]!.touchpoints[0]!.current.volume).toBe(row!.n);
  });
});
