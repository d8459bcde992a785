import "server-only";
import { once } from "node:events";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { queryRows } from "@/db/client";
import { workspaces } from "@/db/schema";
import {
  ARCHIVE_EXCLUDED,
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  ARCHIVE_MANIFEST,
  ARCHIVE_NOTES,
  ARCHIVE_PART_BYTES,
  ARCHIVE_TABLES,
  type ArchiveManifest,
  type ArchiveTable,
  archivePartName,
} from "../domain/export/archive";
import { tarEnd, tarEntry } from "../domain/export/tar";
import { notFound } from "../errors";
import { recordAudit } from "./audit";
import {
  appliedMigrationTags,
  type ArchiveDb,
  archivedColumns,
  countWorkspaceRows,
  workspaceRows,
} from "./archive-schema";

/** Rows read per query: a few MB of JSON at most. */
const PAGE_ROWS = 2_000;
const encoder = new TextEncoder();

/** Where the archive's bytes go (uncompressed tar); awaiting it is the backpressure. */
export type ArchiveOut = (chunk: Uint8Array) => Promise<void>;

/** Whose workspace is exported, and by whom (null: the command line). */
export interface ArchiveSource {
  workspaceId: number;
  actorId: number | null;
}

/**
 * Writes a workspace's archive (see server/domain/export/archive.ts) to `out` as a tar stream:
 * the manifest, then every table's rows page by page (keyset on the table's key, never OFFSET),
 * in part files of about ARCHIVE_PART_BYTES, so memory stays bounded whatever the size. Everything
 * is read in one REPEATABLE READ, READ ONLY transaction: one consistent snapshot, whose counts the
 * manifest states up front. The export itself is recorded in the audit log first. Returns the manifest.
 */
export async function exportWorkspaceArchive(
  db: Db,
  source: ArchiveSource,
  out: ArchiveOut,
  now = new Date(),
): Promise<ArchiveManifest> {
  const { workspaceId } = source;
  await recordAudit(db, {
    workspaceId,
    actorId: source.actorId,
    action: "workspace.exportArchive",
    entityType: "workspace",
    entityId: workspaceId,
  });
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
    // timestamps as UTC in every line, whatever the server's zone
    await tx.execute(sql`SET LOCAL TIME ZONE 'UTC'`);
    const manifest = await buildManifest(tx, workspaceId, now);
    await writeAll(out, tarEntry(ARCHIVE_MANIFEST, encoder.encode(JSON.stringify(manifest, null, 2)), now));
    for (const spec of ARCHIVE_TABLES) {
      const entry = manifest.tables.find((table) => table.name === spec.name)!;
      const written = await exportTable(tx, spec, workspaceId, out, now);
      if (written !== entry.rows) {
        throw new Error(
          `The export read ${written} rows of ${spec.name} but counted ${entry.rows} in the same snapshot.`,
        );
      }
    }
    await out(tarEnd());
    return manifest;
  });
}

/**
 * The archive gzip-compressed into `destination` (a file, an HTTP body), with backpressure;
 * resolves when it is all written. On failure the destination is destroyed with the error.
 */
export async function writeWorkspaceArchive(
  db: Db,
  source: ArchiveSource,
  destination: NodeJS.WritableStream,
): Promise<ArchiveManifest> {
  const gzip = createGzip();
  const done = pipeline(gzip, destination);
  try {
    const manifest = await exportWorkspaceArchive(db, source, async (chunk) => {
      if (!gzip.write(chunk)) await once(gzip, "drain");
    });
    gzip.end();
    await done;
    return manifest;
  } catch (error) {
    gzip.destroy(error instanceof Error ? error : new Error(String(error)));
    await done.catch(() => undefined);
    throw error;
  }
}

async function writeAll(out: ArchiveOut, chunks: Uint8Array[]): Promise<void> {
  for (const chunk of chunks) await out(chunk);
}

async function buildManifest(tx: ArchiveDb, workspaceId: number, now: Date): Promise<ArchiveManifest> {
  const [workspace] = await tx
    .select({
      id: workspaces.id,
      slug: workspaces.slug,
      name: workspaces.name,
      currency: workspaces.currency,
      createdAt: workspaces.createdAt,
    })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!workspace) throw notFound("Workspace", workspaceId);
  const [tags, counts] = await Promise.all([appliedMigrationTags(tx), countWorkspaceRows(tx, workspaceId)]);
  const tables = [];
  for (const spec of ARCHIVE_TABLES) {
    tables.push({ name: spec.name, rows: counts[spec.name] ?? 0, columns: await archivedColumns(tx, spec) });
  }
  return {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    schemaVersion: tags.at(-1) ?? "none",
    exportedAt: now.toISOString(),
    workspace: { ...workspace, createdAt: new Date(workspace.createdAt).toISOString() },
    tables,
    excluded: Object.entries(ARCHIVE_EXCLUDED).map(([table, reason]) => ({ table, reason })),
    omittedColumns: ARCHIVE_TABLES.flatMap((spec) =>
      Object.entries(spec.omit ?? {}).map(([column, reason]) => ({ table: spec.name, column, reason })),
    ),
    notes: [...ARCHIVE_NOTES],
  };
}

/** One table's rows as JSON-lines part files; returns how many rows it wrote. */
async function exportTable(
  tx: ArchiveDb,
  spec: ArchiveTable,
  workspaceId: number,
  out: ArchiveOut,
  now: Date,
): Promise<number> {
  const omitted = ["workspace_id", ...Object.keys(spec.omit ?? {})];
  // the row as PostgreSQL writes JSON: exact decimals, full timestamps; never parsed here
  const line = sql.join([sql`to_jsonb(t)`, ...omitted.map((column) => sql`${column}::text`)], sql` - `);
  const keys = spec.key.map((column) => sql`t.${sql.identifier(column)}`);
  const keyList = sql.join(keys, sql`, `);
  const keyColumns = sql.join(
    // as text: a bigint key (audit_events) comes back from both drivers the same way
    spec.key.map((column, i) => sql`t.${sql.identifier(column)}::text AS ${sql.identifier(`k${i}`)}`),
    sql`, `,
  );
  let cursor: string[] | null = null;
  let part: string[] = [];
  let partBytes = 0;
  let parts = 0;
  let written = 0;
  const flush = async () => {
    if (part.length === 0) return;
    parts += 1;
    await writeAll(out, tarEntry(archivePartName(spec.name, parts), encoder.encode(part.join("")), now));
    part = [];
    partBytes = 0;
  };
  for (;;) {
    const after: ReturnType<typeof sql> = cursor
      ? sql`AND (${keyList}) > (${sql.join(
          cursor.map((value) => sql`${value}`),
          sql`, `,
        )})`
      : sql``;
    const page = await queryRows<Record<string, string>>(
      tx as Db,
      sql`SELECT (${line})::text AS line, ${keyColumns} FROM ${workspaceRows(spec, workspaceId)} ${after}
        ORDER BY ${keyList} LIMIT ${PAGE_ROWS}`,
    );
    for (const row of page) {
      const text = `${row.line}\n`;
      part.push(text);
      partBytes += Buffer.byteLength(text);
      if (partBytes >= ARCHIVE_PART_BYTES) await flush();
    }
    written += page.length;
    if (page.length < PAGE_ROWS) break;
    const last = page.at(-1)!;
    cursor = spec.key.map((_, i) => last[`k${i}`]!);
  }
  await flush();
  return written;
}
