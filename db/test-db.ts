import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { openMemoryPglite, openPostgres, type DbHandle } from "./client";
import { testEngine, testServerUrl, withDatabase } from "./test-engine";

/**
 * A fresh, migrated database for one test file, on the engine TEST_ENGINE names. Real engines
 * only: PGlite in-process or a throwaway database on the PostgreSQL server. Close it in afterAll.
 */
export async function createTestDb(): Promise<DbHandle> {
  if (testEngine() === "pglite") {
    const dump = readFileSync(inject("pgliteTemplatePath"));
    return openMemoryPglite(new Blob([dump]));
  }
  const server = testServerUrl();
  const name = `touchpoint_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("pgTemplateDatabase")}`);
  } finally {
    await admin.end();
  }
  const handle = await openPostgres(withDatabase(server, name), { max: 4 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: server });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
