import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { queryRows } from "@/db/client";
import { createCustomer, createSegment, createStage } from "@/db/factories";
import { Rng } from "@/db/seed/random";
import { feedback, orders } from "@/db/schema";
import { comparisonPeriod, resolvePeriod, type ResolvedPeriod } from "../../domain/dashboard/periods";
import { trailingYear } from "../../domain/dashboard/rollup-spans";
import { CHANNELS, METRIC_KINDS, type Channel } from "../../domain/enums";
import {
  averageRevenuePerCustomer,
  cesTotalsFromScoreCounts,
  computeCategoryValue,
  computeCes,
  computeChurnRate,
  computeCsat,
  computeNps,
  computeRevenueAtRisk,
  countScores,
  csatCountsFromScoreCounts,
  npsBucketsFromScoreCounts,
  npsCategory,
  sumMoney,
  type NpsCategory,
} from "../../domain/kpi";
import { SCORE_RANGES } from "../../domain/scores";
import type { SegmentFigures, SegmentFilters } from "../../domain/segments";

const DAY = 86_400_000;
export const REGIONS = ["North", "South"] as const;

/**
 * Three segments, a journey stage and generated customers (some without a segment, some churned),
 * orders (refunds included) and scored feedback (some anonymous) over the last three years.
 */
export async function seedSegmentData(db: Db, workspaceId: number, seed: number, now = new Date()) {
  const rnd = new Rng(seed);
  const segmentIds: number[] = [];
  for (const name of ["Enterprise", "SMB", "Consumer"])
    segmentIds.push((await createSegment(db, workspaceId, { name })).id);
  const stageId = (await createStage(db, workspaceId, { name: "Delivery" })).id;
  const customerIds: number[] = [];
  const created: Date[] = [];
  for (let i = 0; i < 80; i++) {
    const createdAt = new Date(now.getTime() - rnd.int(20, 1100) * DAY);
    const churnedAt = rnd.chance(0.35) ? new Date(now.getTime() - rnd.int(1, 700) * DAY) : null;
    const customer = await createCustomer(db, workspaceId, {
      externalId: `GEN-${seed}-${i}`,
      name: `Person ${i}`,
      email: `person${i}@example.test`,
      segmentId: rnd.chance(0.1) ? null : rnd.pick(segmentIds),
      region: rnd.pick(REGIONS),
      preferredChannel: rnd.pick(CHANNELS),
      createdAt,
      churnedAt: churnedAt && churnedAt > createdAt ? churnedAt : null,
    });
    customerIds.push(customer.id);
    created.push(createdAt);
  }
  const after = (i: number) => new Date(created[i]!.getTime() + rnd.int(0, now.getTime() - created[i]!.getTime() - 1));
  await db.insert(feedback).values(
    Array.from({ length: 900 }, (_, n) => {
      const metricKind = rnd.pick(METRIC_KINDS);
      const range = metricKind === "none" ? null : SCORE_RANGES[metricKind];
      const i = rnd.int(0, customerIds.length - 1);
      const anonymous = rnd.chance(0.08);
      return {
        workspaceId,
        source: "survey" as const,
        externalId: `GF-${seed}-${n}`,
        customerId: anonymous ? null : customerIds[i]!,
        stageId: rnd.chance(0.5) ? stageId : null,
        channel: rnd.pick(CHANNELS),
        metricKind,
        score: range ? rnd.int(range.min, range.max) : null,
        text: `Comment ${n} from customer ${i}`,
        receivedAt: after(i),
      };
    }),
  );
  await db.insert(orders).values(
    Array.from({ length: 700 }, () => {
      const i = rnd.int(0, customerIds.length - 1);
      const refund = rnd.chance(0.1);
      const cents = rnd.int(1, 90_000);
      return {
        workspaceId,
        customerId: customerIds[i]!,
        kind: refund ? ("refund" as const) : ("purchase" as const),
        amount: `${refund ? "-" : ""}${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`,
        channel: rnd.pick(CHANNELS),
        orderedAt: after(i),
      };
    }),
  );
  return { segmentIds, stageId, customerIds };
}

interface RawCustomer {
  id: number;
  segmentId: number | null;
  region: string | null;
  createdAt: number;
  churnedAt: number | null;
  category: NpsCategory | null;
}

/**
 * Segment figures the slow way: every raw customer, feedback and order row of the workspace,
 * tallied in JavaScript and put through the KPI engine, as segments.list defines them.
 */
export async function rawSegmentFigures(db: Db, workspaceId: number, filters: SegmentFilters, now = new Date()) {
  const people = await queryRows<{
    id: number;
    segmentId: number | null;
    region: string | null;
    createdAt: number;
    churnedAt: number | null;
    latest: number | null;
  }>(
    db,
    sql`SELECT c.id, c.segment_id AS "segmentId", c.region, (extract(epoch FROM c.created_at) * 1000)::float8 AS "createdAt", (extract(epoch FROM c.churned_at) * 1000)::float8 AS "churnedAt",
        (SELECT f.score::int FROM feedback f WHERE f.customer_id = c.id AND f.metric_kind = 'nps'
          ORDER BY f.received_at DESC, f.id DESC LIMIT 1) AS latest
      FROM customers c WHERE c.workspace_id = ${workspaceId}`,
  );
  const customers = new Map<number, RawCustomer>(
    people.map((p) => [
      p.id,
      {
        id: p.id,
        segmentId: p.segmentId,
        region: p.region,
        createdAt: p.createdAt,
        churnedAt: p.churnedAt,
        category: p.latest === null ? null : npsCategory(p.latest),
      },
    ]),
  );
  const items = await queryRows<{
    customerId: number;
    kind: string;
    score: number;
    channel: Channel | null;
    stageId: number | null;
    at: number;
  }>(
    db,
    sql`SELECT customer_id AS "customerId", metric_kind::text AS kind, score::int AS score, channel::text AS channel,
        stage_id AS "stageId", (extract(epoch FROM received_at) * 1000)::float8 AS at
      FROM feedback WHERE workspace_id = ${workspaceId} AND customer_id IS NOT NULL AND metric_kind IN ('nps', 'csat', 'ces')`,
  );
  const sales = await queryRows<{ customerId: number; amount: string; channel: Channel | null; at: number }>(
    db,
    sql`SELECT customer_id AS "customerId", amount::text AS amount, channel::text AS channel, (extract(epoch FROM ordered_at) * 1000)::float8 AS at
      FROM orders WHERE workspace_id = ${workspaceId}`,
  );

  const period = resolvePeriod(filters.period, now);
  const comparison = comparisonPeriod(period, filters.comparison);
  const inScope = (c: RawCustomer | undefined, segmentId: number): c is RawCustomer =>
    c !== undefined && c.segmentId === segmentId && (!filters.region || c.region === filters.region);
  const channelOk = (channel: Channel | null) => !filters.channel || channel === filters.channel;
  const between = (at: number, start: number, end: number) => at >= start && at < end;
  const activeDuring = (c: RawCustomer, start: number, end: number) =>
    c.createdAt < end && (c.churnedAt === null || c.churnedAt >= start);
  const churnOf = (list: RawCustomer[], start: number, end: number) => {
    const base = list.filter((c) => c.createdAt < start && (c.churnedAt === null || c.churnedAt >= start));
    return {
      activeAtStart: base.length,
      churned: base.filter((c) => c.churnedAt !== null && c.churnedAt < end).length,
    };
  };

  const figures = (segmentId: number, p: ResolvedPeriod): SegmentFigures => {
    const [start, end] = [p.start.getTime(), p.end.getTime()];
    const window = trailingYear(p.to);
    const [windowStart, windowEnd] = [
      Date.parse(`${window.from}T00:00:00Z`),
      Date.parse(`${window.to}T00:00:00Z`) + DAY,
    ];
    const own = [...customers.values()].filter((c) => inScope(c, segmentId));
    const scores = (kind: string) =>
      countScores(
        items
          .filter((f) => f.kind === kind && inScope(customers.get(f.customerId), segmentId) && channelOk(f.channel))
          .filter((f) => (!filters.stageId || f.stageId === filters.stageId) && between(f.at, start, end))
          .map((f) => f.score),
      );
    const ownSales = sales.filter((o) => inScope(customers.get(o.customerId), segmentId) && channelOk(o.channel));
    const inPeriod = ownSales.filter((o) => between(o.at, start, end));
    const revenue = sumMoney(inPeriod.map((o) => o.amount));
    const active = own.filter((c) => activeDuring(c, start, end)).length;
    const ofCategory = (category: NpsCategory) => own.filter((c) => c.category === category);
    const windowRevenue = (category: NpsCategory) =>
      sumMoney(
        ownSales
          .filter((o) => customers.get(o.customerId)!.category === category && between(o.at, windowStart, windowEnd))
          .map((o) => o.amount),
      );
    const categoryInput = (category: NpsCategory) => ({
      customers: ofCategory(category).filter((c) => activeDuring(c, windowStart, windowEnd)).length,
      revenue: windowRevenue(category),
    });
    const value = computeCategoryValue({
      promoter: categoryInput("promoter"),
      passive: categoryInput("passive"),
      detractor: categoryInput("detractor"),
    });
    const risk = computeRevenueAtRisk({
      detractorRevenue: windowRevenue("detractor"),
      detractorChurn: churnOf(ofCategory("detractor"), windowStart, windowEnd),
      promoterChurn: churnOf(ofCategory("promoter"), windowStart, windowEnd),
    });
    const churn = churnOf(own, start, end);
    return {
      customers: own.filter((c) => c.createdAt < end && (c.churnedAt === null || c.churnedAt >= end)).length,
      activeCustomers: active,
      revenue,
      orders: inPeriod.length,
      arpc: averageRevenuePerCustomer(revenue, active),
      churn: { ...computeChurnRate(churn), ...churn },
      nps: computeNps(npsBucketsFromScoreCounts(scores("nps"))),
      csat: computeCsat(csatCountsFromScoreCounts(scores("csat"))),
      ces: computeCes(cesTotalsFromScoreCounts(scores("ces"))),
      value: { ...value.meanRevenue, promoterMinusDetractor: value.promoterMinusDetractor },
      revenueAtRisk: {
        value: risk.revenueAtRisk,
        detractors: categoryInput("detractor").customers,
        churnWeighted: risk.churnWeighted,
        churnGapPoints: risk.churnGapPoints,
      },
    };
  };
  return (segmentId: number) => ({
    current: figures(segmentId, period),
    previous: comparison ? figures(segmentId, comparison) : null,
  });
}

/**
 * Every rollup row that counts something (incremental upkeep leaves zero rows behind; a rebuild
 * does not), as sorted JSON: equal before and after `rollups_rebuild()` when the triggers kept the
 * cubes exact.
 */
export async function rollupSnapshot(db: Db): Promise<string[]> {
  const rows = await queryRows<{ row: string }>(
    db,
    sql`SELECT 'f' || to_jsonb(r)::text AS row FROM feedback_rollup r WHERE responses <> 0 OR sentiment_count <> 0
      UNION ALL SELECT 'o' || to_jsonb(r)::text FROM orders_rollup r WHERE revenue <> 0 OR purchases <> 0 OR refunds <> 0
      UNION ALL SELECT 'c' || to_jsonb(r)::text FROM customer_rollup r WHERE customers <> 0
      UNION ALL SELECT 's' || to_jsonb(r)::text FROM customer_state r
      ORDER BY 1`,
  );
  return rows.map((r) => r.row);
}
