import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { claimJob, readJob } from "@/db/jobs";
import { JobWorker, type JobKind } from "@/db/jobs-worker";
import { auditEvents, feedback, imports, jobs } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { importJobKind, IMPORT_JOB, type ImportJobProgress } from "../../services/imports-job";
import { liveImportProgress } from "../../services/imports-history";
import { saveUpload, uploadErrorsCsv } from "../../services/imports-uploads";
import { callerFor, createRoleFixture } from "../testing/callers";

let handle: DbHandle;
let ours: Awaited<ReturnType<typeof createRoleFixture>>;
let theirs: Awaited<ReturnType<typeof createRoleFixture>>;
const dir = mkdtempSync(join(tmpdir(), "touchpoint-uploads-"));
const previousDir = process.env.TOUCHPOINT_UPLOAD_DIR;

beforeAll(async () => {
  process.env.TOUCHPOINT_UPLOAD_DIR = dir;
  handle = await createTestDb();
  ours = await createRoleFixture(handle.db, "Ours");
  theirs = await createRoleFixture(handle.db, "Theirs");
});
afterAll(async () => {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
  if (previousDir === undefined) delete process.env.TOUCHPOINT_UPLOAD_DIR;
  else process.env.TOUCHPOINT_UPLOAD_DIR = previousDir;
});

const admin = () => callerFor(handle.db, ours.users.admin, ours.workspace.id);
const cx = () => callerFor(handle.db, ours.users.cx_manager, ours.workspace.id);

async function upload(content: string | Uint8Array, workspaceId = ours.workspace.id): Promise<string> {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  async function* body() {
    for (let offset = 0; offset < bytes.length; offset += 1000) yield bytes.subarray(offset, offset + 1000);
  }
  return (await saveUpload(dir, workspaceId, body(), { maxBytes: 10_000_000 })).uploadId;
}

const surveyCsv = (rows: string[]) => ["Response ID,Customer ID,Rating,Comment,Submitted at", ...rows].join("\r\n");
const mapping = {
  entity: "feedback" as const,
  columns: {
    externalId: "Response ID",
    customerExternalId: "Customer ID",
    score: "Rating",
    text: "Comment",
    receivedAt: "Submitted at",
  },
  constants: { source: "survey" as const, metricKind: "csat" as const },
  valueMaps: { score: { "Very satisfied": "5" } },
  dateFormat: "dmy" as const,
  timeZone: "Europe/Warsaw",
};

/** A worker of the app's import jobs whose progress reports are also kept here. */
function importWorker(reports: ImportJobProgress[] = []) {
  const kind = importJobKind(handle.db, dir);
  const recording: JobKind = {
    ...kind,
    run: (job, context) =>
      kind.run(job, {
        ...context,
        reportProgress: (progress) => {
          reports.push(progress as ImportJobProgress);
          context.reportProgress(progress);
        },
      }),
  };
  return new JobWorker(handle.db, { [IMPORT_JOB]: recording }, { log: () => undefined, progressWriteMs: 0 });
}

describe(`Settings → Import (${testEngine()})`, () => {
  it("previews a file: header, first rows, encoding and a suggested mapping", async () => {
    const uploadId = await upload(surveyCsv(["r1,c1,4,Fine,31/12/2024", "r2,c2,Very satisfied,Great,13/01/2025"]));
    const preview = await (await cx()).imports.preview({ uploadId, entity: "feedback" });
    expect(preview).toMatchObject({
      encoding: "utf-8",
      warning: null,
      header: ["Response ID", "Customer ID", "Rating", "Comment", "Submitted at"],
      rows: [
        ["r1", "c1", "4", "Fine", "31/12/2024"],
        ["r2", "c2", "Very satisfied", "Great", "13/01/2025"],
      ],
      suggestion: {
        columns: { externalId: "Response ID", score: "Rating", text: "Comment", receivedAt: "Submitted at" },
        constants: { metricKind: "rating" },
        dateFormat: "dmy",
      },
    });
    expect(preview.samples[2]).toEqual(["4", "Very satisfied"]);
  });

  it("detects a Windows-1252 file and warns, and says what to choose when UTF-8 is forced on it", async () => {
    const latin = new Uint8Array([...new TextEncoder().encode("id,text\r\n1,caf"), 0xe9, 0x0d, 0x0a]);
    const uploadId = await upload(latin);
    const caller = await admin();
    const preview = await caller.imports.preview({ uploadId, entity: "feedback" });
    expect(preview.encoding).toBe("windows-1252");
    expect(preview.warning).toMatch(/not UTF-8 .*Windows-1252/);
    expect(preview.rows).toEqual([["1", "café"]]);
    await expect(caller.imports.preview({ uploadId, entity: "feedback", encoding: "utf-8" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/not valid UTF-8 .*Windows-1252/),
    });
  });

  it("validates, refuses to import invalid rows unless skipped, imports the rest in the background with progress, and undoes", async () => {
    const rows = Array.from(
      { length: 1_200 },
      (_, i) => `r${i},c${i % 40},${1 + (i % 5)},Comment ${i},02/03/2024 10:00`,
    );
    rows.splice(10, 0, "bad1,c1,9,Too high,02/03/2024", "bad2,c1,3,No date,yesterday");
    const uploadId = await upload(surveyCsv(rows));
    const caller = await cx();
    const report = await caller.imports.validate({ uploadId, fileName: "survey.csv", mapping });
    expect(report).toMatchObject({ rowsRead: 1_202, rowsValid: 1_200, rowsInvalid: 2, errorCount: 2 });
    expect(report.errors.map(({ row, column }) => ({ row, column }))).toEqual([
      { row: 12, column: "Rating" },
      { row: 13, column: "Submitted at" },
    ]);
    const { csv } = await uploadErrorsCsv(handle.db, dir, ours.workspace.id, report.importId);
    expect(csv.split("\r\n").slice(0, 3)).toEqual([
      "row,column,message",
      expect.stringMatching(/^12,Rating,/),
      expect.stringMatching(/^13,Submitted at,/),
    ]);

    await expect(caller.imports.start({ importId: report.importId, skipInvalid: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "2 row(s) are invalid. Fix the file and upload it again, or import the valid rows and skip those.",
    });
    const { jobId } = await caller.imports.start({ importId: report.importId, skipInvalid: true });
    await expect(caller.imports.start({ importId: report.importId, skipInvalid: true })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: `Import ${report.importId} is already under way.`,
    });
    expect(await caller.imports.progress({ importId: report.importId })).toMatchObject({ status: "pending", share: 0 });

    const reports: ImportJobProgress[] = [];
    expect(await importWorker(reports).runOnce()).toBe(true);
    // one report before the first batch, one per batch written, one at the end
    const written = reports.map((r) => r.rowsWritten);
    expect(written.length).toBeGreaterThanOrEqual(3);
    expect(written[0]).toBe(0);
    expect(written.at(-1)).toBe(1_200);
    expect(written).toEqual([...written].sort((a, b) => a - b));
    expect(reports.every((r) => r.rowsTotal === 1_202)).toBe(true);
    expect(await readJob(handle.db, jobId)).toMatchObject({
      status: "done",
      result: { inserted: 1_200, updated: 0, skipped: 2 },
      progress: { rowsRead: 1_202, rowsWritten: 1_200, rowsTotal: 1_202 },
    });
    expect(await caller.imports.progress({ importId: report.importId })).toMatchObject({
      status: "done",
      rowsTotal: 1_202,
      rowsRead: 1_202,
      share: 1,
      etaSeconds: 0,
      inserted: 1_200,
      skipped: 2,
    });
    const [stored] = await handle.db
      .select({ receivedAt: feedback.receivedAt, score: feedback.score })
      .from(feedback)
      .where(and(eq(feedback.workspaceId, ours.workspace.id), eq(feedback.externalId, "r0")));
    // 02/03/2024 10:00 in Warsaw (UTC+1 in March) is 09:00 UTC, day-month order
    expect(stored).toEqual({ receivedAt: new Date("2024-03-02T09:00:00Z"), score: 1 });
    expect(readdirSync(join(dir, String(ours.workspace.id)))).not.toContain(`${uploadId}.csv`);

    const history = await caller.imports.list();
    expect(history[0]).toMatchObject({
      id: report.importId,
      fileName: "survey.csv",
      status: "done",
      rowsInserted: 1_200,
      rowsSkipped: 2,
      createdBy: ours.users.cx_manager.name,
    });
    expect(await caller.imports.undo({ importId: report.importId })).toMatchObject({ deleted: 1_240 });
    expect((await caller.imports.list())[0]).toMatchObject({ id: report.importId, status: "undone" });
    const audit = await handle.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "import"), eq(auditEvents.entityId, String(report.importId))));
    expect(audit.map((a) => a.action).sort()).toEqual(["import.start", "import.undo"]);
  });

  it("runs an import again when its worker died mid-way, as if it had never started", async () => {
    const uploadId = await upload(surveyCsv(["d1,c1,5,Good,01/02/2024", "d2,c2,4,Fine,01/02/2024"]));
    const caller = await admin();
    const report = await caller.imports.validate({ uploadId, fileName: "crash.csv", mapping });
    const { jobId } = await caller.imports.start({ importId: report.importId, skipInvalid: false });
    // a worker of another process claims it, marks the import running and dies; its transaction is rolled back
    await claimJob(handle.db, { workerId: "dead", kinds: [IMPORT_JOB], staleAfterMs: 60_000 });
    await handle.db.update(imports).set({ status: "running" }).where(eq(imports.id, report.importId));
    await handle.db
      .update(jobs)
      .set({ heartbeatAt: sql`now() - interval '10 minutes'` })
      .where(eq(jobs.id, jobId));
    expect(await importWorker().runOnce()).toBe(true);
    expect(await readJob(handle.db, jobId)).toMatchObject({ status: "done", attempts: 2 });
    expect(await caller.imports.progress({ importId: report.importId })).toMatchObject({ status: "done", inserted: 2 });
  });

  it("fails the job and the import with a clear message when the uploaded file is gone", async () => {
    const uploadId = await upload(surveyCsv(["g1,c1,5,Good,01/02/2024"]));
    const caller = await admin();
    const report = await caller.imports.validate({ uploadId, fileName: "gone.csv", mapping });
    const { jobId } = await caller.imports.start({ importId: report.importId, skipInvalid: false });
    rmSync(join(dir, String(ours.workspace.id), `${uploadId}.csv`));
    await importWorker().runOnce();
    const job = await readJob(handle.db, jobId);
    expect(job).toMatchObject({ status: "failed", attempts: 1 });
    expect(job!.error).toMatch(/^The uploaded file is no longer on the server/);
    expect(await caller.imports.progress({ importId: report.importId })).toMatchObject({
      status: "failed",
      error: job!.error,
    });
  });

  it("shows the starter the progress of an import running in this process without the database", async () => {
    const uploadId = await upload(surveyCsv(["l1,c1,5,Good,01/02/2024"]));
    const caller = await admin();
    const report = await caller.imports.validate({ uploadId, fileName: "live.csv", mapping });
    await caller.imports.start({ importId: report.importId, skipInvalid: false });
    const seen: Array<ReturnType<typeof liveImportProgress>> = [];
    const kind = importJobKind(handle.db, dir);
    const worker = new JobWorker(
      handle.db,
      {
        [IMPORT_JOB]: {
          ...kind,
          run: (job, context) =>
            kind.run(job, {
              ...context,
              reportProgress: (progress) => {
                context.reportProgress(progress);
                seen.push(liveImportProgress(report.importId, ours.users.admin.id));
                seen.push(liveImportProgress(report.importId, ours.users.cx_manager.id));
              },
            }),
        },
      },
      { log: () => undefined },
    );
    await worker.runOnce();
    expect(seen[0]).toMatchObject({ importId: report.importId, status: "running", rowsTotal: 1, rowsRead: 0 });
    // another user goes through the membership check instead
    expect(seen[1]).toBeNull();
    expect(liveImportProgress(report.importId, ours.users.admin.id)).toBeNull();
  });

  it("saves mappings by name per entity, replaces one of the same name, checks them, and removes them", async () => {
    const caller = await cx();
    const { id } = await caller.imports.saveMapping({ name: "Survey export", mapping });
    await caller.imports.saveMapping({ name: "Survey export", mapping: { ...mapping, timeZone: "UTC" } });
    const saved = await caller.imports.savedMappings({ entity: "feedback" });
    expect(saved).toEqual([
      expect.objectContaining({ id, name: "Survey export", mapping: expect.objectContaining({ timeZone: "UTC" }) }),
    ]);
    expect(await caller.imports.savedMappings({ entity: "order" })).toEqual([]);
    await expect(
      caller.imports.saveMapping({ name: "Broken", mapping: { entity: "order", columns: { amount: "Total" } } }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Map the column holding the customer id"),
    });
    await caller.imports.removeMapping({ id });
    expect(await caller.imports.savedMappings({ entity: "feedback" })).toEqual([]);
    await expect(caller.imports.removeMapping({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps uploads, imports and mappings of one workspace out of another's reach", async () => {
    const uploadId = await upload(surveyCsv(["x1,c1,5,Good,01/02/2024"]));
    const report = await (await admin()).imports.validate({ uploadId, fileName: "ours.csv", mapping });
    const { id: mappingId } = await (await admin()).imports.saveMapping({ name: "Ours", mapping });
    const stranger = await callerFor(handle.db, theirs.users.admin, theirs.workspace.id);
    const notFound = { code: "NOT_FOUND" };
    await expect(stranger.imports.preview({ uploadId, entity: "feedback" })).rejects.toMatchObject(notFound);
    await expect(stranger.imports.validate({ uploadId, fileName: "x.csv", mapping })).rejects.toMatchObject(notFound);
    await expect(stranger.imports.start({ importId: report.importId, skipInvalid: true })).rejects.toMatchObject(
      notFound,
    );
    await expect(stranger.imports.progress({ importId: report.importId })).rejects.toMatchObject(notFound);
    await expect(stranger.imports.undo({ importId: report.importId })).rejects.toMatchObject(notFound);
    await expect(stranger.imports.removeMapping({ id: mappingId })).rejects.toMatchObject(notFound);
    await expect(uploadErrorsCsv(handle.db, dir, theirs.workspace.id, report.importId)).rejects.toMatchObject(notFound);
    expect(await stranger.imports.savedMappings({ entity: "feedback" })).toEqual([]);
    expect((await stranger.imports.list()).map((i) => i.fileName)).not.toContain("survey.csv");
  });
});
