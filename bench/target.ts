import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openPglite, openPostgres, type DbHandle } from "../db/client";
import { createThrowawayDatabase } from "../db/throwaway-db";

export interface BenchTarget {
  handle: DbHandle;
  /** Close the handle first; then this removes the folder or drops the database. */
  cleanup(): Promise<void>;
}

/** A throwaway database: PGlite in a temporary folder, or with `pgUrl` a fresh database there. */
export async function openBenchTarget(pgUrl: string | undefined, prefix: string): Promise<BenchTarget> {
  if (pgUrl) {
    const database = await createThrowawayDatabase(pgUrl, prefix);
    try {
      const handle = await openPostgres(database.url);
      return { handle, cleanup: () => database.drop() };
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
