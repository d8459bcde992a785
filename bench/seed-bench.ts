import { parseArgs } from "node:util";
import { migrateDatabase } from "../db/client";
import { parseCount, parseScale } from "../db/seed/cli-args";
import { formatSeedSummary } from "../db/seed/format-summary";
import { seedDemo } from "../db/seed/seed";
import { openBenchTarget, runBench } from "./target";

const USAGE = `Usage: npm run bench:seed -- [--scale X] [--customers N] [--orders N] [--feedback N]
                           [--batch-size N] [--seed N] [--pg postgres://…]

Seeds a throwaway database and reports the time and rows/s: PGlite in a temporary folder by
default; with --pg, a fresh database on that server, dropped afterwards.`;

async function main(): Promise<number> {
  // a closed pipe (`| head`) must not kill the process before the throwaway database is removed
  process.stdout.on("error", () => undefined);
  let values;
  try {
    ({ values } = parseArgs({
      strict: true,
      options: {
        scale: { type: "string" },
        customers: { type: "string" },
        orders: { type: "string" },
        feedback: { type: "string" },
        "batch-size": { type: "string" },
        seed: { type: "string" },
        pg: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (err) {
    console.error(`bench:seed: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  let options;
  try {
    options = {
      scale: parseScale(values.scale),
      customers: parseCount("customers", values.customers),
      orders: parseCount("orders", values.orders),
      feedback: parseCount("feedback", values.feedback),
      batchSize: parseCount("batch-size", values["batch-size"], { min: 1 }),
      seed: values.seed === undefined ? undefined : Number(values.seed),
    };
  } catch (err) {
    console.error(`bench:seed: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }

  const target = await openBenchTarget(values.pg, "touchpoint_seed_bench_");
  const { handle } = target;
  try {
    const migrateStart = performance.now();
    await migrateDatabase(handle);
    const migrateMs = Math.round(performance.now() - migrateStart);
    const summary = await seedDemo(handle.db, { ...options, onProgress: (m) => console.error(m) });
    const seconds = summary.elapsedMs / 1000;
    const result = {
      engine: handle.engine,
      location: handle.location,
      migrateMs,
      elapsedMs: summary.elapsedMs,
      totalRows: summary.totalRows,
      rowsPerSecond: summary.rowsPerSecond,
      feedbackPerSecond: Math.round(summary.counts.feedback / seconds),
      ordersPerSecond: Math.round(summary.counts.orders / seconds),
      phases: summary.phases,
      counts: summary.counts,
      memoryMb: Math.round(process.memoryUsage().rss / 1e6),
    };
    console.log(JSON.stringify(result));
    console.log(`\n${handle.engine} (${handle.location}), migrations ${migrateMs} ms\n${formatSeedSummary(summary)}`);
    return 0;
  } finally {
    await handle.close();
    await target.cleanup();
  }
}

runBench("bench:seed", main);
