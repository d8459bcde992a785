import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { sql, type SQL } from "drizzle-orm";
import { join } from "node:path";
import pg from "pg";
import * as schema from "./schema";
import { acquireDataDirLock } from "./lock";

/** One Drizzle type for both drivers. `execute()` rows are untyped: cast aggregates in SQL. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Engine = "pglite" | "postgres";

export interface DbHandle {
  db: Db;
  engine: Engine;
  /** Human-readable location: the data folder or the server's host/database. */
  location: string;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = join(/* turbopackIgnore: true */ process.cwd(), "db", "migrations");

export class DatabaseUnreachableError extends Error {
  constructor(where: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `DATABASE_URL is set but the PostgreSQL server at ${where} is unreachable (${reason}). ` +
        `Start the server or fix DATABASE_URL; unset it to use the embedded database instead.`,
    );
    this.name = "DatabaseUnreachableError";
  }
}

/**
 * The embedded database's buffer cache lives in this process' memory. PostgreSQL's default of
 * 128MB put a 1M-row import at 593 MB peak RSS; 32MB keeps it under the 500 MB budget
 * (bench:import), and reads past the cache still hit the OS page cache of the data folder.
 * `TOUCHPOINT_PGLITE_SHARED_BUFFERS` (a PostgreSQL size: "64MB") overrides it.
 */
export const PGLITE_SHARED_BUFFERS = "32MB";

function pgliteStartParams(): string[] {
  const size = process.env.TOUCHPOINT_PGLITE_SHARED_BUFFERS?.trim() || PGLITE_SHARED_BUFFERS;
  if (!/^\d+(kB|MB|GB)$/.test(size)) {
    throw new Error(`TOUCHPOINT_PGLITE_SHARED_BUFFERS must be a size such as 32MB or 256MB, not "${size}".`);
  }
  return [...PGlite.defaultStartParams, "-c", `shared_buffers=${size}`];
}

/** Open the embedded database in `dataDir` (created if missing), holding its lock until close. */
export async function openPglite(dataDir: string, options: { loadDataDir?: Blob } = {}): Promise<DbHandle> {
  const release = acquireDataDirLock(dataDir);
  try {
    const client = new PGlite(dataDir, { loadDataDir: options.loadDataDir, startParams: pgliteStartParams() });
    await client.waitReady;
    return {
      db: drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Db,
      engine: "pglite",
      location: dataDir,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** Open an in-memory PGlite (tests); no lock is needed. */
export async function openMemoryPglite(loadDataDir?: Blob): Promise<DbHandle & { client: PGlite }> {
  const client = new PGlite({ loadDataDir });
  await client.waitReady;
  return {
    client,
    db: drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Db,
    engine: "pglite",
    location: "memory://",
    close: () => client.close(),
  };
}

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

/** Connect to a PostgreSQL server; fails fast with a clear message when it is unreachable. */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<DbHandle> {
  const where = describeUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 5000 });
  // an idle client's network error must not crash the process
  pool.on("error", (err) => console.error("[db] idle PostgreSQL client error:", err.message));
  try {
    await pool.query("SELECT 1");
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnreachableError(where, err);
  }
  return {
    db: drizzlePg(pool, { schema, casing: "snake_case" }) as unknown as Db,
    engine: "postgres",
    location: where,
    close: () => pool.end(),
  };
}

/** Apply the committed drizzle-kit migrations (idempotent). */
export async function migrateDatabase(handle: DbHandle, folder = MIGRATIONS_FOLDER): Promise<void> {
  const config = { migrationsFolder: folder };
  if (handle.engine === "pglite") {
    await migratePglite(handle.db as never, config);
  } else {
    await migratePg(handle.db as never, config);
  }
}

/**
 * Rows of a raw SQL query on either driver (both return `{ rows }`). The row type is the
 * caller's promise: cast columns in SQL (`::int`, `::text`) so both engines agree on it.
 */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * After a bulk load: refresh planner statistics and the visibility map, so period counts and
 * revenue sums run as index-only scans at once instead of after autovacuum gets round to it.
 * Must run outside a transaction.
 */
export async function vacuumAnalyze(db: Db): Promise<void> {
  await db.execute(
    sql`VACUUM (ANALYZE) customers, orders, feedback, feedback_themes, feedback_rollup, orders_rollup, customer_state`,
  );
}
