import "server-only";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { MIGRATIONS_FOLDER, queryRows } from "@/db/client";
import { ARCHIVE_EXCLUDED, ARCHIVE_TABLES, type ArchiveTable, USERS_TABLE } from "../domain/export/archive";
import type { Tx } from "./audit";

/** The database as the archive services use it: a handle or an open transaction. */
export type ArchiveDb = Tx;

const rows = <T>(db: ArchiveDb, query: SQL) => queryRows<T>(db as Db, query);

/**
 * The tags of the migrations applied to this database, oldest first (drizzle records each
 * migration's journal timestamp; the journal names it). The last one is the schema version an
 * archive records and an import compares against.
 */
export async function appliedMigrationTags(db: ArchiveDb): Promise<string[]> {
  const journal = JSON.parse(await readFile(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  const applied = await rows<{ when: string }>(
    db,
    sql`SELECT created_at::text AS "when" FROM drizzle.__drizzle_migrations`,
  );
  const done = new Set(applied.map((row) => Number(row.when)));
  return journal.entries.filter((entry) => done.has(entry.when)).map((entry) => entry.tag);
}

/** The columns of a table as the database has them now, in their order (generated ones left out). */
export async function liveColumns(db: ArchiveDb, table: string): Promise<string[]> {
  const found = await rows<{ name: string }>(
    db,
    sql`SELECT a.attname AS name FROM pg_attribute a
      WHERE a.attrelid = to_regclass(${`public.${table}`}) AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY a.attnum`,
  );
  return found.map((row) => row.name);
}

/** The columns an archive carries for `spec`: every live column but workspace_id and the omitted ones. */
export async function archivedColumns(db: ArchiveDb, spec: ArchiveTable): Promise<string[]> {
  return (await liveColumns(db, spec.name)).filter((name) => name !== "workspace_id" && !spec.omit?.[name]);
}

const id = (name: string) => sql.identifier(name);

/** `FROM` and `WHERE` of a table's rows in one workspace (`t` is the table, `p` its parent). */
export function workspaceRows(spec: ArchiveTable, workspaceId: number): SQL {
  if (spec.name === USERS_TABLE) return sql`${id(spec.name)} t WHERE t.id IN (${workspaceUserIds(workspaceId)})`;
  if (spec.parent) {
    return sql`${id(spec.name)} t JOIN ${id(spec.parent.table)} p ON p.id = t.${id(spec.parent.column)}
      WHERE p.workspace_id = ${workspaceId}`;
  }
  return sql`${id(spec.name)} t WHERE t.workspace_id = ${workspaceId}`;
}

/**
 * The users a workspace's rows name: its members, and whoever a row points at (an assignee, an
 * author, an actor of the audit log) even after they left it.
 */
function workspaceUserIds(workspaceId: number): SQL {
  const selects = ARCHIVE_TABLES.flatMap((spec) =>
    Object.entries(spec.refs)
      .filter(([, target]) => target === USERS_TABLE)
      .map(([column]) => sql`SELECT t.${id(column)} FROM ${workspaceRows(spec, workspaceId)}`),
  );
  return sql.join(selects, sql` UNION `);
}

/** Rows per archived table in one workspace (users: the users its rows name). */
export async function countWorkspaceRows(db: ArchiveDb, workspaceId: number): Promise<Record<string, number>> {
  const counts = sql.join(
    ARCHIVE_TABLES.map(
      (spec) => sql`SELECT ${spec.name} AS name, count(*)::int AS n FROM ${workspaceRows(spec, workspaceId)}`,
    ),
    sql` UNION ALL `,
  );
  const found = await rows<{ name: string; n: number }>(db, counts);
  return Object.fromEntries(found.map((row) => [row.name, row.n]));
}

/**
 * Tables whose rows make a workspace "not empty" for an import: everything but its members, the
 * users they are and its audit log (a new workspace may have been renamed, and an import appends
 * to the log).
 */
export const CONTENT_TABLES = ARCHIVE_TABLES.map((spec) => spec.name).filter(
  (name) => name !== USERS_TABLE && name !== "memberships" && name !== "audit_events",
);

/** What Settings → Data shows: rows per archived table, and whether an archive may be imported here (empty). */
export async function summarizeWorkspaceArchive(db: ArchiveDb, workspaceId: number) {
  const rows = await countWorkspaceRows(db, workspaceId);
  return {
    rows,
    empty: CONTENT_TABLES.every((table) => (rows[table] ?? 0) === 0),
    excluded: Object.keys(ARCHIVE_EXCLUDED),
  };
}
