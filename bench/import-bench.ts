// `npm run bench:import -- [--rows N] [--pg URL | --existing URL] [--keep-file]`
// The CSV import budget: N feedback rows with comments (default 100,000; the budget is
// stated for 1,000,000) imported end to end by `npm run import` itself, in a process of its own —
// validation report, then the import (parse, validate, text analysis and screening, write,
// rollups) in one transaction — against ≤ 120 s per million rows on a PostgreSQL server and
// ≤ 300 s on PGlite, with that process' peak RSS ≤ 500 MB. The same rows are then written by a raw
// COPY into the same table (rolled back), the physical limit the rows/s are compared with. Last,
// the import is undone (reported, no budget): every row it added goes and the rollups follow.
// Target: PGlite in a temporary folder by default; --pg URL a throwaway database on that server;
// --existing URL (or DATABASE_URL) that database, into a new workspace of its own.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { migrateDatabase, openPglite, openPostgres, queryRows, type DbHandle } from "../db/client";
import { createWorkspace } from "../db/factories";
import { themes } from "../db/schema";
import { parseCount } from "../db/seed/cli-args";
import { undoImport } from "../server/services/imports-undo";
import { runImportCli } from "./import-bench-cli";
import { copyBaseline } from "./import-bench-copy";
import { BENCH_MAPPING, writeBenchFiles } from "./import-bench-file";
import { openBenchTarget, runBench } from "./target";

const SECONDS_PER_MILLION = { postgres: 120, pglite: 300 } as const;
const PEAK_RSS_MB = 500;
const MB = 1024 * 1024;

async function openTarget(values: { pg?: string; existing?: string }) {
  const existing = values.existing ?? process.env.DATABASE_URL;
  if (existing && !values.pg) {
    return { handle: await openPostgres(existing), url: existing, cleanup: async () => {} };
  }
  return openBenchTarget(values.pg, "touchpoint_import_bench_");
}

/** What the import left in the workspace: rows, analysed rows, rollup responses, dirty marks. */
async function checkImported(handle: DbHandle, workspaceId: number) {
  const [row] = await queryRows<{ rows: number; analysed: number; rollup: number; dirty: number }>(
    handle.db,
    sql`SELECT (SELECT count(*) FROM feedback WHERE workspace_id = ${workspaceId})::int AS rows,
      (SELECT count(*) FROM feedback WHERE workspace_id = ${workspaceId} AND analysed_at IS NOT NULL)::int AS analysed,
      (SELECT coalesce(sum(responses), 0) FROM feedback_rollup
        WHERE workspace_id = ${workspaceId} AND dims = 4 AND grain = 'month')::int AS rollup,
      (SELECT count(*) FROM rollup_dirty WHERE workspace_id = ${workspaceId})::int AS dirty`,
  );
  return row!;
}

async function main(): Promise<number> {
  process.stdout.on("error", () => undefined);
  const { values } = parseArgs({
    strict: true,
    options: {
      rows: { type: "string", default: "100000" },
      pg: { type: "string" },
      existing: { type: "string" },
      "keep-file": { type: "boolean", default: false },
    },
  });
  const rows = parseCount("rows", values.rows, { min: 1 }) ?? 100_000;
  const dir = await mkdtemp(join(tmpdir(), "touchpoint-import-bench-"));
  const target = await openTarget(values);
  let handle: DbHandle | null = target.handle;
  const { engine, location } = handle;
  try {
    await migrateDatabase(handle);
    // named by the run: an --existing database keeps the workspaces of earlier runs
    const run = `${Date.now().toString(36)}-${process.pid}`;
    const workspace = await createWorkspace(handle.db, { name: `Import bench ${run}`, slug: `import-bench-${run}` });
    const copyWorkspace = await createWorkspace(handle.db, {
      name: `Import bench ${run} (COPY baseline)`,
      slug: `import-bench-copy-${run}`,
    });
    const csvPath = join(dir, "feedback.csv");
    const copyPath = join(dir, "feedback.copy");
    const mappingPath = join(dir, "mapping.json");
    const started = performance.now();
    const files = await writeBenchFiles(rows, csvPath, copyPath, copyWorkspace.id);
    await handle.db.insert(themes).values(files.themes.map((t) => ({ workspaceId: workspace.id, ...t })));
    const { entity: _entity, ...mapping } = BENCH_MAPPING;
    await writeFile(mappingPath, JSON.stringify(mapping));
    console.error(
      `Generated ${files.rows} rows (${(files.csvBytes / MB).toFixed(1)} MB of CSV, ${files.distinctComments} distinct comments) in ${((performance.now() - started) / 1000).toFixed(1)} s; importing on ${engine} at ${location}…`,
    );

    // the import runs in a process of its own, as a user runs it; PGlite allows one process per folder
    await handle.close();
    handle = null;
    const cli = await runImportCli({
      args: ["--workspace", workspace.slug, "--entity", "feedback", "--file", csvPath, "--mapping", mappingPath],
      env: engine === "postgres" ? { DATABASE_URL: target.url } : { DATABASE_URL: "", TOUCHPOINT_DATA_DIR: location },
    });
    handle = engine === "postgres" ? await openPostgres(target.url!) : await openPglite(location);
    const check = await checkImported(handle, workspace.id);
    const copy = await copyBaseline(handle, copyPath);

    // Undo, as Settings → Import's history offers it: every row the import added goes, in one
    // transaction, and the rollups count them out again
    const [done] = await queryRows<{ id: number }>(
      handle.db,
      sql`SELECT max(id)::int AS id FROM imports WHERE workspace_id = ${workspace.id} AND status = 'done'`,
    );
    const undoStarted = performance.now();
    const undo = await undoImport(handle.db, { workspaceId: workspace.id, userId: null }, done!.id);
    const undoSeconds = (performance.now() - undoStarted) / 1000;
    const afterUndo = await checkImported(handle, workspace.id);

    const budgetSeconds = (SECONDS_PER_MILLION[engine] * files.rows) / 1_000_000;
    const checks = {
      time: cli.seconds <= budgetSeconds,
      memory: cli.peakRssBytes !== null && cli.peakRssBytes <= PEAK_RSS_MB * MB,
      rows: cli.inserted === files.rows && check.rows === files.rows,
      analysed: check.analysed === files.rows,
      rollups: check.rollup === files.rows && check.dirty === 0,
      undone: undo.deleted >= files.rows && afterUndo.rows === 0 && afterUndo.rollup === 0,
    };
    const ok = Object.values(checks).every(Boolean);
    const rate = (n: number, s: number) => Math.round(n / Math.max(s, 0.001));
    const result = {
      engine,
      rows: files.rows,
      csvMB: +(files.csvBytes / MB).toFixed(1),
      distinctComments: files.distinctComments,
      totalSeconds: +cli.seconds.toFixed(1),
      validateSeconds: +cli.validateSeconds.toFixed(1),
      importSeconds: +cli.importSeconds.toFixed(1),
      rowsPerSecond: rate(files.rows, cli.seconds),
      budgetSeconds,
      peakRssMB: cli.peakRssBytes === null ? null : Math.round(cli.peakRssBytes / MB),
      budgetRssMB: PEAK_RSS_MB,
      copySeconds: +copy.seconds.toFixed(1),
      copyRowsPerSecond: rate(copy.rows, copy.seconds),
      shareOfCopy: +(copy.seconds / cli.seconds).toFixed(3),
      undoSeconds: +undoSeconds.toFixed(1),
      undoDeleted: undo.deleted,
      inserted: cli.inserted,
      analysed: check.analysed,
      rollupResponses: check.rollup,
      checks,
      ok,
    };
    console.log(JSON.stringify(result, null, 2));
    const mark = (pass: boolean) => (pass ? "PASS" : "FAIL");
    console.log(
      [
        `CSV import of ${files.rows} feedback rows on ${engine} (npm run import, its own process):`,
        `  end to end      ${result.totalSeconds} s (validation report ${result.validateSeconds} s, import ${result.importSeconds} s), ${result.rowsPerSecond} rows/s — budget ${budgetSeconds} s  ${mark(checks.time)}`,
        `  peak RSS        ${result.peakRssMB ?? "not measured (needs /proc)"} MB — budget ${PEAK_RSS_MB} MB  ${mark(checks.memory)}`,
        `  raw COPY        ${result.copySeconds} s, ${result.copyRowsPerSecond} rows/s: the import runs at ${(100 * result.shareOfCopy).toFixed(1)} % of it`,
        `  stored          ${check.rows} rows, ${check.analysed} analysed, ${check.rollup} counted in the rollups  ${mark(checks.rows && checks.analysed && checks.rollups)}`,
        `  undo            ${result.undoSeconds} s: ${undo.deleted} rows deleted (feedback and created customers), ${afterUndo.rows} left, ${afterUndo.rollup} in the rollups  ${mark(checks.undone)}`,
      ].join("\n"),
    );
    return ok ? 0 : 1;
  } finally {
    await handle?.close();
    await target.cleanup();
    if (values["keep-file"]) console.error(`Files kept in ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  }
}

runBench("bench:import", main);
