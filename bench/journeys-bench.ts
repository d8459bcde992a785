// `npm run bench:journeys -- [--feedback N] [--orders N] [--customers N] [--runs N] [--pg URL]`
//   or `… -- --existing postgres://…/db [--runs N]` to time an already seeded database.
// Times the journey page for one filter set as its reader sees it: the map (stages and touchpoints
// with figures, trend and friction themes), the moments of truth and the funnel, each alone and
// the three together (the page loads them at once); p50/p95 against the budget.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../db/client";
import { dashboardFiltersInput, type DashboardFiltersInput } from "../server/domain/dashboard/filters";
import { getJourneyFunnel, getMomentsOfTruth } from "../server/services/journey-insights";
import { getJourneyMap } from "../server/services/journey-map";
import { openSeededBench, quantile, runBench, timeCase } from "./target";

/**
 * p95 budget in ms of the journey map for one filter set: PostgreSQL at 10M feedback rows (the
 * issue's); PGlite reported only. Moments of truth and the funnel are per-customer figures read from
 * the period's raw rows: reported, not budgeted.
 */
const BUDGET = { postgres: 150, pglite: null } as const;

/** New items per refresh case: an ingest batch landing between two reads of the map. */
const INGEST_BATCH = 1_000;

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
        { name: `map, ${label}`, run: map, budget: BUDGET[handle.engine] },
        { name: `moments of truth, ${label}`, run: moments, budget: null },
        { name: `funnel, ${label}`, run: funnel, budget: null },
        {
          name: `page (all three at once), ${label}`,
          run: () => Promise.all([map(), moments(), funnel()]),
          budget: null,
        },
      ];
    });
    const results = [];
    for (const c of cases) results.push(await timeCase(c.name, c.run, runs, c.budget, 2));
    results.push(await mapAfterIngest(db, ws.id, Math.min(runs, 10), BUDGET[handle.engine]));
    console.log(JSON.stringify({ engine: handle.engine, feedback: size?.n ?? 0, results }));
    console.log(`\n${handle.engine}: ${size?.n ?? 0} feedback items; workspace ${ws.id}`);
    console.table(results);
    return results.every((r) => r.ok) ? 0 : 1;
  } finally {
    await bench.close();
  }
}

/**
 * The map read right after an ingest batch of today's staged feedback: it pays the refresh of the
 * dirty day (journey_rollups_refresh). Only the read is timed; the batch is deleted afterwards.
 */
async function mapAfterIngest(db: Db, workspaceId: number, runs: number, budget: number | null) {
  const filters = dashboardFiltersInput.parse({});
  const [place] = await queryRows<{ stageId: number; touchpointId: number }>(
    db,
    sql`SELECT stage_id AS "stageId", id AS "touchpointId" FROM touchpoints
      WHERE workspace_id = ${workspaceId} AND archived_at IS NULL ORDER BY id LIMIT 1`,
  );
  if (!place) throw new Error(`Workspace ${workspaceId} has no touchpoint.`);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await db.execute(
      sql`INSERT INTO feedback (workspace_id, source, external_id, stage_id, touchpoint_id, metric_kind, score, received_at)
        SELECT ${workspaceId}, 'survey', 'journey-bench-' || ${i} || '-' || g, ${place.stageId}, ${place.touchpointId},
          'csat', 1 + g % 5, now() - (g || ' seconds')::interval
        FROM generate_series(1, ${INGEST_BATCH}) AS g`,
    );
    const started = performance.now();
    await getJourneyMap(db, workspaceId, filters);
    samples.push(performance.now() - started);
  }
  await db.execute(
    sql`DELETE FROM feedback WHERE workspace_id = ${workspaceId} AND external_id LIKE 'journey-bench-%'`,
  );
  await getJourneyMap(db, workspaceId, filters);
  const p95 = quantile(samples, 0.95);
  return {
    name: `map after each ingest of ${INGEST_BATCH} items (refreshes today), last 90 days`,
    runs,
    p50: +quantile(samples, 0.5).toFixed(2),
    p95: +p95.toFixed(2),
    budget,
    ok: budget === null || p95 <= budget,
  };
}

runBench("bench:journeys", main);
