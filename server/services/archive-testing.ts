import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { queryRows } from "@/db/client";
import {
  ARCHIVE_TABLES,
  type ArchiveTable,
  AUDIT_ENTITY_TABLES,
  AUDIT_WORKSPACE_ENTITIES,
  IMPORT_CHANGE_TABLES,
} from "../domain/export/archive";
import { workspaceRows } from "./archive-schema";

// Test-only: a workspace's rows in a form free of ids, so two workspaces (the original and its
// imported copy) compare row by row. Every id becomes the referenced row's own content (and, in
// turn, its references'), so a reference rewritten to the wrong row shows as a difference.

/** Columns whose value is an id the canonical form replaces (beyond `id` and the declared references). */
const SPECIAL: Record<string, string[]> = {
  import_changes: ["row_id", "before"],
  audit_events: ["entity_id"],
};

interface RawRow {
  id: string | null;
  content: string;
  refs: Record<string, string | null>;
  special: Record<string, unknown>;
}

/** Every archived table's rows of `workspaceId` as sorted canonical strings, by table. */
export async function canonicalWorkspace(db: Db, workspaceId: number): Promise<Record<string, string[]>> {
  const raw = new Map<string, RawRow[]>();
  for (const spec of ARCHIVE_TABLES) raw.set(spec.name, await readRows(db, spec, workspaceId));
  const byId = new Map<string, Map<string, RawRow>>();
  for (const [table, rows] of raw) byId.set(table, new Map(rows.filter((r) => r.id !== null).map((r) => [r.id!, r])));
  const memo = new Map<string, string>();

  /** A row's identity without ids: its content and, recursively, what its references point at. */
  const keyOf = (table: string, id: string | null | undefined): string => {
    if (id === null || id === undefined) return "∅";
    const row = byId.get(table)?.get(id);
    if (!row) return `dangling ${table}`;
    const memoKey = `${table}:${id}`;
    let key = memo.get(memoKey);
    if (key === undefined) {
      const spec = ARCHIVE_TABLES.find((s) => s.name === table)!;
      key = `${row.content}${Object.entries(spec.refs)
        .map(([column, target]) => `|${column}=${keyOf(target, row.refs[column])}`)
        .join("")}`;
      memo.set(memoKey, key);
    }
    return key;
  };

  const result: Record<string, string[]> = {};
  for (const spec of ARCHIVE_TABLES) {
    result[spec.name] = raw
      .get(spec.name)!
      .map((row) => {
        const own = row.id === null ? "" : keyOf(spec.name, row.id);
        const refs = Object.entries(spec.refs).map(
          ([column, target]) => `${column}=${keyOf(target, row.refs[column])}`,
        );
        return [own || row.content, ...refs, ...specialKeys(spec.name, row, keyOf)].join("|");
      })
      .sort();
  }
  return result;
}

function specialKeys(table: string, row: RawRow, keyOf: (table: string, id: string | null) => string): string[] {
  if (table === "import_changes") {
    const entityTable = IMPORT_CHANGE_TABLES[String(row.special.entity)]!;
    const before = row.special.before as Record<string, unknown> | null;
    const beforeKey = before
      ? JSON.stringify({
          ...before,
          id: keyOf(entityTable, before.id == null ? null : String(before.id)),
          workspace_id: "workspace",
          ...("customer_id" in before
            ? { customer_id: keyOf("customers", before.customer_id == null ? null : String(before.customer_id)) }
            : {}),
          ...("segment_id" in before
            ? { segment_id: keyOf("segments", before.segment_id == null ? null : String(before.segment_id)) }
            : {}),
        })
      : "∅";
    return [`row=${keyOf(entityTable, String(row.special.row_id))}`, `before=${beforeKey}`];
  }
  if (table === "audit_events") {
    const type = String(row.special.entity_type);
    const entityId = String(row.special.entity_id);
    if ((AUDIT_WORKSPACE_ENTITIES as readonly string[]).includes(type)) return ["entity=workspace"];
    const target = AUDIT_ENTITY_TABLES[type];
    const key = target ? keyOf(target, entityId) : `dangling`;
    return [`entity=${key.startsWith("dangling") ? entityId : key}`];
  }
  return [];
}

async function readRows(db: Db, spec: ArchiveTable, workspaceId: number): Promise<RawRow[]> {
  const refColumns = Object.keys(spec.refs);
  const special = SPECIAL[spec.name] ?? [];
  const dropped = ["id", "workspace_id", ...refColumns, ...special, ...Object.keys(spec.omit ?? {})];
  const refs: SQL = refColumns.length
    ? sql`, jsonb_build_object(${sql.join(
        refColumns.map((c) => sql`${c}::text, t.${sql.identifier(c)}::text`),
        sql`, `,
      )}) AS refs`
    : sql`, '{}'::jsonb AS refs`;
  const specials: SQL = sql`, jsonb_build_object(${sql.join(
    [
      ...special,
      ...(spec.name === "import_changes" ? ["entity"] : []),
      ...(spec.name === "audit_events" ? ["entity_type"] : []),
    ].map((c) => sql`${c}::text, t.${sql.identifier(c)}`),
    sql`, `,
  )}) AS special`;
  const ownId = spec.ownId ? sql`t.id::text` : sql`NULL::text`;
  const rows = await queryRows<{
    id: string | null;
    content: string;
    refs: Record<string, string | null>;
    special: Record<string, unknown>;
  }>(
    db,
    sql`SELECT ${ownId} AS id, (to_jsonb(t) - ARRAY[${sql.join(
      dropped.map((c) => sql`${c}`),
      sql`, `,
    )}]::text[])::text AS content ${refs} ${specials}
      FROM ${workspaceRows(spec, workspaceId)}`,
  );
  return rows.map((row) => ({
    ...row,
    refs: typeof row.refs === "string" ? JSON.parse(row.refs) : row.refs,
    special: typeof row.special === "string" ? JSON.parse(row.special) : row.special,
  }));
}
