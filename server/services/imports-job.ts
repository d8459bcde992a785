import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { enqueueJob, type ClaimedJob } from "@/db/jobs";
import { wakeWorkers, type JobContext, type JobKind } from "@/db/jobs-worker";
import { imports } from "@/db/schema";
import { AppError, notFound } from "../errors";
import { recordAudit } from "./audit";
import { runImport, type ImportActor } from "./imports";
import { openUpload, removeUpload } from "./imports-uploads";

/** The queue's name for "run a validated import of an uploaded file". */
export const IMPORT_JOB = "import";

const importJobPayload = z.object({
  importId: z.number().int().positive(),
  skipInvalid: z.boolean(),
  /** Who started it: they may read its progress from this process without a database round trip. */
  userId: z.number().int().nullable(),
});
export type ImportJobPayload = z.infer<typeof importJobPayload>;

/** What an import job reports after each batch it writes. */
export interface ImportJobProgress {
  [key: string]: unknown;
  rowsRead: number;
  rowsWritten: number;
  /** Rows of the file, as validation counted them. */
  rowsTotal: number;
  /** When this report was made (epoch ms). */
  at: number;
}

/**
 * Queues a validated import of an uploaded file: `ready` (or `failed`, to try again) → `pending`,
 * with its job, in one transaction, so a double click queues it once. Refused when the file has
 * invalid rows and the user did not choose to skip them, or when no row is valid.
 */
export async function startImport(
  db: Db,
  actor: ImportActor,
  input: { importId: number; skipInvalid: boolean },
): Promise<{ importId: number; jobId: number }> {
  const jobId = await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(imports)
      .where(and(eq(imports.id, input.importId), eq(imports.workspaceId, actor.workspaceId)))
      .for("update");
    if (!row) throw notFound("Import", input.importId);
    if (row.uploadId === null) {
      throw new AppError("INVALID_STATE", `Import ${row.id} was made from the command line; run it there.`);
    }
    if (row.status === "pending" || row.status === "running") {
      throw new AppError("INVALID_STATE", `Import ${row.id} is already under way.`);
    }
    if (row.status !== "ready" && row.status !== "failed") {
      throw new AppError(
        "INVALID_STATE",
        `Import ${row.id} is ${row.status}; upload the file again to import it once more.`,
      );
    }
    if (row.rowsValid === 0) {
      throw new AppError(
        "INVALID_INPUT",
        `None of the ${row.rowsRead} rows is valid; fix the file and upload it again.`,
      );
    }
    if (row.rowsInvalid > 0 && !input.skipInvalid) {
      throw new AppError(
        "INVALID_INPUT",
        `${row.rowsInvalid} row(s) are invalid. Fix the file and upload it again, or import the valid rows and skip those.`,
      );
    }
    const payload: ImportJobPayload = { importId: row.id, skipInvalid: input.skipInvalid, userId: actor.userId };
    const id = await enqueueJob(tx, { kind: IMPORT_JOB, payload, workspaceId: actor.workspaceId });
    await tx.update(imports).set({ status: "pending", jobId: id, error: null }).where(eq(imports.id, row.id));
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "import.start",
      entityType: "import",
      entityId: row.id,
      after: { fileName: row.fileName, entity: row.entity, rowsValid: row.rowsValid, skipInvalid: input.skipInvalid },
    });
    return id;
  });
  wakeWorkers();
  return { importId: input.importId, jobId };
}

/**
 * The import job: runs runImport on the uploaded file in its one transaction, reporting progress
 * after every batch, and removes the file once the import is done. A retry after the worker died
 * finds the import `running` (its transaction was rolled back, nothing written) and runs it again,
 * or `done` (it committed just before) and only reports it. Bad rows, a missing file or a
 * workspace gone are permanent failures; anything else is retried.
 */
export function importJobKind(db: Db, uploadDir: string): JobKind {
  return {
    run: (job, context) => runImportJob(db, uploadDir, job, context),
    isPermanent: (error) => error instanceof AppError,
    describeError: (error) =>
      error instanceof AppError ? error.message : "The import failed unexpectedly; nothing was written.",
    onAbandoned: async (job) => {
      const payload = importJobPayload.safeParse(job.payload);
      if (!payload.success) return;
      await db
        .update(imports)
        .set({
          status: "failed",
          error:
            "The server stopped during this import several times; nothing was written. Upload the file again to retry.",
          finishedAt: new Date(),
        })
        .where(and(eq(imports.id, payload.data.importId), inArray(imports.status, ["pending", "running"])));
    },
  };
}

async function runImportJob(db: Db, uploadDir: string, job: ClaimedJob, context: JobContext) {
  const payload = importJobPayload.parse(job.payload);
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.id, payload.importId), eq(imports.workspaceId, job.workspaceId ?? -1)));
  if (!row) throw notFound("Import", payload.importId);
  const summary = (r: typeof row) => ({ inserted: r.rowsInserted, updated: r.rowsUpdated, skipped: r.rowsSkipped });
  if (row.status === "done") return summary(row);
  if (row.status === "running") await db.update(imports).set({ status: "pending" }).where(eq(imports.id, row.id));
  const actor = { workspaceId: row.workspaceId, userId: row.createdBy };
  let bytes;
  try {
    bytes = await openUpload(uploadDir, row.workspaceId, row.uploadId ?? "");
  } catch (error) {
    const message = error instanceof AppError ? error.message : "The uploaded file cannot be read.";
    await db
      .update(imports)
      .set({ status: "failed", error: message, finishedAt: new Date() })
      .where(eq(imports.id, row.id));
    throw error;
  }
  const report = (rowsRead: number, rowsWritten: number) =>
    context.reportProgress({
      rowsRead,
      rowsWritten,
      rowsTotal: row.rowsRead,
      at: Date.now(),
    } satisfies ImportJobProgress);
  report(0, 0);
  const result = await runImport(
    db,
    actor,
    { importId: row.id, bytes },
    {
      skipInvalid: payload.skipInvalid,
      afterBatch: ({ rowsRead, rowsWritten }) => {
        // inside the import's transaction: throwing rolls it back
        if (context.signal.aborted) throw context.signal.reason;
        report(rowsRead, rowsWritten);
      },
    },
  );
  report(result.rowsRead, result.inserted + result.updated + result.unchanged);
  await removeUpload(uploadDir, row.workspaceId, row.uploadId ?? "");
  return { inserted: result.inserted, updated: result.updated, skipped: result.skipped + result.unchanged };
}
