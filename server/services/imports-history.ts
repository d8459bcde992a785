import "server-only";
import { and, desc, eq, inArray, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db";
import { liveJobs, type LiveJob } from "@/db/jobs-worker";
import { imports, jobs, users } from "@/db/schema";
import { progressFigures } from "../domain/ingest/import-progress";
import { notFound } from "../errors";
import { IMPORT_JOB, type ImportJobProgress, type ImportJobPayload } from "./imports-job";

/** Imports started in Settings (with a job) or run from the command line, newest first, with who started them. */
export function listImportHistory(db: Db, workspaceId: number, limit = 50) {
  return db
    .select({
      id: imports.id,
      entity: imports.entity,
      fileName: imports.fileName,
      status: imports.status,
      rowsRead: imports.rowsRead,
      rowsInvalid: imports.rowsInvalid,
      rowsInserted: imports.rowsInserted,
      rowsUpdated: imports.rowsUpdated,
      rowsSkipped: imports.rowsSkipped,
      error: imports.error,
      createdBy: users.name,
      createdAt: imports.createdAt,
      finishedAt: imports.finishedAt,
    })
    .from(imports)
    .leftJoin(users, eq(users.id, imports.createdBy))
    .where(
      and(
        eq(imports.workspaceId, workspaceId),
        // started from Settings (a job) or run from the command line; a mere validation is not history
        or(isNotNull(imports.jobId), isNotNull(imports.startedAt)),
      ),
    )
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(limit);
}

/**
 * Removes validations nobody ran ("Check the file" without "Import", in any workspace) created
 * more than `maxAgeMs` ago: never started, no job, so no history entry and nothing written; their
 * upload is swept after the same time (sweepUploads), so they could not run any more. Returns how many.
 */
export async function pruneValidations(db: Db, maxAgeMs: number, now = Date.now()): Promise<number> {
  const removed = await db
    .delete(imports)
    .where(
      and(
        isNull(imports.jobId),
        isNull(imports.startedAt),
        inArray(imports.status, ["pending", "validating", "ready", "failed"]),
        lt(imports.createdAt, new Date(now - maxAgeMs)),
      ),
    )
    .returning({ id: imports.id });
  return removed.length;
}

export type ImportStatus = (typeof imports.$inferSelect)["status"];

/** Where an import stands, as the progress bar shows it. */
export interface ImportProgress {
  importId: number;
  status: ImportStatus;
  rowsTotal: number;
  rowsRead: number;
  rowsWritten: number;
  share: number | null;
  rowsPerSecond: number | null;
  etaSeconds: number | null;
  inserted: number;
  updated: number;
  skipped: number;
  error: string | null;
}

function figuresOf(progress: unknown, startedAt: Date | null, total: number, now: number) {
  const p = (progress ?? null) as Partial<ImportJobProgress> | null;
  const rowsRead = typeof p?.rowsRead === "number" ? p.rowsRead : 0;
  const rowsWritten = typeof p?.rowsWritten === "number" ? p.rowsWritten : 0;
  const reportedAt = typeof p?.at === "number" ? p.at : now;
  const figures = progressFigures({
    rowsDone: rowsRead,
    rowsTotal: total,
    startedAt: startedAt?.getTime() ?? reportedAt,
    reportedAt,
    now,
  });
  return { rowsRead, rowsWritten, ...figures };
}

/**
 * An import's progress: its counts, and while it runs the job's last report with rows/s and the
 * time left (progressFigures) — from this process's memory when the job runs here (fresher than
 * the row, which is written at most once a second), else from the job row.
 */
export async function importProgress(
  db: Db,
  workspaceId: number,
  importId: number,
  now = Date.now(),
): Promise<ImportProgress> {
  const [row] = await db
    .select({ import: imports, job: { progress: jobs.progress, lockedAt: jobs.lockedAt } })
    .from(imports)
    .leftJoin(jobs, eq(jobs.id, imports.jobId))
    .where(and(eq(imports.id, importId), eq(imports.workspaceId, workspaceId)));
  if (!row) throw notFound("Import", importId);
  const i = row.import;
  const live = i.jobId === null ? undefined : [...liveJobs()].find((job) => job.id === i.jobId);
  const figures = live
    ? figuresOf(live.progress, live.startedAt, i.rowsRead, now)
    : figuresOf(row.job?.progress, row.job?.lockedAt ?? null, i.rowsRead, now);
  const done = i.status === "done";
  return {
    importId: i.id,
    status: i.status,
    rowsTotal: i.rowsRead,
    ...figures,
    share: done ? 1 : figures.share,
    etaSeconds: done ? 0 : figures.etaSeconds,
    inserted: i.rowsInserted,
    updated: i.rowsUpdated,
    skipped: i.rowsSkipped,
    error: i.error,
  };
}

/**
 * The progress of an import running in this process, for the user who started it, without
 * reading the database: on PGlite the import's transaction holds the one connection until it
 * commits, so a poll that needs the database would wait for the end. Null otherwise (read it with
 * importProgress, which checks the membership).
 */
export function liveImportProgress(importId: number, userId: number, now = Date.now()): ImportProgress | null {
  const live = [...liveJobs()].find((job: LiveJob) => {
    const payload = job.payload as Partial<ImportJobPayload> | null;
    return job.kind === IMPORT_JOB && payload?.importId === importId && payload.userId === userId;
  });
  if (!live) return null;
  const total = Number((live.progress as Partial<ImportJobProgress> | null)?.rowsTotal ?? 0);
  return {
    importId,
    status: "running",
    rowsTotal: total,
    ...figuresOf(live.progress, live.startedAt, total, now),
    inserted: 0,
    updated: 0,
    skipped: 0,
    error: null,
  };
}
