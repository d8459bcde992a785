import { resolve } from "node:path";
import { readEnv } from "../server/env";
import { openPglite, openPostgres, type DbHandle } from "./client";

export type { Db, DbHandle, Engine } from "./client";

const GLOBAL_KEY = Symbol.for("touchpoint.db");
type GlobalWithDb = typeof globalThis & { [GLOBAL_KEY]?: Promise<DbHandle> };

/** Open the database the environment names: PostgreSQL when DATABASE_URL is set, else PGlite. */
export function openDatabaseFromEnv(): Promise<DbHandle> {
  const env = readEnv();
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL);
  return openPglite(resolve(/* turbopackIgnore: true */ process.cwd(), env.TOUCHPOINT_DATA_DIR));
}

/**
 * The process-wide database. Cached on globalThis so every bundle of the app (route handlers,
 * server components, instrumentation) shares one PGlite instance and one lock.
 */
export function getDatabase(): Promise<DbHandle> {
  const g = globalThis as GlobalWithDb;
  g[GLOBAL_KEY] ??= openDatabaseFromEnv().catch((err: unknown) => {
    delete g[GLOBAL_KEY];
    throw err;
  });
  return g[GLOBAL_KEY];
}

/**
 * Make `handle` the process-wide database that getDatabase() returns: the seam through which an
 * integration test or a bench runs the app's route handlers on a database of its own.
 */
export function provideDatabase(handle: DbHandle): void {
  (globalThis as GlobalWithDb)[GLOBAL_KEY] = Promise.resolve(handle);
}
