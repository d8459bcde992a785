// `npm run bench:segments -- [--feedback N] [--orders N] [--customers N] [--runs N] [--pg URL]`
//   or `… -- --existing postgres://…/db [--runs N]` to time an already seeded (and analysed) database.
// Times segments.compare's service — two segments side by side with their figures for the period
// and the comparison period, and the NPS/CSAT significance tests — for one filter set (and a
// narrower one), as a manager opens the comparison; p50/p95 against the budget.
// The default seeds a small throwaway PGlite database: a smoke run, not the budget's 10M rows.
import { sql } from "drizzle-orm";
import { queryRows } from "../db/client";
import { segmentFiltersInput } from "../server/domain/segments";
import { compareSegments } from "../server/services/segments";
import { openSeededBench, runBench, timeCase } from "./target";

/** p95 budget in ms for one filter set: PostgreSQL at 10M feedback rows (the issue's); PGlite reported only. */
const BUDGET = { postgres: 150, pglite: null } as const;

async function main(): Promise<number> {
  const bench = await openSeededBench("touchpoint_segments_bench_", {
    feedback: 20_000,
    orders: 20_000,
    customers: 2_000,
    runs: 20,
  });
  const { handle, runs } = bench;
  const db = handle.db;
  try {
    const [size] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM feedback`);
    // the largest workspace and its two largest segments
    const [ws] = await queryRows<{ id: number }>(
      db,
      sql`SELECT w.id FROM workspaces w
        ORDER BY (SELECT count(*) FROM customers c WHERE c.workspace_id = w.id) DESC LIMIT 1`,
    );
    if (!ws) throw new Error("No workspace in the database: seed it first.");
    const segments = await queryRows<{ id: number }>(
      db,
      sql`SELECT s.id FROM segments s WHERE s.workspace_id = ${ws.id}
        ORDER BY (SELECT count(*) FROM customers c WHERE c.workspace_id = s.workspace_id AND c.segment_id = s.id) DESC, s.id
        LIMIT 2`,
    );
    if (segments.length < 2) throw new Error(`Workspace ${ws.id} has fewer than two segments to compare.`);
    const [region] = await queryRows<{ region: string }>(
      db,
      sql`SELECT region FROM customers WHERE workspace_id = ${ws.id} AND region IS NOT NULL LIMIT 1`,
    );
    const [a, b] = [segments[0]!.id, segments[1]!.id];
    const sets: [string, object][] = [
      ["last 90 days vs previous", { period: { kind: "last90" } }],
      [
        "last 365 days vs a year before, one region and channel",
        {
          period: { kind: "last365" },
          comparison: "yoy",
          channel: "web",
          ...(region ? { region: region.region } : {}),
        },
      ],
    ];
    const results = [];
    for (const [label, input] of sets) {
      const filters = segmentFiltersInput.parse(input);
      const run = () => compareSegments(db, ws.id, { ...filters, a, b });
      results.push(await timeCase(`segments.compare, ${label}`, run, runs, BUDGET[handle.engine], 2));
    }
    console.log(JSON.stringify({ engine: handle.engine, feedback: size?.n ?? 0, results }));
    console.log(`\n${handle.engine}: ${size?.n ?? 0} feedback items; workspace ${ws.id}, segments ${a} and ${b}`);
    console.table(results);
    return results.every((r) => r.ok) ? 0 : 1;
  } finally {
    await bench.close();
  }
}

runBench("bench:segments", main);
