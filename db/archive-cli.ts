import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { parseArgs } from "node:util";
import { eq, or } from "drizzle-orm";
import { archiveTargetInput } from "../server/domain/export/archive-input";
import { writeWorkspaceArchive } from "../server/services/archive-export";
import { importWorkspaceArchive } from "../server/services/archive-import";
import type { DbHandle } from "./client";
import { runDatabaseCli, UsageError } from "./cli-run";
import { workspaces } from "./schema";

const USAGE = `Usage: npm run archive -- export --workspace <slug|id> --out file.tar.gz
       npm run archive -- import --file file.tar.gz --workspace <slug> [--name "Workspace name"]
export writes the whole workspace (a manifest and JSON lines per table, gzip-compressed tar).
import creates the workspace <slug> from the archive, or fills it if it exists and holds no data yet.
On the embedded database, stop the app first.`;

function readOptions() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      workspace: { type: "string" },
      out: { type: "string" },
      file: { type: "string" },
      name: { type: "string" },
    },
  });
  const [command] = positionals;
  if (!values.workspace || (command === "export" && !values.out) || (command === "import" && !values.file)) {
    throw new UsageError(USAGE);
  }
  if (command !== "export" && command !== "import") throw new UsageError(USAGE);
  if (command === "import" && !existsSync(values.file!)) throw new UsageError(`There is no file ${values.file}.`);
  return { command, workspace: values.workspace, out: values.out, file: values.file, name: values.name };
}

async function findWorkspace(handle: DbHandle, key: string) {
  const id = /^\d+$/.test(key) ? Number(key) : -1;
  const [workspace] = await handle.db
    .select({ id: workspaces.id, slug: workspaces.slug, name: workspaces.name })
    .from(workspaces)
    .where(or(eq(workspaces.slug, key), eq(workspaces.id, id)));
  return workspace;
}

async function exportArchive(handle: DbHandle, options: ReturnType<typeof readOptions>): Promise<void> {
  const workspace = await findWorkspace(handle, options.workspace);
  if (!workspace) throw new UsageError(`There is no workspace "${options.workspace}" (give its slug or id).`);
  // written beside the target and renamed at the end: a failed export leaves no half file behind
  const partial = `${options.out}.partial`;
  const started = performance.now();
  console.log(`Exporting ${workspace.name} (${handle.engine} at ${handle.location}) to ${options.out}…`);
  try {
    const manifest = await writeWorkspaceArchive(
      handle.db,
      { workspaceId: workspace.id, actorId: null },
      createWriteStream(partial),
    );
    await rename(partial, options.out!);
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(
      `Done in ${((performance.now() - started) / 1000).toFixed(1)} s: ${rows} rows of ${manifest.tables.length} tables, ` +
        `schema ${manifest.schemaVersion}.`,
    );
    for (const table of manifest.tables) if (table.rows > 0) console.log(`  ${table.name}: ${table.rows}`);
    console.log(`Not in the archive: ${manifest.excluded.map((entry) => entry.table).join(", ")}.`);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

async function importArchive(handle: DbHandle, options: ReturnType<typeof readOptions>): Promise<void> {
  const existing = await findWorkspace(handle, options.workspace);
  const target = archiveTargetInput.safeParse(
    existing
      ? { kind: "existing", workspaceId: existing.id }
      : { kind: "new", slug: options.workspace, ...(options.name ? { name: options.name } : {}) },
  );
  if (!target.success) throw new UsageError(target.error.issues[0]!.message);
  const started = performance.now();
  let lastPrint = 0;
  console.log(
    `Importing ${options.file} into ${existing ? `the existing workspace ${existing.name}` : `a new workspace ${options.workspace}`}…`,
  );
  const report = await importWorkspaceArchive(handle.db, createReadStream(options.file!), target.data, {
    actorId: null,
    onProgress: ({ table, rowsDone, rowsTotal }) => {
      const now = performance.now();
      if (now - lastPrint < 1000 && rowsDone < rowsTotal) return;
      lastPrint = now;
      console.log(`  ${table}: ${rowsDone} / ${rowsTotal}`);
    },
  });
  const rows = Object.values(report.rows).reduce((sum, n) => sum + n, 0);
  console.log(
    `Imported ${rows} rows into ${report.workspace.name} (${report.workspace.slug}, id ${report.workspace.id}) in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s, from an export of ${report.exportedAt} at schema ${report.schemaVersion}.`,
  );
  if (report.createdUsers > 0) {
    console.log(
      `${report.createdUsers} users were new here: they have no password yet and cannot sign in until they get one.`,
    );
  }
}

await runDatabaseCli(async (open) => {
  const options = readOptions();
  const handle = await open();
  if (options.command === "export") await exportArchive(handle, options);
  else await importArchive(handle, options);
  return 0;
});
