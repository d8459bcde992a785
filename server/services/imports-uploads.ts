import "server-only";
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { imports } from "@/db/schema";
import type { ImportEncoding } from "../domain/ingest/encoding";
import { readEnv, type Env } from "../env";
import { AppError, notFound } from "../errors";
import { validateImport, validationErrorsCsv, type ImportActor, type ValidationReport } from "./imports";

/**
 * Files uploaded in Settings → Import, kept on disk (never in memory) until their import is done:
 * `<upload dir>/<workspace id>/<upload id>.csv`. The upload id is a random UUID and the workspace
 * comes from the session, so a path is never built from what the client sends but the id's shape.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Uploads not imported are removed after this long. */
export const UPLOAD_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** TOUCHPOINT_UPLOAD_DIR, or "uploads" beside the embedded database's folder (.data/uploads by default). */
export function uploadDir(env: Env = readEnv()): string {
  const dir = env.TOUCHPOINT_UPLOAD_DIR ?? join(dirname(env.TOUCHPOINT_DATA_DIR), "uploads");
  return resolve(/* turbopackIgnore: true */ process.cwd(), dir);
}

/** TOUCHPOINT_UPLOAD_MAX_MB in bytes. */
export function maxUploadBytes(env: Env = readEnv()): number {
  return Math.floor(env.TOUCHPOINT_UPLOAD_MAX_MB * 1024 * 1024);
}

function uploadPath(dir: string, workspaceId: number, uploadId: string): string {
  if (!UUID.test(uploadId)) throw new AppError("INVALID_INPUT", "That is not an upload id; upload the file again.");
  return join(dir, String(workspaceId), `${uploadId}.csv`);
}

/** An upload over the size limit (the route answers 413). */
export class UploadTooLarge extends AppError {
  constructor(maxBytes: number) {
    super(
      "INVALID_INPUT",
      `The file is larger than ${formatMegabytes(maxBytes)}, the upload limit (TOUCHPOINT_UPLOAD_MAX_MB). Split it, or import it from the command line with npm run import.`,
    );
  }
}

function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

async function* limited(body: AsyncIterable<Uint8Array>, maxBytes: number, seen: { bytes: number }) {
  for await (const chunk of body) {
    seen.bytes += chunk.byteLength;
    if (seen.bytes > maxBytes) throw new UploadTooLarge(maxBytes);
    yield chunk;
  }
}

/**
 * Streams an upload to disk under a new id, refusing it past `maxBytes` (also when the declared
 * length says so, before reading) and when it is empty. Written under a temporary name and renamed,
 * so a half-written file is never taken for an upload; nothing is left behind on failure.
 */
export async function saveUpload(
  dir: string,
  workspaceId: number,
  body: AsyncIterable<Uint8Array>,
  options: { maxBytes: number; declaredBytes?: number | null },
): Promise<{ uploadId: string; bytes: number }> {
  if (options.declaredBytes != null && options.declaredBytes > options.maxBytes)
    throw new UploadTooLarge(options.maxBytes);
  const uploadId = randomUUID();
  const path = uploadPath(dir, workspaceId, uploadId);
  const partial = `${path}.part`;
  await mkdir(dirname(path), { recursive: true });
  const seen = { bytes: 0 };
  try {
    await pipeline(limited(body, options.maxBytes, seen), createWriteStream(partial));
    if (seen.bytes === 0)
      throw new AppError("INVALID_INPUT", "The file is empty; choose a CSV file with a header row and data rows.");
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { uploadId, bytes: seen.bytes };
}

/** The upload's bytes as a stream; NOT_FOUND with what to do when it is gone. */
export async function openUpload(dir: string, workspaceId: number, uploadId: string) {
  const path = uploadPath(dir, workspaceId, uploadId);
  const exists = await stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!exists) {
    throw new AppError(
      "NOT_FOUND",
      "The uploaded file is no longer on the server (uploads are kept for 7 days, and removed once imported); upload it again. With several app instances, TOUCHPOINT_UPLOAD_DIR must be a folder they all share.",
    );
  }
  return createReadStream(path);
}

/** Removes an upload (after its import is done); a missing file is not an error. */
export async function removeUpload(dir: string, workspaceId: number, uploadId: string): Promise<void> {
  await rm(uploadPath(dir, workspaceId, uploadId), { force: true });
}

/** Removes uploads (and abandoned partial files) older than `maxAgeMs`; returns how many. */
export async function sweepUploads(dir: string, maxAgeMs = UPLOAD_TTL_MS, now = Date.now()): Promise<number> {
  let removed = 0;
  const workspaces = await readdir(dir).catch(() => [] as string[]);
  for (const workspace of workspaces) {
    const folder = join(dir, workspace);
    const files = await readdir(folder).catch(() => [] as string[]);
    for (const file of files) {
      const path = join(folder, file);
      const info = await stat(path).catch(() => null);
      if (info?.isFile() && now - info.mtimeMs > maxAgeMs) {
        await rm(path, { force: true });
        removed++;
      }
    }
  }
  return removed;
}

/** Validates an uploaded file against a mapping (validateImport), recording the upload on the import for its job. */
export async function validateUpload(
  db: Db,
  dir: string,
  actor: ImportActor,
  input: { uploadId: string; fileName: string; encoding?: ImportEncoding; mapping: unknown },
): Promise<ValidationReport> {
  const bytes = await openUpload(dir, actor.workspaceId, input.uploadId);
  try {
    const report = await validateImport(db, actor, { ...input, bytes });
    await db.update(imports).set({ uploadId: input.uploadId }).where(eq(imports.id, report.importId));
    return report;
  } finally {
    bytes.destroy();
  }
}

/** Every validation error of an import's uploaded file, as CSV text (row, column, message). */
export async function uploadErrorsCsv(db: Db, dir: string, workspaceId: number, importId: number) {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.id, importId), eq(imports.workspaceId, workspaceId)));
  if (!row) throw notFound("Import", importId);
  if (!row.uploadId)
    throw new AppError("INVALID_STATE", `Import ${importId} was made from the command line; it has no uploaded file.`);
  const bytes = await openUpload(dir, workspaceId, row.uploadId);
  try {
    const csv = await validationErrorsCsv({
      fileName: row.fileName,
      bytes,
      encoding: row.encoding as ImportEncoding,
      mapping: row.mapping,
    });
    return { fileName: row.fileName, csv };
  } finally {
    bytes.destroy();
  }
}
