import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";

/**
 * Empty every table of the public schema and restart their identities. TRUNCATE fires no row
 * triggers, so the append-only audit_events trigger does not block it; the migrations journal
 * lives in the "drizzle" schema and is kept. Returns the emptied tables.
 */
export async function resetDatabase(db: Db): Promise<string[]> {
  const rows = await queryRows<{ tablename: string }>(
    db,
    sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const tables = rows.map((r) => r.tablename);
  if (tables.length === 0) return [];
  const list = tables.map((t) => `"public"."${t.replaceAll('"', '""')}"`).join(", ");
  await db.execute(sql.raw(`TRUNCATE ${list} RESTART IDENTITY CASCADE`));
  return tables;
}
