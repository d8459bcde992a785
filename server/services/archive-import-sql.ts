import "server-only";
import { type SQL, sql } from "drizzle-orm";
import {
  ARCHIVE_TABLES,
  type ArchiveTable,
  AUDIT_ENTITY_TABLES,
  AUDIT_WORKSPACE_ENTITIES,
  IMPORT_CHANGE_TABLES,
} from "../domain/export/archive";

// The SQL of an archive import: rows go in as PostgreSQL parses the archive's JSON
// (jsonb_populate_recordset with the table's own row type: exact decimals, arrays, jsonb, enums),
// each with a new id from the table's identity sequence, every reference rewritten through
// pg_temp.archive_ids (table, old id → new id), filled as the parents go in.

const id = (name: string) => sql.identifier(name);

/** The mapping table of one import transaction; gone at commit or rollback. */
export const CREATE_ID_MAP = sql`CREATE TEMP TABLE archive_ids (tbl text NOT NULL, old_id bigint NOT NULL,
  new_id bigint NOT NULL, PRIMARY KEY (tbl, old_id)) ON COMMIT DROP`;

/** Tables whose old → new ids some later row needs: a reference, an import change or an audit event. */
export const MAPPED_TABLES: ReadonlySet<string> = new Set([
  ...ARCHIVE_TABLES.flatMap((spec) => Object.values(spec.refs)),
  ...Object.values(IMPORT_CHANGE_TABLES),
  ...Object.values(AUDIT_ENTITY_TABLES),
]);

/** The new id of `table`'s row whose old id is `old` (null when the archive has no such row). */
const mapped = (table: string, old: SQL) =>
  sql`(SELECT m.new_id FROM pg_temp.archive_ids m WHERE m.tbl = ${table} AND m.old_id = ${old})`;
const nextId = (table: string) => sql`nextval(pg_get_serial_sequence(${`public.${table}`}, 'id'))`;

/** What one table's import needs to know: the columns the archive gives and where the rows go. */
export interface TablePlan {
  spec: ArchiveTable;
  /** Archive columns (a subset of the table's live ones). */
  columns: readonly string[];
  hasWorkspaceId: boolean;
}

/** Column expressions that are more than "the value, or its new id". */
function specialColumn(table: string, column: string, workspaceId: number): SQL | null {
  if (table === "import_changes" && column === "row_id") {
    const cases = Object.entries(IMPORT_CHANGE_TABLES).map(
      // a row deleted since (an undone import): a fresh id, which can never name another row
      ([entity, target]) => sql`WHEN ${entity} THEN coalesce(${mapped(target, sql`src.row_id`)}, ${nextId(target)})`,
    );
    return sql`(CASE src.entity::text ${sql.join(cases, sql` `)} END)::int`;
  }
  if (table === "import_changes" && column === "before") {
    // the values an undo restores: their ids must be the new ones (unknown ones stay as written)
    const cases = Object.entries(IMPORT_CHANGE_TABLES).map(
      ([entity, target]) => sql`WHEN ${entity} THEN ${mapped(target, sql`src.row_id`)}`,
    );
    const ref = (key: string, target: string) =>
      sql`${key}::text, ${mapped(target, sql`(src.before ->> ${key})::bigint`)}`;
    return sql`CASE WHEN src.before IS NULL THEN NULL
      ELSE src.before || jsonb_build_object('workspace_id', ${workspaceId}::int) || jsonb_strip_nulls(jsonb_build_object(
        'id', CASE src.entity::text ${sql.join(cases, sql` `)} END,
        ${ref("customer_id", "customers")}, ${ref("segment_id", "segments")})) END`;
  }
  if (table === "audit_events" && column === "entity_id") {
    const cases = Object.entries(AUDIT_ENTITY_TABLES).map(
      ([type, target]) => sql`WHEN ${type} THEN ${mapped(target, sql`src.entity_id::bigint`)}::text`,
    );
    return sql`CASE WHEN src.entity_type IN (${sql.join(
      AUDIT_WORKSPACE_ENTITIES.map((type) => sql`${type}`),
      sql`, `,
    )}) THEN ${workspaceId}::text
      WHEN src.entity_id ~ '^[0-9]{1,18}$' THEN coalesce(CASE src.entity_type ${sql.join(cases, sql` `)} END, src.entity_id)
      ELSE src.entity_id END`;
  }
  return null;
}

function columnValue(plan: TablePlan, column: string, workspaceId: number): SQL {
  const { spec } = plan;
  if (column === "id" && spec.ownId) return sql`src.archive_new_id`;
  if (column === "workspace_id") return sql`${workspaceId}::int`;
  const target = spec.refs[column];
  if (target) return mapped(target, sql`src.${id(column)}`);
  return specialColumn(spec.name, column, workspaceId) ?? sql`src.${id(column)}`;
}

/**
 * One batch of a table's rows (`json`: a JSON array of its archive lines), in one statement that
 * first looks for a reference the archive cannot resolve and then writes nothing. Returns
 * `inserted`, and `missingColumn` / `missingRef` naming the first unresolved reference.
 */
export function insertBatch(plan: TablePlan, workspaceId: number, json: string): SQL {
  const { spec } = plan;
  const table = id(spec.name);
  const columns = [...plan.columns, ...(plan.hasWorkspaceId ? ["workspace_id"] : [])];
  const refs = Object.entries(spec.refs).filter(([column]) => plan.columns.includes(column));
  const missing = refs.length
    ? sql.join(
        refs.map(
          ([column, target]) => sql`SELECT ${column}::text AS col, src.${id(column)}::text AS ref FROM src
            WHERE src.${id(column)} IS NOT NULL AND ${mapped(target, sql`src.${id(column)}`)} IS NULL`,
        ),
        sql` UNION ALL `,
      )
    : sql`SELECT NULL::text AS col, NULL::text AS ref WHERE false`;
  const newId = spec.ownId ? sql`, ${nextId(spec.name)} AS archive_new_id` : sql``;
  const remember =
    spec.ownId && MAPPED_TABLES.has(spec.name)
      ? sql`, remembered AS (INSERT INTO pg_temp.archive_ids (tbl, old_id, new_id)
          SELECT ${spec.name}, src.id, src.archive_new_id FROM src WHERE NOT EXISTS (SELECT 1 FROM missing))`
      : sql``;
  // an existing member of the workspace keeps their role
  const conflict = spec.name === "memberships" ? sql`ON CONFLICT DO NOTHING` : sql``;
  return sql`WITH src AS (
      SELECT r.* ${newId} FROM jsonb_populate_recordset(NULL::${table}, ${json}::jsonb) AS r
    ), missing AS (${missing} LIMIT 1)${remember},
    written AS (
      INSERT INTO ${table} (${sql.join(
        columns.map((column) => id(column)),
        sql`, `,
      )})
      SELECT ${sql.join(
        columns.map((column) => columnValue(plan, column, workspaceId)),
        sql`, `,
      )}
      FROM src WHERE NOT EXISTS (SELECT 1 FROM missing) ${conflict} RETURNING 1
    )
    SELECT (SELECT count(*) FROM written)::int AS inserted, (SELECT col FROM missing) AS "missingColumn",
      (SELECT ref FROM missing) AS "missingRef"`;
}
