// `npm run bench:overview -- [--feedback N] [--orders N] [--customers N] [--runs N] [--pg URL]`
//   or `… -- --existing postgres://…/db [--runs N]` to time an already seeded database (kept as is:
//   seeding 10M rows takes a while, and repeated runs should not pay for it).
// Seeds a throwaway database, then times the Overview's query (overview.counts' service), each
// executive dashboard procedure, the whole dashboard payload (the overview strip and the four procedures a page load
// runs, concurrently) and the per-request membership lookup, reporting p50/p95 against their
// budgets as JSON and a table, with the engine and the data size.
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { migrateDatabase, openPostgres, queryRows, vacuumAnalyze, type Db } from "../db/client";
import { parseCount } from "../db/seed/cli-args";
import { seedDemo } from "../db/seed/seed";
import { dashboardFiltersInput } from "../server/domain/dashboard/filters";
import { getHeatmap, getKpiTiles, getSegments, getTrends } from "../server/services/dashboard";
import { getOverviewCounts } from "../server/services/overview";
import { resolveMembership } from "../server/services/memberships";
import { openBenchTarget, runBench, timeCase } from "./target";

/**
 * p95 budgets in ms, per engine. The whole dashboard payload: PostgreSQL 50 ms at 1M + 1M rows
 * (150 ms at 10M + 10M), PGlite 400 ms at 1M + 1M; each procedure is held to the same budget.
 */
const BUDGETS = {
  "overview.counts": { postgres: 50, pglite: 400 },
  "dashboard.kpis": { postgres: 50, pglite: 400 },
  "dashboard.segments": { postgres: 50, pglite: 400 },
  "dashboard.trends (by segment)": { postgres: 50, pglite: 400 },
  "dashboard.heatmap": { postgres: 50, pglite: 400 },
  "dashboard payload (last 90 days vs previous)": { postgres: 50, pglite: 400 },
  "dashboard payload (one segment, last 365 days, yoy)": {
    postgres: 50,
    pglite: 400,
  },
  "dashboard payload (channel + region, quarter)": {
    postgres: 50,
    pglite: 400,
  },
  "membership lookup": { postgres: 5, pglite: 20 },
} as const;
/** From this many feedback rows on, PostgreSQL's dashboard budget is the 10M one. */
const LARGE = 5_000_000;

async function tableCounts(db: Db): Promise<{ feedback: number; orders: number; customers: number }> {
  const [row] = await queryRows<{
    feedback: number;
    orders: number;
    customers: number;
  }>(
    db,
    sql`SELECT (SELECT count(*) FROM feedback)::int AS feedback, (SELECT count(*) FROM orders)::int AS orders,
      (SELECT count(*) FROM customers)::int AS customers`,
  );
  return row!;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    strict: true,
    options: {
      customers: { type: "string" },
      orders: { type: "string" },
      feedback: { type: "string" },
      runs: { type: "string", default: "30" },
      pg: { type: "string" },
      existing: { type: "string" },
    },
  });
  const runs = parseCount("runs", values.runs, { min: 1 }) ?? 30;
  const target = values.existing
    ? { handle: await openPostgres(values.existing), cleanup: async () => {} }
    : await openBenchTarget(values.pg, "touchpoint_overview_bench_");
  const { handle } = target;
  try {
    await migrateDatabase(handle);
    const seeded = values.existing
      ? { now: Date.now(), counts: await tableCounts(handle.db) }
      : await seedDemo(handle.db, {
          customers: parseCount("customers", values.customers),
          orders: parseCount("orders", values.orders),
          feedback: parseCount("feedback", values.feedback),
          onProgress: (m) => console.error(m),
        });
    if (!values.existing) {
      const vacuumStart = performance.now();
      await vacuumAnalyze(handle.db);
      console.error(`vacuum analyze: ${Math.round(performance.now() - vacuumStart)} ms`);
    }
    const [membership] = await handle.db.query.memberships.findMany({
      limit: 1,
    });
    if (!membership) throw new Error("the seed created no membership");
    const workspace = { id: membership.workspaceId, currency: "USD" };
    const [segment] = await handle.db.query.segments.findMany({
      where: (t, { eq }) => eq(t.workspaceId, membership.workspaceId),
      limit: 1,
    });
    const segmentId = segment?.id ?? 0;
    const [customer] = await handle.db.query.customers.findMany({
      where: (t, { and, eq, isNotNull }) => and(eq(t.workspaceId, membership.workspaceId), isNotNull(t.region)),
      limit: 1,
    });
    const region = customer?.region;
    const now = new Date(seeded.now);
    const filters = (input: object) => dashboardFiltersInput.parse(input);
    const payload = (input: object) => {
      const f = filters(input);
      return Promise.all([
        // the overview strip above the filters is part of the page
        getOverviewCounts(handle.db, workspace, now),
        getKpiTiles(handle.db, workspace.id, f, now),
        getSegments(handle.db, workspace.id, f, now),
        getTrends(handle.db, workspace.id, f, false, now),
        getHeatmap(handle.db, workspace.id, f, now),
      ]);
    };
    const year = now.getUTCFullYear();
    const quarter = Math.ceil((now.getUTCMonth() + 1) / 3);
    const cases: Record<keyof typeof BUDGETS, () => Promise<unknown>> = {
      "overview.counts": () => getOverviewCounts(handle.db, workspace, now),
      "dashboard.kpis": () => getKpiTiles(handle.db, workspace.id, filters({}), now),
      "dashboard.segments": () => getSegments(handle.db, workspace.id, filters({}), now),
      "dashboard.trends (by segment)": () => getTrends(handle.db, workspace.id, filters({}), true, now),
      "dashboard.heatmap": () => getHeatmap(handle.db, workspace.id, filters({}), now),
      "dashboard payload (last 90 days vs previous)": () => payload({}),
      "dashboard payload (one segment, last 365 days, yoy)": () =>
        payload({
          period: { kind: "last365" },
          comparison: "yoy",
          segmentIds: [segmentId],
        }),
      "dashboard payload (channel + region, quarter)": () =>
        payload({
          period: { kind: "quarter", year, quarter },
          channel: "web",
          region: region ?? "none",
        }),
      "membership lookup": () => resolveMembership(handle.db, membership.userId, membership.workspaceId),
    };
    const results = [];
    for (const [name, run] of Object.entries(cases) as [keyof typeof BUDGETS, () => Promise<unknown>][]) {
      const large = handle.engine === "postgres" && seeded.counts.feedback >= LARGE && name !== "membership lookup";
      results.push(await timeCase(name, run, runs, large ? 150 : BUDGETS[name][handle.engine]));
    }
    const report = { engine: handle.engine, rows: seeded.counts, results };
    console.log(JSON.stringify(report));
    console.log(
      `\n${handle.engine}: ${seeded.counts.feedback} feedback, ${seeded.counts.orders} orders, ${seeded.counts.customers} customers`,
    );
    console.table(results);
    return results.every((r) => r.ok) ? 0 : 1;
  } finally {
    await handle.close();
    await target.cleanup();
  }
}

runBench("bench:overview", main);
