import { randomBytes } from "node:crypto";
import pg from "pg";

export interface ThrowawayDatabase {
  name: string;
  url: string;
  /** Drop the database (closing connections left open to it). */
  drop(): Promise<void>;
}

const SAFE_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Create a database `<prefix><random>` on the server of `serverUrl` — empty, or a copy of
 * `template` — for tests and benchmarks that must not touch real data. The caller closes its
 * own connections, then calls drop().
 */
export async function createThrowawayDatabase(
  serverUrl: string,
  prefix = "touchpoint_tmp_",
  template?: string,
): Promise<ThrowawayDatabase> {
  if (!SAFE_NAME.test(prefix)) throw new Error(`Unsafe database name prefix: ${prefix}`);
  if (template !== undefined && !SAFE_NAME.test(template)) throw new Error(`Unsafe template name: ${template}`);
  const name = `${prefix}${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
