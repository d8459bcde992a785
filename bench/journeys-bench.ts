// `npm run bench:journeys -- [--feedback N] [--orders N] [--customers N] [--runs N] [--pg URL]`
//   or `… -- --existing postgres://…/db [--runs N]` to time an already seeded database.
// Times the journey page for one filter set as its reader sees it: the map (stages and touchpoints
// with figures, trend and friction themes), the moments of truth and the funnel, each alone and
// the three together (the page loads them at once); p50/p95 against the budget.
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { migrateDatabase, openPostgres, queryRows, vacuumAnalyze } from "../db/client";
import { parseCount } from "../db/seed/cli-args";
import { seedDemo } from "../db/seed/seed";
import { dashboardFiltersInput, type DashboardFiltersInput } from "../server/domain/dashboard/filters";
import { getJourneyFunnel, getMomentsOfTruth } from "../server/services/journey-insights";
import { getJourneyMap } from "../server/services/journey-map";
import { openBenchTarget, runBench, timeCase } from "./target";

/** p95 budget in ms for one filter set: PostgreSQL at 10M feedback rows (the issue's); PGlite reported only. */
const BUDGET = { postgres: 150, pglite: null } as const;

async function main(): Promise<number> {
  const { values } = parseArgs({
    strict: true,
    options: {
      feedback: { type: "string", default: "1000000" },
      orders: { type: "string", default: "1000000" },
      customers: { type: "string", default: "50000" },
      runs: { type: "string", default: "20" },
      pg: { type: "string" },
      existing: { type: "string" },
    },
  });
  const runs = parseCount("runs", values.runs) ?? 20;
  const target = values.existing
    ? { handle: await openPostgres(values.existing), cleanup: async () => {} }
    : await openBenchTarget(values.pg, "touchpoint_journeys_bench_");
  const { handle } = target;
  const db = handle.db;
  try {
    await migrateDatabase(handle);
    if (!values.existing) {
      await seedDemo(db, {
        customers: parseCount("customers", values.customers),
        orders: parseCount("orders", values.orders),
        feedback: parseCount("feedback", values.feedback),
        onProgress: (m) => console.error(m),
      });
      await vacuumAnalyze(db);
    }
    const [size] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM feedback`);
    // the largest workspace, and its first segment
    const [ws] = await queryRows<{ id: number; segment: number | null }>(
      db,
      sql`SELECT w.id, (SELECT min(id) FROM segments s WHERE s.workspace_id = w.id) AS segment FROM workspaces w
        ORDER BY (SELECT count(*) FROM customers c WHERE c.workspace_id = w.id) DESC LIMIT 1`,
    );
    if (!ws) throw new Error("No workspace in the database: seed it first.");
    const sets: [string, DashboardFiltersInput][] = [
      ["last 90 days", {}],
      ["one segment, last 90 days", { segmentIds: ws.segment ? [ws.segment] : [] }],
      ["channel web, last 365 days", { channel: "web", period: { kind: "last365" } }],
    ];
    const cases = sets.flatMap(([label, input]) => {
      const filters = dashboardFiltersInput.parse(input);
      const map = () => getJourneyMap(db, ws.id, filters);
      const moments = () => getMomentsOfTruth(db, ws.id, filters);
      const funnel = () => getJourneyFunnel(db, ws.id, filters);
      return [
        { name: `map, ${label}`, run: map },
        { name: `moments of truth, ${label}`, run: moments },
        { name: `funnel, ${label}`, run: funnel },
        { name: `page (all three at once), ${label}`, run: () => Promise.all([map(), moments(), funnel()]) },
      ];
    });
    const results = [];
    for (const c of cases) results.push(await timeCase(c.name, c.run, runs, BUDGET[handle.engine], 2));
    console.log(JSON.stringify({ engine: handle.engine, feedback: size?.n ?? 0, results }));
    console.log(`\n${handle.engine}: ${size?.n ?? 0} feedback items; workspace ${ws.id}`);
    console.table(results);
    return results.every((r) => r.ok) ? 0 : 1;
  } finally {
    await handle.close();
    await target.cleanup();
  }
}

runBench("bench:journeys", main);
