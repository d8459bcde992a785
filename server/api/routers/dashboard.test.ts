import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { queryRows } from "@/db/client";
import { createCustomer, createSegment, createStage } from "@/db/factories";
import { Rng } from "@/db/seed/random";
import { customers, feedback, kpiTargets, orders } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { CHANNELS, METRIC_KINDS, type MetricKind } from "../../domain/enums";
import { dashboardFiltersInput, type DashboardFiltersInput } from "../../domain/dashboard/filters";
import { comparisonPeriod, type ResolvedPeriod } from "../../domain/dashboard/periods";
import { trailingYear } from "../../domain/dashboard/rollup-spans";
import {
  cesTotalsFromScoreCounts,
  computeChurnRate,
  computeCes,
  computeCsat,
  computeNps,
  countScores,
  csatCountsFromScoreCounts,
  npsBucketsFromScoreCounts,
  subtractMoney,
  sumMoney,
} from "../../domain/kpi";
import { SCORE_RANGES } from "../../domain/scores";
import { callerFor, createRoleFixture } from "../testing/callers";

// the router resolves periods against the clock, so the data is laid out around it too
const NOW = new Date();

function expectSameFigure(actual: number | null, expected: number | null) {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 9);
}

describe(`dashboard.kpis from rollups equals the KPIs of the raw rows (${testEngine()})`, () => {
  let handle: DbHandle;
  let fixture: Awaited<ReturnType<typeof createRoleFixture>>;
  const rnd = new Rng(7);
  const segmentIds: number[] = [];
  let stageId: number;

  /** The tiles computed the slow way: every matching raw row, tallied in JS, through the KPI engine. */
  async function fromRaw(input: DashboardFiltersInput, period: ResolvedPeriod) {
    const f = dashboardFiltersInput.parse(input);
    const rows = await queryRows<{ metric_kind: MetricKind; score: number | null; segment_id: number | null; region: string | null; channel: string | null; stage_id: number | null }>(
      handle.db,
      sql`SELECT f.metric_kind::text AS metric_kind, f.score, c.segment_id, c.region, f.channel::text AS channel, f.stage_id
        FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id
        WHERE f.workspace_id = ${fixture.workspace.id} AND f.received_at >= ${period.start.toISOString()}::timestamptz AND f.received_at < ${period.end.toISOString()}::timestamptz`,
    );
    const keep = (r: { segment_id: number | null; region: string | null; channel: string | null }) =>
      (f.segmentIds.length === 0 || (r.segment_id !== null && f.segmentIds.includes(r.segment_id))) &&
      (!f.channel || r.channel === f.channel) &&
      (!f.region || r.region === f.region);
    const scores = (kind: MetricKind) =>
      countScores(rows.filter((r) => r.metric_kind === kind && keep(r) && (!f.stageId || r.stage_id === f.stageId)).map((r) => r.score!));
    const money = await queryRows<{ amount: string; segment_id: number | null; region: string | null; channel: string | null }>(
      handle.db,
      sql`SELECT o.amount::text AS amount, c.segment_id, c.region, o.channel::text AS channel
        FROM orders o JOIN customers c ON c.id = o.customer_id
        WHERE o.workspace_id = ${fixture.workspace.id} AND o.ordered_at >= ${period.start.toISOString()}::timestamptz AND o.ordered_at < ${period.end.toISOString()}::timestamptz`,
    );
    const scope = (alias: string) =>
      sql.raw(
        [
          `${alias}.workspace_id = ${fixture.workspace.id}`,
          f.segmentIds.length ? `${alias}.segment_id IN (${f.segmentIds.join(", ")})` : "TRUE",
          f.region ? `${alias}.region = '${f.region}'` : "TRUE",
        ].join(" AND "),
      );
    const [churn] = await queryRows<{ active: number; churned: number }>(
      handle.db,
      sql`SELECT count(*) FILTER (WHERE created_at < ${period.start.toISOString()}::timestamptz
            AND (churned_at IS NULL OR churned_at >= ${period.start.toISOString()}::timestamptz))::int AS active,
          count(*) FILTER (WHERE created_at < ${period.start.toISOString()}::timestamptz
            AND churned_at >= ${period.start.toISOString()}::timestamptz AND churned_at < ${period.end.toISOString()}::timestamptz)::int AS churned
        FROM customers c WHERE ${scope("c")}`,
    );
    // revenue at risk: the trailing 12 months to the period's last day, customers whose latest NPS answer is 0–6
    const windowStart = new Date(`${trailingYear(period.to).from}T00:00:00Z`);
    const atRisk = await queryRows<{ amount: string }>(
      handle.db,
      sql`SELECT o.amount::text AS amount FROM orders o JOIN customers c ON c.id = o.customer_id
        JOIN (SELECT DISTINCT ON (customer_id) customer_id, score FROM feedback WHERE metric_kind = 'nps' AND customer_id IS NOT NULL
          ORDER BY customer_id, received_at DESC, id DESC) l ON l.customer_id = c.id AND l.score <= 6
        WHERE ${scope("c")} AND o.ordered_at >= ${windowStart.toISOString()}::timestamptz AND o.ordered_at < ${period.end.toISOString()}::timestamptz
          ${f.channel ? sql`AND o.channel = ${f.channel}` : sql``}`,
    );
    return {
      churn: computeChurnRate({ churned: churn!.churned, activeAtStart: churn!.active }).value,
      revenueAtRisk: sumMoney(atRisk.map((r) => r.amount)),
      nps: computeNps(npsBucketsFromScoreCounts(scores("nps"))).value,
      csat: computeCsat(csatCountsFromScoreCounts(scores("csat"))).value,
      ces: computeCes(cesTotalsFromScoreCounts(scores("ces"))).value,
      revenue: sumMoney(money.filter(keep).map((m) => m.amount)),
    };
  }

  beforeAll(async () => {
    handle = await createTestDb();
    const db = handle.db;
    fixture = await createRoleFixture(db);
    const ws = fixture.workspace.id;
    for (let i = 0; i < 3; i++) segmentIds.push((await createSegment(db, ws)).id);
    stageId = (await createStage(db, ws, { position: 0, name: "Delivery" })).id;
    const customerIds: number[] = [];
    for (let i = 0; i < 30; i++) {
      const createdAt = new Date(NOW.getTime() - rnd.int(100, 500) * 86_400_000);
      const churned = rnd.chance(0.3) ? new Date(NOW.getTime() - rnd.int(0, 90) * 86_400_000) : null;
      customerIds.push(
        (
          await createCustomer(db, ws, {
            segmentId: rnd.pick(segmentIds),
            region: rnd.pick(["North", "South"]),
            createdAt,
            churnedAt: churned && churned > createdAt ? churned : null,
          })
        ).id,
      );
    }
    const day = () => new Date(NOW.getTime() - rnd.int(0, 200) * 86_400_000 - rnd.int(0, 86_399) * 1000);
    await db.insert(feedback).values(
      Array.from({ length: 600 }, (_, i) => {
        const metricKind = rnd.pick(METRIC_KINDS);
        const range = metricKind === "none" ? null : SCORE_RANGES[metricKind];
        return {
          workspaceId: ws,
          source: "survey" as const,
          externalId: `D-${i}`,
          customerId: rnd.chance(0.1) ? null : rnd.pick(customerIds),
          stageId: rnd.chance(0.5) ? stageId : null,
          channel: rnd.pick(CHANNELS),
          metricKind,
          score: range ? rnd.int(range.min, range.max) : null,
          receivedAt: day(),
        };
      }),
    );
    await db.insert(orders).values(
      Array.from({ length: 400 }, () => {
        const refund = rnd.chance(0.1);
        const cents = rnd.int(1, 90_000);
        return {
          workspaceId: ws,
          customerId: rnd.pick(customerIds),
          kind: refund ? ("refund" as const) : ("purchase" as const),
          amount: `${refund ? "-" : ""}${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`,
          channel: rnd.pick(CHANNELS),
          orderedAt: day(),
        };
      }),
    );
    // a segment move after the fact: the rollups must follow the customer
    await db.update(customers).set({ segmentId: segmentIds[0] }).where(sql`${customers.id} % 4 = 0`);
  });
  afterAll(() => handle.close());

  const FILTERS: Array<[string, () => DashboardFiltersInput]> = [
    ["no filter, last 90 days", () => ({})],
    ["last 30 days vs last year", () => ({ period: { kind: "last30" }, comparison: "yoy" })],
    ["one segment", () => ({ segmentIds: [segmentIds[0]!] })],
    ["two segments, one channel", () => ({ segmentIds: [segmentIds[1]!, segmentIds[2]!], channel: "web" })],
    ["a region and a stage", () => ({ region: "North", stageId })],
    ["a custom range", () => ({ period: { kind: "custom", from: "2026-06-01", to: "2026-09-30" } })],
  ];

  it.each(FILTERS)("%s", async (_, makeInput) => {
    const input = makeInput();
    const caller = await callerFor(handle.db, fixture.users.executive, fixture.workspace.id);
    const tiles = await caller.dashboard.kpis(input);
    const filters = dashboardFiltersInput.parse(input);
    const period = tiles.period;
    const raw = await fromRaw(input, period);
    expectSameFigure(tiles.nps.figure.value, raw.nps);
    expectSameFigure(tiles.csat.figure.value, raw.csat);
    expectSameFigure(tiles.ces.figure.value, raw.ces);
    expect(tiles.revenue.value ?? "0.00").toBe(raw.revenue);
    expectSameFigure(tiles.churn.figure.value, raw.churn);
    if (Object.keys(input).length === 0) {
      // the churn sparkline, month by month, against the customers table
      for (const point of tiles.churn.sparkline) {
        const start = new Date(`${point.month}-01T00:00:00Z`);
        const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
        const [row] = await queryRows<{ active: number; churned: number }>(
          handle.db,
          sql`SELECT count(*) FILTER (WHERE created_at < ${start.toISOString()}::timestamptz
                AND (churned_at IS NULL OR churned_at >= ${start.toISOString()}::timestamptz))::int AS active,
              count(*) FILTER (WHERE created_at < ${start.toISOString()}::timestamptz
                AND churned_at >= ${start.toISOString()}::timestamptz AND churned_at < ${end.toISOString()}::timestamptz)::int AS churned
            FROM customers WHERE workspace_id = ${fixture.workspace.id}`,
        );
        expectSameFigure(point.value, computeChurnRate({ churned: row!.churned, activeAtStart: row!.active }).value);
      }
      expect(tiles.churn.sparkline.some((p) => (p.value ?? 0) > 0)).toBe(true);
      // the default view has every kind of figure, so none of the checks above is vacuous
      expect(raw.churn).toBeGreaterThan(0);
      expect(raw.revenueAtRisk).not.toBe("0.00");
      expect(raw.nps).not.toBeNull();
    }
    expect(tiles.revenueAtRisk.value ?? "0.00").toBe(raw.revenueAtRisk);
    // segments: the same figures per segment add up to the filtered whole
    const segments = await caller.dashboard.segments(input);
    expect(sumMoney(segments.segments.map((s) => s.revenue))).toBe(raw.revenue);
    expect(sumMoney(segments.segments.map((s) => s.revenueAtRisk))).toBe(raw.revenueAtRisk);
    // each segment's churn and headcount against the customers table
    const perSegment = await queryRows<{ segmentId: number | null; active: number; churned: number; customers: number }>(
      handle.db,
      sql`SELECT segment_id AS "segmentId",
          count(*) FILTER (WHERE created_at < ${period.start.toISOString()}::timestamptz
            AND (churned_at IS NULL OR churned_at >= ${period.start.toISOString()}::timestamptz))::int AS active,
          count(*) FILTER (WHERE created_at < ${period.start.toISOString()}::timestamptz
            AND churned_at >= ${period.start.toISOString()}::timestamptz AND churned_at < ${period.end.toISOString()}::timestamptz)::int AS churned,
          count(*) FILTER (WHERE created_at < ${period.end.toISOString()}::timestamptz
            AND (churned_at IS NULL OR churned_at >= ${period.end.toISOString()}::timestamptz))::int AS customers
        FROM customers
        WHERE workspace_id = ${fixture.workspace.id}
          ${filters.segmentIds.length ? sql`AND segment_id IN (${sql.join(filters.segmentIds.map((id) => sql`${id}`), sql`, `)})` : sql``}
          ${filters.region ? sql`AND region = ${filters.region}` : sql``}
        GROUP BY 1`,
    );
    for (const row of perSegment) {
      const summary = segments.segments.find((s) => s.segmentId === row.segmentId);
      expect(summary?.customers ?? 0).toBe(row.customers);
      expectSameFigure(summary?.churn.value ?? null, computeChurnRate({ churned: row.churned, activeAtStart: row.active }).value);
    }
    expect(perSegment.some((r) => r.churned > 0)).toBe(true);
    const npsResponses = segments.segments.reduce((n, s) => n + s.nps.sampleSize, 0);
    if (filters.stageId === undefined && filters.segmentIds.length > 0) expect(npsResponses).toBe(tiles.nps.figure.sampleSize);
    // the sparklines' months are the trends' months (12 ending with the period's month)
    expect(tiles.nps.sparkline).toHaveLength(12);
    expect(tiles.nps.sparkline.at(-1)!.month).toBe(period.to.slice(0, 7));
    if (filters.period.kind !== "custom") {
      const trends = await caller.dashboard.trends(input);
      const byMonth = new Map(trends.series[0]!.points.map((p) => [p.month, p]));
      for (const point of tiles.nps.sparkline) expectSameFigure(point.value, byMonth.get(point.month)?.nps.value ?? null);
      for (const point of tiles.revenue.sparkline) {
        const revenue = byMonth.get(point.month)?.revenue;
        if (point.value !== null) expect(point.value).toBeCloseTo(Number(revenue), 2);
      }
    }
    // every response of the period lands in exactly one heatmap cell
    const heatmap = await caller.dashboard.heatmap(input);
    expect(heatmap.cells.reduce((n, c) => n + c.nps.sampleSize, 0)).toBe(tiles.nps.figure.sampleSize);
    expect(heatmap.cells.reduce((n, c) => n + c.csat.sampleSize, 0)).toBe(tiles.csat.figure.sampleSize);
    const comparison = comparisonPeriod(period, filters.comparison);
    expect(tiles.comparison).toEqual(comparison);
    if (comparison) {
      const before = await fromRaw(input, comparison);
      expect(tiles.revenue.delta?.absolute).toBe(subtractMoney(raw.revenue, before.revenue));
      if (raw.nps !== null && before.nps !== null) expect(tiles.nps.delta?.absolute).toBeCloseTo(raw.nps - before.nps, 9);
    }
  });

  it("shows the target in force for the filters' scope, revenue pro rata", async () => {
    const db = handle.db;
    const year = NOW.getUTCFullYear();
    const ws = fixture.workspace.id;
    await db.insert(kpiTargets).values([
      { workspaceId: ws, kpi: "nps", scope: "all", targetValue: "-100", periodStart: `${year - 1}-01-01`, periodEnd: `${year + 1}-12-31`, reviewDate: `${year + 1}-06-30` },
      { workspaceId: ws, kpi: "revenue", scope: "all", targetValue: "365000.00", periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, reviewDate: `${year}-12-31` },
      { workspaceId: ws, kpi: "csat", scope: "segment", segmentId: segmentIds[1]!, targetValue: "101", periodStart: `${year - 1}-01-01`, periodEnd: `${year + 1}-12-31`, reviewDate: `${year + 1}-06-30` },
    ]);
    const caller = await callerFor(db, fixture.users.executive, ws);
    const all = await caller.dashboard.kpis({ period: { kind: "last30" } });
    expect(all.nps.target).toMatchObject({ value: -100, status: "met", scopeLabel: "all" });
    const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
    expect(all.revenue.target?.value).toBeCloseTo((365000 * 30) / days, 2);
    expect(all.csat.target).toBeNull();
    const segment = await caller.dashboard.kpis({ period: { kind: "last30" }, segmentIds: [segmentIds[1]!] });
    expect(segment.csat.target).toMatchObject({ value: 101, status: "behind" });
    // the all-scope target does not apply to one segment, nor to two segments at once
    expect(segment.nps.target).toBeNull();
    const two = await caller.dashboard.kpis({ segmentIds: [segmentIds[1]!, segmentIds[2]!] });
    expect(two.csat.target).toBeNull();
  });

  it("never counts another workspace's rows", async () => {
    const other = await createRoleFixture(handle.db, "Other");
    const caller = await callerFor(handle.db, other.users.admin, other.workspace.id);
    const tiles = await caller.dashboard.kpis({});
    expect(tiles.nps.figure).toMatchObject({ value: null, sampleSize: 0, lowSample: true });
    expect(tiles.revenue.value).toBeNull();
    expect(tiles.churn.figure.value).toBeNull();
    expect(tiles.revenueAtRisk.value).toBeNull();
    const segments = await caller.dashboard.segments({});
    expect(segments.segments).toEqual([]);
    const heatmap = await caller.dashboard.heatmap({});
    expect(heatmap.cells).toEqual([]);
    const trends = await caller.dashboard.trends({});
    expect(trends.series[0]!.points.every((p) => p.nps.value === null && p.revenue === "0.00")).toBe(true);
  });
});
