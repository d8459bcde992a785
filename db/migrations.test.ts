import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, queryRows, type DbHandle } from "./client";
import { createTestDb } from "./test-db";
import { testEngine } from "./test-engine";

// createTestDb() clones a database the committed migrations were applied to in global setup.
describe(`migrations (${testEngine()})`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(() => handle.close());

  it("create every table of the schema", async () => {
    const rows = await queryRows<{ name: string }>(
      handle.db,
      sql`SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    const names = rows.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "workspaces",
        "users",
        "memberships",
        "teams",
        "team_members",
        "segments",
        "customers",
        "orders",
        "journey_stages",
        "touchpoints",
        "feedback",
        "themes",
        "feedback_themes",
        "kpi_targets",
        "actions",
        "action_status_changes",
        "action_feedback",
        "sla_policies",
        "audit_events",
      ]),
    );
  });

  it("are recorded, and applying them again changes nothing", async () => {
    const count = async () =>
      (await queryRows<{ n: number }>(handle.db, sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`))[0];
    const before = await count();
    expect(before?.n).toBeGreaterThanOrEqual(2);
    await migrateDatabase(handle);
    expect(await count()).toEqual(before);
  });

  it("index every foreign key (its own column leads an index; workspace_id is implied)", async () => {
    const result = await queryRows<{ tbl: string; col: string }>(
      handle.db,
      sql`
      SELECT c.conrelid::regclass::text AS tbl, a.attname::text AS col
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[array_length(c.conkey, 1)]
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
        AND NOT EXISTS (
          SELECT 1 FROM pg_index i
          WHERE i.indrelid = c.conrelid
            AND ((i.indkey::int2[])[0] = c.conkey[array_length(c.conkey, 1)]
              OR (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] @> c.conkey)
        )
      ORDER BY 1, 2`,
    );
    // created_by / changed_by style audit columns (who last changed a row, who wrote a comment, who
    // reviewed a flag) are only followed from the row, never searched
    const unindexed = result
      .map((r) => `${r.tbl}.${r.col}`)
      .filter((name) => !/\.(created_by|changed_by|updated_by|author_id|actor_id|reviewed_by)$/.test(name));
    expect(unindexed).toEqual([]);
  });
});
