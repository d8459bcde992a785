// `npm run bench:journeys -- [--feedback N] [--orders N] [--customers N] [--runs N] [--pg URL]`
//   or `… -- --existing postgres://…/db [--runs N]` to time an already seeded database.
// Times the journey page for one filter set as its reader sees it: the map (stages and touchpoints
// with figures, trend and friction themes), the moments of truth and the funnel, each alone and
// the three together (the page loads them at once); p50/p95 against the budget.
import { sql } from "drizzle-orm";
import { queryRows } from "../db/client";
import { dashboardFiltersInput, type DashboardFiltersInput } from "../server/domain/dashboard/filters";
import { getJourneyFunnel, getMomentsOfTruth } from "../server/services/journey-insights";
import { getJourneyMap } from "../server/services/journey-map";
import { openSeededBench, runBench, timeCase } from "./target";

/** p95 budget in ms for one filter set: PostgreSQL at 10M feedback rows (the issue's); PGlite reported only. */
const BUDGET = { postgres: 150, pglite: null } as const;

async function main(): Promise<number> {
  const bench = await openSeededBench("touchpoint_journeys_bench_", {
    feedback: 1_000_000,
    orders: 1_000_000,
    customers: 50_000,
    runs: 20,
  });
  const { handle, runs } = bench;
  const db = handle.db;
  try {
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
    await bench.close();
  }
}

runBench("bench:journeys", main);
