import "server-only";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Db, Engine } from "@/db";
import { hasPermission, type Permission } from "../auth/permissions";
import { archiveTargetInput } from "../domain/export/archive-input";
import { CSV_BOM, csvLine } from "../domain/export/csv";
import type { ExportList } from "../domain/export/list-params";
import { AppError, type AppErrorCode } from "../errors";
import type { WorkspaceMembership } from "./memberships";
import { writeWorkspaceArchive } from "./archive-export";
import { importWorkspaceArchive } from "./archive-import";
import { type CsvPages, LIST_EXPORTS } from "./export-lists";

// The export route handlers' work (app/api/export/…/route.ts hand them the session): the same
// checks as a tRPC procedure — a session, a membership, the role's permission, the session's own
// workspace — then a streamed download, or an import of an uploaded archive.

/** Who is asking, as the route handler resolved it from the session and the workspace cookie. */
export interface ExportRequestContext {
  db: Db;
  user: { id: number; email: string; name: string } | null;
  membership: WorkspaceMembership | null;
}

/** The largest archive an upload may be: the disk it is spooled to is the limit that matters. */
export const MAX_ARCHIVE_UPLOAD_BYTES = 16 * 1024 ** 3;

const STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  INVALID_STATE: 409,
  INVALID_INPUT: 400,
};

const refuse = (status: number, message: string) =>
  Response.json({ error: message }, { status, headers: { "cache-control": "no-store" } });

/** The member and their workspace when they may act with `permission`, else the answer that says why not. */
function authorize(ctx: ExportRequestContext, permission: Permission) {
  if (!ctx.user) return { denied: refuse(401, "Sign in to continue.") };
  if (!ctx.membership) return { denied: refuse(403, "You are not a member of any workspace; ask an admin.") };
  if (!hasPermission(ctx.membership.role, permission)) {
    return { denied: refuse(403, `Your role (${ctx.membership.role}) does not allow ${permission}.`) };
  }
  return { user: ctx.user, membership: ctx.membership };
}

/** `touchpoint-<what>-<workspace>-<yyyy-mm-dd>.<extension>`, ASCII as a download name should be. */
function fileName(what: string, slug: string, now: Date, extension: string): string {
  return `touchpoint-${what}-${slug}-${now.toISOString().slice(0, 10)}.${extension}`;
}

function download(body: ReadableStream<Uint8Array>, name: string, type: string): Response {
  return new Response(body, {
    headers: {
      "content-type": type,
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/** CSV text pulled page by page as the client reads: a slow download holds one page, not the list. */
function csvBody(header: readonly string[], pages: CsvPages): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvLine(header)));
    },
    async pull(controller) {
      try {
        const next = await pages.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value.map(csvLine).join("")));
      } catch (error) {
        console.error("[export] a CSV export failed midway:", error);
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}

/** `GET /api/export/<list>?<the list's filters>`: what the list shows, as CSV (UTF-8 with BOM). */
export function listExportResponse(ctx: ExportRequestContext, list: ExportList, url: URL, now = new Date()): Response {
  const exporter = LIST_EXPORTS[list];
  const access = authorize(ctx, exporter.permission);
  if (access.denied) return access.denied;
  const prepared = exporter.prepare(url.searchParams);
  if (!prepared.ok) return refuse(400, `These filters cannot be exported: ${prepared.error}`);
  const actor = { userId: access.user.id, workspaceId: access.membership.workspaceId, role: access.membership.role };
  return download(
    csvBody(exporter.header, prepared.pages(ctx.db, actor)),
    fileName(list, access.membership.slug, now, "csv"),
    "text/csv; charset=utf-8",
  );
}

/**
 * `GET /api/export/archive`: the whole workspace (admins). On PostgreSQL it streams straight from
 * the export's snapshot; the embedded database serves one query at a time, so there the archive
 * is written to a temporary file first and the download then reads that, not holding the database
 * for as long as a slow client takes.
 */
export async function archiveExportResponse(
  ctx: ExportRequestContext,
  engine: Engine,
  now = new Date(),
): Promise<Response> {
  const access = authorize(ctx, "workspace.archive");
  if (access.denied) return access.denied;
  const source = { workspaceId: access.membership.workspaceId, actorId: access.user.id };
  const name = fileName("archive", access.membership.slug, now, "tar.gz");
  if (engine === "postgres") {
    const body = new PassThrough();
    writeWorkspaceArchive(ctx.db, source, body).catch((error: unknown) =>
      console.error("[export] a workspace archive failed midway:", error),
    );
    return download(Readable.toWeb(body) as ReadableStream<Uint8Array>, name, "application/gzip");
  }
  const dir = await mkdtemp(join(tmpdir(), "touchpoint-archive-"));
  try {
    const path = join(dir, name);
    await writeWorkspaceArchive(ctx.db, source, createWriteStream(path));
    const file = await open(path);
    // the open handle keeps the bytes readable after the folder is gone
    await rm(dir, { recursive: true, force: true });
    return download(Readable.toWeb(file.createReadStream()) as ReadableStream<Uint8Array>, name, "application/gzip");
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * `POST /api/export/archive?target=new&slug=…[&name=…]` or `?target=current`, the archive as the
 * body: imported into a new workspace (the admin becomes its admin) or into the current one if it
 * is empty. The upload is saved to a temporary file first, so a broken upload writes nothing and
 * the import's transaction does not wait on the network.
 */
export async function archiveImportResponse(ctx: ExportRequestContext, request: Request): Promise<Response> {
  const access = authorize(ctx, "workspace.archive");
  if (access.denied) return access.denied;
  const params = new URL(request.url).searchParams;
  const kind = params.get("target");
  if (kind !== "new" && kind !== "current")
    return refuse(400, "Say where the archive goes: target=new or target=current.");
  const target = archiveTargetInput.safeParse(
    kind === "current"
      ? { kind: "existing", workspaceId: access.membership.workspaceId }
      : { kind: "new", slug: params.get("slug") ?? "", name: params.get("name")?.trim() || undefined },
  );
  if (!target.success) return refuse(400, target.error.issues[0]!.message);
  if (!request.body) return refuse(400, "Send the archive file as the request body.");
  const declared = Number(request.headers.get("content-length"));
  if (declared > MAX_ARCHIVE_UPLOAD_BYTES) return refuse(413, TOO_LARGE);

  const dir = await mkdtemp(join(tmpdir(), "touchpoint-upload-"));
  try {
    const path = join(dir, "archive.tar.gz");
    try {
      await pipeline(
        Readable.fromWeb(request.body as never),
        limitBytes(MAX_ARCHIVE_UPLOAD_BYTES),
        createWriteStream(path),
      );
    } catch (error) {
      if (error instanceof UploadTooLarge) return refuse(413, TOO_LARGE);
      return refuse(400, "The upload did not arrive whole; send the archive again.");
    }
    const report = await importWorkspaceArchive(ctx.db, createReadStream(path), target.data, {
      actorId: access.user.id,
    });
    return Response.json(report, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof AppError) return refuse(STATUS[error.code], error.message);
    console.error("[export] an archive import failed:", error);
    return refuse(500, "Something went wrong on our side; nothing was imported.");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

class UploadTooLarge extends Error {}
const TOO_LARGE = "The archive is larger than 16 GB; import it with npm run archive.";

/** Passes bytes through until `max`, then fails. */
function limitBytes(max: number) {
  return async function* (source: AsyncIterable<Uint8Array>) {
    let total = 0;
    for await (const chunk of source) {
      total += chunk.byteLength;
      if (total > max) throw new UploadTooLarge(TOO_LARGE);
      yield chunk;
    }
  };
}
