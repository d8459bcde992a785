import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { imports } from "@/db/schema";
import type { ImportEncoding } from "../domain/ingest/encoding";
import { columnMappingInput, type ColumnMapping } from "../domain/ingest/mapping";
import type { RowError } from "../domain/ingest/validate-row";
import { AppError, notFound } from "../errors";
import { lockWorkspaceIngest, queueWorkspaceWrite } from "./ingest-http";
import { errorReportCsv, openImportStream, type ImportBytes } from "./imports-read";
import {
  defaultBatchSize,
  openImportWriter,
  recordKey,
  WritePipeline,
  type BatchResult,
  type BatchRow,
} from "./imports-write";

/** Who runs an import: a signed-in user, or nobody in particular (the CLI). */
export interface ImportActor {
  workspaceId: number;
  userId: number | null;
}

export interface ImportFile {
  fileName: string;
  bytes: ImportBytes;
  encoding?: ImportEncoding;
  /** A column mapping (columnMappingInput), parsed here. */
  mapping: unknown;
}

export const MAX_REPORTED_ERRORS = 100;

export interface ValidationReport {
  importId: number;
  encoding: ImportEncoding;
  warning: string | null;
  header: string[];
  rowsRead: number;
  rowsValid: number;
  rowsInvalid: number;
  /** The first MAX_REPORTED_ERRORS errors, in file order. */
  errors: RowError[];
  errorCount: number;
}

function parseMapping(mapping: unknown): ColumnMapping {
  const parsed = columnMappingInput.safeParse(mapping);
  if (!parsed.success) {
    throw new AppError("INVALID_INPUT", parsed.error.issues.map((issue) => issue.message).join(" "));
  }
  return parsed.data;
}

async function createImport(db: Db, actor: ImportActor, file: ImportFile, mapping: ColumnMapping) {
  const [row] = await db
    .insert(imports)
    .values({
      workspaceId: actor.workspaceId,
      entity: mapping.entity,
      fileName: file.fileName,
      encoding: file.encoding ?? "utf-8",
      mapping,
      status: "validating",
      createdBy: actor.userId,
    })
    .returning({ id: imports.id });
  return row!.id;
}

async function finish(db: Db, importId: number, values: Partial<typeof imports.$inferInsert>) {
  await db.update(imports).set(values).where(eq(imports.id, importId));
}

/**
 * Validates a file against a mapping without writing any record: streams it through the domain
 * (decode, parse, validateRow), records the import as `ready` with its counts, and returns the
 * first MAX_REPORTED_ERRORS errors. The full list: errorReportCsv(collectErrors(...)) or
 * validationErrorsCsv. A file that cannot be read at all (mapping, encoding) marks it `failed`.
 */
export async function validateImport(db: Db, actor: ImportActor, file: ImportFile): Promise<ValidationReport> {
  const mapping = parseMapping(file.mapping);
  const importId = await createImport(db, actor, file, mapping);
  try {
    const stream = await openImportStream(file.bytes, mapping, file.encoding);
    const report: ValidationReport = {
      importId,
      encoding: stream.encoding,
      warning: stream.warning,
      header: stream.header,
      rowsRead: 0,
      rowsValid: 0,
      rowsInvalid: 0,
      errors: [],
      errorCount: 0,
    };
    for await (const row of stream.rows) {
      report.rowsRead++;
      if (row.ok) {
        report.rowsValid++;
        continue;
      }
      report.rowsInvalid++;
      report.errorCount += row.errors.length;
      for (const error of row.errors) if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push(error);
    }
    await finish(db, importId, {
      status: "ready",
      encoding: stream.encoding,
      rowsRead: report.rowsRead,
      rowsValid: report.rowsValid,
      rowsInvalid: report.rowsInvalid,
    });
    return report;
  } catch (error) {
    await finish(db, importId, { status: "failed", error: messageOf(error), finishedAt: new Date() });
    throw error;
  }
}

/** Every error of the file as CSV text (row, column, message), streamed through the same validation. */
export async function validationErrorsCsv(file: ImportFile): Promise<string> {
  const stream = await openImportStream(file.bytes, parseMapping(file.mapping), file.encoding);
  const errors: RowError[] = [];
  for await (const row of stream.rows) if (!row.ok) errors.push(...row.errors);
  return errorReportCsv(errors);
}

export interface RunOptions {
  /** Import the valid rows and skip the invalid ones; otherwise any invalid row cancels the whole import. */
  skipInvalid: boolean;
  batchSize?: number;
  /** Called after each written batch, inside the transaction (progress; tests throw here to crash mid-import). */
  afterBatch?: (progress: { batches: number; rowsRead: number; rowsWritten: number }) => void | Promise<void>;
}

export interface RunReport {
  importId: number;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** The first MAX_REPORTED_ERRORS errors, in file order (all of them when the import was cancelled). */
  errors: RowError[];
}

class Cancelled extends Error {
  constructor(readonly errors: RowError[]) {
    super("cancelled");
  }
}

/**
 * Imports a file in ONE transaction, all or nothing, serialised with the REST ingest of the
 * workspace (queueWorkspaceWrite + lockWorkspaceIngest: concurrent writers deadlock on the rollup
 * triggers). Rows stream through validation into batches of upserts (imports-write.ts: feedback in
 * bulk, imports-feedback.ts; customers and orders as the REST ingest, ingest-records.ts) on
 * (workspace, source, external id) / (workspace, external id), the id being a content hash when
 * the file has none, so importing the same file again inserts nothing. One batch is written while
 * the next is read. A repeated id in the file starts a new batch: the later row updates the earlier
 * one. Each change is recorded for undoImport. Without `skipInvalid` the first invalid row cancels the import with
 * the errors found so far; any failure marks it `failed` and leaves the database as it was.
 * `target`: an import made by validateImport (its mapping and encoding), with the same file.
 */
export async function runImport(
  db: Db,
  actor: ImportActor,
  target: { importId: number; bytes: ImportBytes } | ImportFile,
  options: RunOptions,
): Promise<RunReport> {
  let importId: number;
  let mapping: ColumnMapping;
  let encoding: ImportEncoding | undefined;
  if ("importId" in target) {
    const [row] = await db
      .select()
      .from(imports)
      .where(and(eq(imports.id, target.importId), eq(imports.workspaceId, actor.workspaceId)));
    if (!row) throw notFound("Import", target.importId);
    if (row.status === "done" || row.status === "undone" || row.status === "running") {
      throw new AppError(
        "INVALID_STATE",
        `Import ${row.id} is ${row.status}; start a new import to load the file again.`,
      );
    }
    importId = row.id;
    mapping = parseMapping(row.mapping);
    encoding = row.encoding as ImportEncoding;
  } else {
    mapping = parseMapping(target.mapping);
    importId = await createImport(db, actor, target, mapping);
    encoding = target.encoding;
  }
  const batchSize = options.batchSize ?? defaultBatchSize(mapping.entity);
  await finish(db, importId, { status: "running", startedAt: new Date(), error: null });
  try {
    const report = await queueWorkspaceWrite(db, actor.workspaceId, () =>
      db.transaction(async (tx) => {
        await lockWorkspaceIngest(tx, actor.workspaceId);
        const stream = await openImportStream(target.bytes, mapping, encoding);
        const writer = await openImportWriter(tx, actor.workspaceId, importId, mapping);
        const report: RunReport = {
          importId,
          rowsRead: 0,
          inserted: 0,
          updated: 0,
          unchanged: 0,
          skipped: 0,
          errors: [],
        };
        let batch: BatchRow[] = [];
        let keys = new Set<string>();
        let batches = 0;
        // rows refused, counted; their errors kept up to MAX_REPORTED_ERRORS, so memory does not
        // grow with a file of many bad rows (the full list: validationErrorsCsv)
        let invalidRows = 0;
        const keepErrors = (errors: readonly RowError[]) => {
          for (const error of errors) if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push(error);
        };
        const settle = async (result: BatchResult) => {
          if (result.rejected.length > 0 && !options.skipInvalid)
            throw new Cancelled([...report.errors, ...result.rejected]);
          keepErrors(result.rejected);
          const rejectedRows = new Set(result.rejected.map((e) => e.row)).size;
          report.skipped += rejectedRows;
          invalidRows += rejectedRows;
          report.inserted += result.inserted;
          report.updated += result.updated;
          report.unchanged += result.unchanged;
          batches++;
          await options.afterBatch?.({
            batches,
            rowsRead: report.rowsRead,
            rowsWritten: report.inserted + report.updated + report.unchanged,
          });
        };
        const pipeline = new WritePipeline(writer, settle);
        const flush = async () => {
          if (batch.length === 0) return;
          const full = batch;
          batch = [];
          keys = new Set();
          await pipeline.push(full, options.skipInvalid);
        };
        try {
          for await (const row of stream.rows) {
            report.rowsRead++;
            if (!row.ok) {
              keepErrors(row.errors);
              if (!options.skipInvalid) throw new Cancelled(report.errors);
              report.skipped++;
              invalidRows++;
              continue;
            }
            const key = recordKey(mapping.entity, row.value);
            if (keys.has(key) || batch.length >= batchSize) await flush();
            batch.push({ row: row.row, value: row.value });
            keys.add(key);
          }
          await flush();
          await pipeline.drain();
        } finally {
          await pipeline.abandon();
        }
        await writer.finish();
        const invalid = invalidRows;
        await tx
          .update(imports)
          .set({
            status: "done",
            encoding: stream.encoding,
            rowsRead: report.rowsRead,
            rowsValid: report.rowsRead - invalid,
            rowsInvalid: invalid,
            rowsInserted: report.inserted,
            rowsUpdated: report.updated,
            rowsSkipped: report.skipped + report.unchanged,
            finishedAt: new Date(),
          })
          .where(eq(imports.id, importId));
        return report;
      }),
    );
    return report;
  } catch (error) {
    const message =
      error instanceof Cancelled
        ? `Nothing was imported: ${error.errors.length} problem(s), first at row ${error.errors[0]?.row}: ${error.errors[0]?.message} Fix the file, or import the valid rows and skip the invalid ones.`
        : messageOf(error);
    await finish(db, importId, { status: "failed", error: message, finishedAt: new Date() });
    if (error instanceof Cancelled) throw new ImportRejected(message, error.errors);
    throw error;
  }
}

/** An import cancelled because of invalid rows (INVALID_INPUT); `errors` lists them. */
export class ImportRejected extends AppError {
  constructor(
    message: string,
    readonly errors: RowError[],
  ) {
    super("INVALID_INPUT", message);
  }
}

function messageOf(error: unknown): string {
  return error instanceof AppError ? error.message : "The import failed unexpectedly; nothing was written.";
}
