import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { migrateDatabase, openPglite, openPostgres, vacuumAnalyze, type DbHandle } from "../db/client";
import { parseCount } from "../db/seed/cli-args";
import { seedDemo } from "../db/seed/seed";
import { createThrowawayDatabase } from "../db/throwaway-db";

export interface BenchTarget {
  handle: DbHandle;
  /** The server database's URL (PGlite: the data folder is handle.location). */
  url?: string;
  /** Close the handle first; then this removes the folder or drops the database. */
  cleanup(): Promise<void>;
}

/** A throwaway database: PGlite in a temporary folder, or with `pgUrl` a fresh database there. */
export async function openBenchTarget(pgUrl: string | undefined, prefix: string): Promise<BenchTarget> {
  if (pgUrl) {
    const database = await createThrowawayDatabase(pgUrl, prefix);
    try {
      const handle = await openPostgres(database.url);
      return { handle, url: database.url, cleanup: () => database.drop() };
    } catch (err) {
      await database.drop();
      throw err;
    }
  }
  const dir = await mkdtemp(join(tmpdir(), `${prefix.replace(/_/g, "-")}`));
  const handle = await openPglite(join(dir, "pglite"));
  return { handle, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The q-quantile (0…1) of samples, nearest-rank. */
export function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

export interface CaseResult {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  /** ms at p95; null: reported only */
  budget: number | null;
  ok: boolean;
}

/** Time `run` `runs` times after `warmUps` untimed runs: p50 and p95 in ms against the budget. */
export async function timeCase(
  name: string,
  run: () => Promise<unknown>,
  runs: number,
  budget: number | null,
  warmUps = 3,
): Promise<CaseResult> {
  for (let i = 0; i < warmUps; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  const p95 = quantile(samples, 0.95);
  return {
    name,
    runs,
    p50: +quantile(samples, 0.5).toFixed(2),
    p95: +p95.toFixed(2),
    budget,
    ok: budget === null || p95 <= budget,
  };
}

/** Run a bench's `main` and exit with its code, or 1 with the error's message. */
export function runBench(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(`${name} failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}

export interface SeededBench {
  handle: DbHandle;
  runs: number;
  /** Close the handle, then remove the throwaway database (an --existing one is only closed). */
  close(): Promise<void>;
}

/**
 * The benches' shared command line — `[--feedback N] [--orders N] [--customers N] [--runs N]
 * [--pg URL]` or `--existing postgres://…` — opened, migrated, and (unless existing) seeded with
 * the demo generator and vacuum-analysed.
 */
export async function openSeededBench(
  prefix: string,
  defaults: { feedback: number; orders: number; customers: number; runs: number },
): Promise<SeededBench> {
  const { values } = parseArgs({
    strict: true,
    options: {
      feedback: { type: "string", default: String(defaults.feedback) },
      orders: { type: "string", default: String(defaults.orders) },
      customers: { type: "string", default: String(defaults.customers) },
      runs: { type: "string", default: String(defaults.runs) },
      pg: { type: "string" },
      existing: { type: "string" },
    },
  });
  const target = values.existing
    ? { handle: await openPostgres(values.existing), cleanup: async () => {} }
    : await openBenchTarget(values.pg, prefix);
  const { handle } = target;
  const close = async () => {
    await handle.close();
    await target.cleanup();
  };
  try {
    await migrateDatabase(handle);
    if (!values.existing) {
      await seedDemo(handle.db, {
        customers: parseCount("customers", values.customers),
        orders: parseCount("orders", values.orders),
        feedback: parseCount("feedback", values.feedback),
        onProgress: (m) => console.error(m),
      });
      await vacuumAnalyze(handle.db);
    }
  } catch (err) {
    await close();
    throw err;
  }
  return { handle, runs: parseCount("runs", values.runs) ?? defaults.runs, close };
}
