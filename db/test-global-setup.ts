import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase, openMemoryPglite, openPostgres } from "./client";
import { testEngine, testServerUrl } from "./test-engine";
import { createThrowawayDatabase } from "./throwaway-db";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite: a migrated data-folder dump that each test database is loaded from. */
    pgliteTemplatePath: string;
    /** PostgreSQL: a migrated database each test database is created from (CREATE DATABASE … TEMPLATE). */
    pgTemplateDatabase: string;
  }
}

/**
 * Migrate once per run, then clone: creating + migrating PGlite takes ~5 s, loading a dump < 1 s;
 * on the server a TEMPLATE copy is a file copy. Every test file still gets a fresh database.
 */
export default async function setup(project: TestProject) {
  if (testEngine() === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "touchpoint-test-"));
    const handle = await openMemoryPglite();
    await migrateDatabase(handle);
    const dump = await handle.client.dumpDataDir("none");
    await handle.close();
    const path = join(dir, "template.tar");
    writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
    project.provide("pgliteTemplatePath", path);
    project.provide("pgTemplateDatabase", "");
    return () => rmSync(dir, { recursive: true, force: true });
  }

  const template = await createThrowawayDatabase(testServerUrl(), "touchpoint_template_");
  const handle = await openPostgres(template.url, { max: 1 });
  await migrateDatabase(handle);
  await handle.close();
  project.provide("pgliteTemplatePath", "");
  project.provide("pgTemplateDatabase", template.name);
  return () => template.drop();
}
