import { createReadStream, existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { eq, or } from "drizzle-orm";
import { parseCsvText } from "../server/domain/ingest/csv-stream";
import { IMPORT_ENCODINGS, type ImportEncoding } from "../server/domain/ingest/encoding";
import { columnMappingInput, suggestColumns, type ImportEntity } from "../server/domain/ingest/mapping";
import { runImport, validateImport } from "../server/services/imports";
import { errorReportCsv } from "../server/services/imports-read";
import { runDatabaseCli, UsageError } from "./cli-run";
import { workspaces } from "./schema";

const USAGE = `Usage: npm run import -- --workspace <slug|id> --entity feedback|customers|orders --file path.csv
       [--mapping mapping.json] [--encoding utf-8|windows-1252] [--skip-invalid]
Without --mapping, columns are suggested from the header; the suggestion is printed when it is not enough.`;

const ENTITIES: Record<string, ImportEntity> = {
  feedback: "feedback",
  customer: "customer",
  customers: "customer",
  order: "order",
  orders: "order",
};

function readOptions() {
  const { values } = parseArgs({
    options: {
      workspace: { type: "string" },
      entity: { type: "string" },
      file: { type: "string" },
      mapping: { type: "string" },
      encoding: { type: "string" },
      "skip-invalid": { type: "boolean", default: false },
    },
  });
  const entity = ENTITIES[values.entity ?? ""];
  if (!values.workspace || !entity || !values.file) throw new UsageError(USAGE);
  if (!existsSync(values.file)) throw new UsageError(`There is no file ${values.file}.`);
  if (values.encoding && !(IMPORT_ENCODINGS as readonly string[]).includes(values.encoding)) {
    throw new UsageError(`--encoding is one of ${IMPORT_ENCODINGS.join(", ")}.`);
  }
  return {
    workspace: values.workspace,
    entity,
    file: values.file,
    mapping: values.mapping,
    encoding: values.encoding as ImportEncoding | undefined,
    skipInvalid: values["skip-invalid"] ?? false,
  };
}

/** The mapping file, or one suggested from the header (read from the first 64 KB only). */
async function loadMapping(options: ReturnType<typeof readOptions>): Promise<unknown> {
  if (options.mapping) return { entity: options.entity, ...JSON.parse(await readFile(options.mapping, "utf8")) };
  const stream = createReadStream(options.file, { start: 0, end: 65_535 });
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const header = parseCsvText(Buffer.concat(chunks).toString("utf8"))[0]?.fields ?? [];
  const mapping = { entity: options.entity, columns: suggestColumns(header, options.entity) };
  const parsed = columnMappingInput.safeParse(mapping);
  if (!parsed.success) {
    throw new UsageError(
      `The suggested mapping is not enough: ${parsed.error.issues.map((i) => i.message).join(" ")}\n` +
        `Save this as mapping.json, complete it (constants, timeZone, dateFormat…) and pass --mapping:\n` +
        JSON.stringify({ columns: mapping.columns, constants: {} }, null, 2),
    );
  }
  return mapping;
}

await runDatabaseCli(async (open) => {
  const options = readOptions();
  const mapping = await loadMapping(options);
  const handle = await open();
  const id = /^\d+$/.test(options.workspace) ? Number(options.workspace) : -1;
  const [workspace] = await handle.db
    .select({ id: workspaces.id, name: workspaces.name })
    .from(workspaces)
    .where(or(eq(workspaces.slug, options.workspace), eq(workspaces.id, id)));
  if (!workspace) throw new UsageError(`There is no workspace "${options.workspace}" (give its slug or id).`);
  const actor = { workspaceId: workspace.id, userId: null };
  const file = { fileName: basename(options.file), encoding: options.encoding, mapping };

  console.log(`Validating ${options.file} for ${workspace.name} (${handle.engine} at ${handle.location})…`);
  const report = await validateImport(handle.db, actor, { ...file, bytes: createReadStream(options.file) });
  if (report.warning) console.warn(report.warning);
  console.log(`Rows read ${report.rowsRead}, valid ${report.rowsValid}, invalid ${report.rowsInvalid}.`);
  if (report.errors.length > 0) {
    process.stdout.write(errorReportCsv(report.errors));
    if (report.errorCount > report.errors.length) console.log(`… ${report.errorCount - report.errors.length} more.`);
    if (!options.skipInvalid) {
      console.error("Nothing imported. Fix the file, or pass --skip-invalid to import the valid rows.");
      return 1;
    }
  }
  const started = performance.now();
  let lastPrint = 0;
  const run = await runImport(
    handle.db,
    actor,
    { importId: report.importId, bytes: createReadStream(options.file) },
    {
      skipInvalid: options.skipInvalid,
      afterBatch: ({ rowsRead }) => {
        const now = performance.now();
        if (now - lastPrint < 1000) return;
        lastPrint = now;
        const rate = Math.round(rowsRead / ((now - started) / 1000));
        const share = report.rowsRead > 0 ? Math.round((100 * rowsRead) / report.rowsRead) : 100;
        console.log(`  ${rowsRead} / ${report.rowsRead} rows (${share} %), ${rate} rows/s`);
      },
    },
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Import ${run.importId} done in ${seconds.toFixed(1)} s (${Math.round(run.rowsRead / Math.max(seconds, 0.001))} rows/s): ` +
      `${run.inserted} inserted, ${run.updated} updated, ${run.unchanged} unchanged, ${run.skipped} skipped.`,
  );
  return 0;
});
