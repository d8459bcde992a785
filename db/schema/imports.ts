import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { IMPORT_ENTITIES } from "../../server/domain/ingest/mapping";
import { jobs } from "./jobs";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const importEntityEnum = pgEnum("import_entity", IMPORT_ENTITIES);
export const IMPORT_STATUSES = ["pending", "validating", "ready", "running", "done", "failed", "undone"] as const;
export const importStatusEnum = pgEnum("import_status", IMPORT_STATUSES);

/**
 * One CSV import run: the file, how it was read (encoding, column mapping), where it stands and
 * what it did. Counts are rows of the file (header excluded): read = valid + invalid; written rows
 * split into inserted, updated and skipped (invalid rows left out, or rows already identical).
 */
export const imports = pgTable(
  "imports",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    entity: importEntityEnum().notNull(),
    fileName: text().notNull(),
    encoding: text().notNull().default("utf-8"),
    mapping: jsonb().notNull(),
    status: importStatusEnum().notNull().default("pending"),
    rowsRead: integer().notNull().default(0),
    rowsValid: integer().notNull().default(0),
    rowsInvalid: integer().notNull().default(0),
    rowsInserted: integer().notNull().default(0),
    rowsUpdated: integer().notNull().default(0),
    rowsSkipped: integer().notNull().default(0),
    error: text(),
    /** The uploaded file (<upload dir>/<workspace>/<upload id>.csv) of an import made in Settings; null from the CLI. */
    uploadId: uuid(),
    /** The background job that runs it (Settings → Import), for its progress. */
    jobId: integer().references(() => jobs.id, { onDelete: "set null" }),
    createdBy: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // Settings → Import lists a workspace's imports, newest first
    index("imports_workspace_idx").on(t.workspaceId, t.createdAt),
    // a user's deletion sets created_by to null
    index("imports_created_by_idx").on(t.createdBy),
    // a job's deletion sets job_id to null
    index("imports_job_idx").on(t.jobId),
    check("imports_file_name_not_blank", sql`length(trim(${t.fileName})) > 0`),
  ],
);

/**
 * What an import changed, for undo: one row per record it inserted (`before` null) or updated
 * (`before` = the record's columns as they were, to restore them). A feedback import also lists the
 * customers it created. `row_id` is not a foreign key: undo must still know a row it deleted.
 */
export const importChanges = pgTable(
  "import_changes",
  {
    importId: integer()
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    entity: importEntityEnum().notNull(),
    rowId: integer().notNull(),
    before: jsonb(),
  },
  (t) => [
    // undo reads an import's changes; the key also serves the import foreign key
    primaryKey({ columns: [t.importId, t.entity, t.rowId] }),
    // undo refuses when a later import changed the same rows
    index("import_changes_entity_row_idx").on(t.entity, t.rowId),
  ],
);

/**
 * A named column mapping saved for reuse (Settings → Import): the same export from the same tool
 * imports again without mapping it by hand. `mapping` is a columnMappingInput, checked again when used.
 */
export const importMappings = pgTable(
  "import_mappings",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    entity: importEntityEnum().notNull(),
    name: text().notNull(),
    mapping: jsonb().notNull(),
    createdBy: integer().references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // saving under an existing name replaces it; the import page lists a workspace's mappings per entity by name
    unique("import_mappings_name_key").on(t.workspaceId, t.entity, t.name),
    // a user's deletion sets created_by to null
    index("import_mappings_created_by_idx").on(t.createdBy),
    check("import_mappings_name_not_blank", sql`length(trim(${t.name})) > 0`),
  ],
);
