import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { queryRows } from "@/db/client";
import { memberships, users, workspaces } from "@/db/schema";
import {
  ARCHIVE_MANIFEST,
  ARCHIVE_MAX_FILE_BYTES,
  ARCHIVE_TABLES,
  type ArchiveManifest,
  archiveManifestSchema,
  archivePartTable,
  USERS_TABLE,
} from "../domain/export/archive";
import type { ArchiveTarget } from "../domain/export/archive-input";
import { readTar, type TarFile, TarFormatError } from "../domain/export/tar";
import { AppError, notFound } from "../errors";
import { recordAudit } from "./audit";
import { lockWorkspaceIngest } from "./ingest-http";
import {
  appliedMigrationTags,
  type ArchiveDb,
  CONTENT_TABLES,
  countWorkspaceRows,
  liveColumns,
} from "./archive-schema";
import { CREATE_ID_MAP, insertBatch, type TablePlan } from "./archive-import-sql";

/** Rows per INSERT statement; a batch is also cut at BATCH_BYTES of JSON. */
const BATCH_ROWS = 1_000;
const BATCH_BYTES = 2 * 1024 * 1024;
/** Accounts created for users the database does not know: no password verifies against this. */
const NO_PASSWORD = "none: imported from a workspace archive";

export interface ArchiveImportReport {
  workspace: { id: number; slug: string; name: string };
  /** Rows read per table, as the manifest counted them. */
  rows: Record<string, number>;
  /** Users of the archive this database did not know (created without a password). */
  createdUsers: number;
  schemaVersion: string;
  exportedAt: string;
}

export interface ArchiveImportProgress {
  table: string;
  rowsDone: number;
  rowsTotal: number;
}

const invalid = (message: string) => new AppError("INVALID_INPUT", message);

/**
 * Imports a workspace archive (gzip-compressed tar, see server/domain/export/archive.ts) into an
 * empty workspace — a new one, or an existing one with no data (refused otherwise) — in one
 * transaction: all of it lands or none of it. Rows get new ids and every reference follows them;
 * users are matched by e-mail (unknown ones are created without a password). The rows go in with the
 * rollups deferred and the workspace's rollups are rebuilt once at the end, in the same transaction
 * (rollups_rebuild_workspace, migration 0024). `actorId` (the admin importing from the app) becomes
 * an admin of the workspace.
 */
export async function importWorkspaceArchive(
  db: Db,
  gzipped: AsyncIterable<Uint8Array>,
  target: ArchiveTarget,
  options: { actorId: number | null; onProgress?: (progress: ArchiveImportProgress) => void },
): Promise<ArchiveImportReport> {
  const gunzip = createGunzip();
  const feeding = pipeline(Readable.from(gzipped), gunzip).catch(() => undefined);
  try {
    return await db.transaction(async (tx) => {
      const files = readArchive(gunzip);
      const manifest = await readManifest(files);
      await checkSchemaVersion(tx, manifest);
      const workspace = await openTarget(tx, target, manifest);
      await tx.execute(CREATE_ID_MAP);
      // a bulk load: the statement triggers only mark the workspace; its rollups are rebuilt once at the end
      await tx.execute(sql`SELECT set_config('touchpoint.defer_rollups', 'on', true)`);
      const plans = await planTables(tx, manifest);
      const loader = new TableLoader(tx, workspace.id, plans, manifest, options.onProgress);
      for await (const file of files) await loader.load(file);
      const read = loader.finish();
      await tx.execute(sql`SELECT set_config('touchpoint.defer_rollups', 'off', true)`);
      await tx.execute(sql`SELECT rollups_rebuild_workspace(${workspace.id}::int)`);
      if (options.actorId !== null) {
        await tx
          .insert(memberships)
          .values({ workspaceId: workspace.id, userId: options.actorId, role: "admin" })
          .onConflictDoUpdate({ target: [memberships.workspaceId, memberships.userId], set: { role: "admin" } });
      }
      await recordAudit(tx, {
        workspaceId: workspace.id,
        actorId: options.actorId,
        action: "workspace.importArchive",
        entityType: "workspace",
        entityId: workspace.id,
        after: {
          from: manifest.workspace.slug,
          exportedAt: manifest.exportedAt,
          schemaVersion: manifest.schemaVersion,
          rows: Object.values(read).reduce((a, b) => a + b, 0),
        },
      });
      return {
        workspace,
        rows: read,
        createdUsers: loader.createdUsers,
        schemaVersion: manifest.schemaVersion,
        exportedAt: manifest.exportedAt,
      };
    });
  } finally {
    gunzip.destroy();
    await feeding;
  }
}

/** The archive's files; a damaged or foreign file becomes an INVALID_INPUT that says so. */
async function* readArchive(gunzip: AsyncIterable<Uint8Array>): AsyncGenerator<TarFile> {
  try {
    yield* readTar(gunzip, ARCHIVE_MAX_FILE_BYTES);
  } catch (error) {
    if (error instanceof TarFormatError) throw invalid(error.message);
    const code = (error as { code?: string }).code;
    if (code === "Z_DATA_ERROR" || code === "Z_BUF_ERROR") {
      throw invalid(
        "This file is not a gzip-compressed Touchpoint archive, or it was cut short: choose the .tar.gz file an export produced.",
      );
    }
    throw error;
  }
}

async function readManifest(files: AsyncGenerator<TarFile>): Promise<ArchiveManifest> {
  const first = await files.next();
  if (first.done || first.value.name !== ARCHIVE_MANIFEST) {
    throw invalid(`The archive does not start with ${ARCHIVE_MANIFEST}: it is not a Touchpoint workspace archive.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(first.value.data));
  } catch {
    throw invalid(`${ARCHIVE_MANIFEST} is not valid JSON: the archive is damaged.`);
  }
  const parsed = archiveManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(`${ARCHIVE_MANIFEST}: ${issue.path.join(".") || "the file"}: ${issue.message}`);
  }
  return parsed.data;
}

async function checkSchemaVersion(tx: ArchiveDb, manifest: ArchiveManifest): Promise<void> {
  const tags = await appliedMigrationTags(tx);
  if (!tags.includes(manifest.schemaVersion)) {
    throw invalid(
      `This archive was exported at schema version ${manifest.schemaVersion}, which this Touchpoint (at ${tags.at(-1)}) ` +
        `does not know: import it into Touchpoint of that version or newer.`,
    );
  }
}

/** The workspace the rows go to: created now, or an existing one checked (and locked) empty. */
async function openTarget(tx: ArchiveDb, target: ArchiveTarget, manifest: ArchiveManifest) {
  const columns = { id: workspaces.id, slug: workspaces.slug, name: workspaces.name };
  if (target.kind === "new") {
    // ON CONFLICT: an import creating the same address at the same moment is refused like one that came first
    const [created] = await tx
      .insert(workspaces)
      .values({
        slug: target.slug,
        name: target.name ?? manifest.workspace.name,
        currency: manifest.workspace.currency,
        createdAt: new Date(manifest.workspace.createdAt),
      })
      .onConflictDoNothing({ target: workspaces.slug })
      .returning(columns);
    if (!created) {
      throw new AppError("CONFLICT", `A workspace with the address “${target.slug}” exists already; choose another.`);
    }
    return created;
  }
  // the REST ingest and CSV imports write a workspace under this lock: none lands in it halfway through
  await lockWorkspaceIngest(tx, target.workspaceId);
  const [existing] = await tx
    .select(columns)
    .from(workspaces)
    .where(eq(workspaces.id, target.workspaceId))
    .for("update");
  if (!existing) throw notFound("Workspace", target.workspaceId);
  const counts = await countWorkspaceRows(tx, existing.id);
  const held = CONTENT_TABLES.filter((table) => (counts[table] ?? 0) > 0).map((table) => `${counts[table]} ${table}`);
  if (held.length > 0) {
    throw new AppError(
      "INVALID_STATE",
      `Workspace “${existing.name}” is not empty (it holds ${held.join(", ")}); an archive imports only into an empty workspace. Import it into a new workspace instead.`,
    );
  }
  // the archive's amounts are in its currency
  await tx.update(workspaces).set({ currency: manifest.workspace.currency }).where(eq(workspaces.id, existing.id));
  return existing;
}

/** Per archived table of the manifest: its columns, checked against the live table. */
async function planTables(tx: ArchiveDb, manifest: ArchiveManifest): Promise<Map<string, TablePlan>> {
  const plans = new Map<string, TablePlan>();
  for (const entry of manifest.tables) {
    const spec = ARCHIVE_TABLES.find((table) => table.name === entry.name);
    if (!spec) {
      throw invalid(
        `The archive holds a table “${entry.name}” this version of Touchpoint does not know; upgrade it first.`,
      );
    }
    const live = await liveColumns(tx, spec.name);
    const unknown = entry.columns.filter((column) => !live.includes(column) || column === "workspace_id");
    if (unknown.length > 0) {
      throw invalid(
        `The archive's ${spec.name} has columns this Touchpoint does not know (${unknown.join(", ")}); upgrade it first.`,
      );
    }
    plans.set(spec.name, { spec, columns: entry.columns, hasWorkspaceId: live.includes("workspace_id") });
  }
  return plans;
}

/** Reads part files in order and writes their rows in batches. */
class TableLoader {
  private readonly read: Record<string, number> = {};
  private position = 0;
  createdUsers = 0;

  constructor(
    private readonly tx: ArchiveDb,
    private readonly workspaceId: number,
    private readonly plans: Map<string, TablePlan>,
    private readonly manifest: ArchiveManifest,
    private readonly onProgress?: (progress: ArchiveImportProgress) => void,
  ) {}

  async load(file: TarFile): Promise<void> {
    const table = archivePartTable(file.name);
    const plan = table ? this.plans.get(table) : undefined;
    if (!table || !plan)
      throw invalid(`The archive holds a file ${file.name} that is not part of any table of its manifest.`);
    const position = ARCHIVE_TABLES.indexOf(plan.spec);
    if (position < this.position) {
      throw invalid(`The archive's files are out of order (${file.name} after a later table): export it again.`);
    }
    this.position = position;
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(file.data);
    } catch {
      throw invalid(`${file.name} is not UTF-8 text: the archive is damaged.`);
    }
    const lines = text.split("\n");
    if (lines.at(-1) === "") lines.pop();
    let batch: string[] = [];
    let bytes = 0;
    let first = 1;
    for (const [index, line] of lines.entries()) {
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch {
        row = null;
      }
      if (typeof row !== "object" || row === null || Array.isArray(row)) {
        throw invalid(`${file.name}, line ${index + 1}: not a JSON object; the archive is damaged.`);
      }
      batch.push(line);
      bytes += line.length;
      if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) {
        await this.write(plan, file.name, first, batch);
        first = index + 2;
        batch = [];
        bytes = 0;
      }
    }
    if (batch.length > 0) await this.write(plan, file.name, first, batch);
  }

  private async write(plan: TablePlan, fileName: string, firstLine: number, lines: string[]): Promise<void> {
    const table = plan.spec.name;
    if (table === USERS_TABLE) {
      await this.writeUsers(lines.map((line) => JSON.parse(line) as ArchivedUser));
    } else {
      let result;
      try {
        [result] = await queryRows<{ inserted: number; missingColumn: string | null; missingRef: string | null }>(
          this.tx as Db,
          insertBatch(plan, this.workspaceId, `[${lines.join(",")}]`),
        );
      } catch (error) {
        // drizzle wraps the database's error in a "Failed query" one that quotes the whole statement
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
        const reason = cause instanceof Error ? cause.message : String(cause);
        throw invalid(
          `${fileName}, lines ${firstLine}–${firstLine + lines.length - 1}: the database refused a row (${reason}).`,
        );
      }
      if (result?.missingColumn) {
        throw invalid(
          `${fileName}, lines ${firstLine}–${firstLine + lines.length - 1}: ${result.missingColumn} ${result.missingRef} names a row the archive does not hold.`,
        );
      }
    }
    this.read[table] = (this.read[table] ?? 0) + lines.length;
    const total = this.manifest.tables.find((entry) => entry.name === table)?.rows ?? 0;
    this.onProgress?.({ table, rowsDone: this.read[table], rowsTotal: total });
  }

  /** Users by e-mail: the known ones keep their account; the others get one without a password. */
  private async writeUsers(rows: ArchivedUser[]): Promise<void> {
    const emails = rows.map((row) => String(row.email ?? "").toLowerCase());
    const known = await this.tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.email, emails));
    const byEmail = new Map(known.map((row) => [row.email, row.id]));
    const unknown = rows.filter((row, i) => !byEmail.has(emails[i]!));
    if (unknown.length > 0) {
      let created;
      try {
        created = await this.tx
          .insert(users)
          .values(
            unknown.map((row) => ({
              email: String(row.email).toLowerCase(),
              name: String(row.name ?? row.email),
              passwordHash: NO_PASSWORD,
              ...(row.created_at ? { createdAt: new Date(row.created_at) } : {}),
            })),
          )
          .returning({ id: users.id, email: users.email });
      } catch (error) {
        throw invalid(`users: an account could not be created (${error instanceof Error ? error.message : error}).`);
      }
      for (const row of created) byEmail.set(row.email, row.id);
      this.createdUsers += created.length;
    }
    const pairs = rows.map((row, i) => ({ old: Number(row.id), new: byEmail.get(emails[i]!)! }));
    await this.tx.execute(
      sql`INSERT INTO pg_temp.archive_ids (tbl, old_id, new_id)
        SELECT ${USERS_TABLE}, (p ->> 'old')::bigint, (p ->> 'new')::bigint FROM jsonb_array_elements(${JSON.stringify(pairs)}::jsonb) p`,
    );
  }

  /** Rows read per table; refuses an archive whose rows do not add up to its manifest's counts. */
  finish(): Record<string, number> {
    for (const entry of this.manifest.tables) {
      const read = this.read[entry.name] ?? 0;
      if (read !== entry.rows) {
        throw invalid(
          `The archive holds ${read} rows of ${entry.name} where its manifest counts ${entry.rows}: it is incomplete or damaged.`,
        );
      }
    }
    return Object.fromEntries(this.manifest.tables.map((entry) => [entry.name, entry.rows]));
  }
}

interface ArchivedUser {
  id: number;
  email: string;
  name?: string;
  created_at?: string;
}
