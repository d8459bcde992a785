import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { openMemoryPglite, openPostgres, type DbHandle } from "./client";
import { testEngine, testServerUrl } from "./test-engine";
import { createThrowawayDatabase } from "./throwaway-db";

/**
 * A fresh, migrated database for one test file, on the engine TEST_ENGINE names. Real engines
 * only: PGlite in-process or a throwaway database on the PostgreSQL server. Close it in afterAll.
 */
export async function createTestDb(): Promise<DbHandle> {
  if (testEngine() === "pglite") {
    const dump = readFileSync(inject("pgliteTemplatePath"));
    return openMemoryPglite(new Blob([dump]));
  }
  const database = await createThrowawayDatabase(testServerUrl(), "touchpoint_test_", inject("pgTemplateDatabase"));
  try {
    const handle = await openPostgres(database.url, { max: 4 });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        await database.drop();
      },
    };
  } catch (err) {
    await database.drop();
    throw err;
  }
}
