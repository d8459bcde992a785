// `npm run bench:overview -- [--feedback N] [--orders N] [--customers N] [--runs N] [--pg URL]`
// Seeds a throwaway database, then times the Overview's query (overview.counts' service) and the
// per-request membership lookup, reporting p50/p95 against their budgets as JSON and a table.
import { parseArgs } from "node:util";
import { migrateDatabase, vacuumAnalyze } from "../db/client";
import { parseCount } from "../db/seed/cli-args";
import { seedDemo } from "../db/seed/seed";
import { dashboardFiltersInput } from "../server/domain/dashboard/filters";
import { getKpiTiles } from "../server/services/dashboard";
import { getOverviewCounts } from "../server/services/overview";
import { resolveMembership } from "../server/services/memberships";
import { openBenchTarget, quantile } from "./target";

/** p95 budgets in ms, per engine. The Overview must feel instant at a million rows. */
const BUDGETS = {
  "overview.counts": { postgres: 50, pglite: 400 },
  // issue budget for the whole executive payload at 1M + 1M; the tiles are its first part
  "dashboard.kpis (last 90 days vs previous)": { postgres: 50, pglite: 400 },
  "dashboard.kpis (one segment, last 365 days)": { postgres: 50, pglite: 400 },
  "membership lookup": { postgres: 5, pglite: 20 },
} as const;

async function main(): Promise<number> {
  const { values } = parseArgs({
    strict: true,
    options: {
      customers: { type: "string" },
      orders: { type: "string" },
      feedback: { type: "string" },
      runs: { type: "string", default: "30" },
      pg: { type: "string" },
    },
  });
  const runs = parseCount("runs", values.runs, { min: 1 }) ?? 30;
  const target = await openBenchTarget(values.pg, "touchpoint_overview_bench_");
  const { handle } = target;
  try {
    await migrateDatabase(handle);
    const seeded = await seedDemo(handle.db, {
      customers: parseCount("customers", values.customers),
      orders: parseCount("orders", values.orders),
      feedback: parseCount("feedback", values.feedback),
      onProgress: (m) => console.error(m),
    });
    const vacuumStart = performance.now();
    await vacuumAnalyze(handle.db);
    console.error(`vacuum analyze: ${Math.round(performance.now() - vacuumStart)} ms`);
    const [membership] = await handle.db.query.memberships.findMany({ limit: 1 });
    if (!membership) throw new Error("the seed created no membership");
    const workspace = { id: membership.workspaceId, currency: "USD" };
    const [segment] = await handle.db.query.segments.findMany({
      where: (t, { eq }) => eq(t.workspaceId, membership.workspaceId),
      limit: 1,
    });
    const segmentId = segment?.id ?? 0;
    const cases: Record<keyof typeof BUDGETS, () => Promise<unknown>> = {
      "overview.counts": () => getOverviewCounts(handle.db, workspace, new Date(seeded.now)),
      "dashboard.kpis (last 90 days vs previous)": () =>
        getKpiTiles(handle.db, workspace.id, dashboardFiltersInput.parse({}), new Date(seeded.now)),
      "dashboard.kpis (one segment, last 365 days)": () =>
        getKpiTiles(
          handle.db,
          workspace.id,
          dashboardFiltersInput.parse({ period: { kind: "last365" }, segmentIds: [segmentId] }),
          new Date(seeded.now),
        ),
      "membership lookup": () => resolveMembership(handle.db, membership.userId, membership.workspaceId),
    };
    const results = [];
    for (const [name, run] of Object.entries(cases) as [keyof typeof BUDGETS, () => Promise<unknown>][]) {
      for (let i = 0; i < 3; i++) await run(); // warm caches and plans
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await run();
        samples.push(performance.now() - started);
      }
      const budget = BUDGETS[name][handle.engine];
      const p95 = quantile(samples, 0.95);
      results.push({ name, runs, p50: +quantile(samples, 0.5).toFixed(2), p95: +p95.toFixed(2), budget, ok: p95 <= budget });
    }
    const report = { engine: handle.engine, rows: seeded.counts, results };
    console.log(JSON.stringify(report));
    console.log(`\n${handle.engine}: ${seeded.counts.feedback} feedback, ${seeded.counts.orders} orders, ${seeded.counts.customers} customers`);
    console.table(results);
    return results.every((r) => r.ok) ? 0 : 1;
  } finally {
    await handle.close();
    await target.cleanup();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`bench:overview failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
