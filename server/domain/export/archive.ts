import { z } from "zod";

/**
 * The whole-workspace archive: one gzip-compressed ustar file holding `manifest.json` first, then
 * each table's rows as JSON lines (`<table>/00001.jsonl`, `<table>/00002.jsonl`, … parts of at most
 * ARCHIVE_PART_BYTES), tables in ARCHIVE_TABLES order — parents before children, so an import reads
 * it once, front to back, renumbering ids as it goes.
 *
 * A line is the row as PostgreSQL's `to_jsonb` writes it (snake_case columns, exact decimals,
 * timestamps with microseconds and offset) without `workspace_id`; ids are the source database's.
 */
export const ARCHIVE_FORMAT = "touchpoint-workspace-archive";
export const ARCHIVE_FORMAT_VERSION = 1;
export const ARCHIVE_MANIFEST = "manifest.json";
/** A part file is cut after the line that takes it past this size (bounded memory on both sides). */
export const ARCHIVE_PART_BYTES = 4 * 1024 * 1024;
/** The largest file an import reads: a part of ARCHIVE_PART_BYTES plus its longest line. */
export const ARCHIVE_MAX_FILE_BYTES = 64 * 1024 * 1024;
/** The users table is special: matched by e-mail on import, never renumbered blindly. */
export const USERS_TABLE = "users";

/** How one table's rows travel. */
export interface ArchiveTable {
  name: string;
  /** An `id` identity column of its own: every row gets a new id on import. */
  ownId: boolean;
  /** Rows without a workspace_id belong to the workspace through this parent's row. */
  parent?: { table: string; column: string };
  /** Columns holding ids of another archived table: rewritten to that row's new id. */
  refs: Readonly<Record<string, string>>;
  /** A unique key, the export's keyset order. */
  key: readonly string[];
  /** Columns left out of the archive, with why (the manifest says so). */
  omit?: Readonly<Record<string, string>>;
}

const users = USERS_TABLE;

/** Every table the archive carries, parents before children (the import's order). */
export const ARCHIVE_TABLES: readonly ArchiveTable[] = [
  {
    name: users,
    ownId: true,
    refs: {},
    key: ["id"],
    omit: {
      password_hash:
        "Password hashes stay in the source installation; imported accounts new here cannot sign in until an admin sets a password.",
    },
  },
  { name: "memberships", ownId: false, refs: { user_id: users }, key: ["user_id"] },
  { name: "teams", ownId: true, refs: {}, key: ["id"] },
  {
    name: "team_members",
    ownId: false,
    parent: { table: "teams", column: "team_id" },
    refs: { team_id: "teams", user_id: users },
    key: ["team_id", "user_id"],
  },
  { name: "segments", ownId: true, refs: {}, key: ["id"] },
  { name: "journey_stages", ownId: true, refs: {}, key: ["id"] },
  { name: "touchpoints", ownId: true, refs: { stage_id: "journey_stages" }, key: ["id"] },
  { name: "themes", ownId: true, refs: {}, key: ["id"] },
  { name: "sla_policies", ownId: false, refs: {}, key: ["priority"] },
  { name: "customers", ownId: true, refs: { segment_id: "segments" }, key: ["id"] },
  {
    name: "feedback",
    ownId: true,
    refs: {
      customer_id: "customers",
      stage_id: "journey_stages",
      touchpoint_id: "touchpoints",
      assignee_id: users,
      team_id: "teams",
      updated_by: users,
    },
    key: ["id"],
  },
  {
    name: "feedback_themes",
    ownId: false,
    parent: { table: "feedback", column: "feedback_id" },
    refs: { feedback_id: "feedback", theme_id: "themes" },
    key: ["feedback_id", "theme_id"],
  },
  { name: "feedback_flags", ownId: true, refs: { feedback_id: "feedback", reviewed_by: users }, key: ["id"] },
  { name: "feedback_comments", ownId: true, refs: { feedback_id: "feedback", author_id: users }, key: ["id"] },
  { name: "orders", ownId: true, refs: { customer_id: "customers" }, key: ["id"] },
  {
    name: "kpi_targets",
    ownId: true,
    refs: { segment_id: "segments", stage_id: "journey_stages", created_by: users },
    key: ["id"],
  },
  {
    name: "actions",
    ownId: true,
    refs: {
      owner_team_id: "teams",
      assignee_id: users,
      scope_segment_id: "segments",
      scope_stage_id: "journey_stages",
      scope_theme_id: "themes",
      created_by: users,
    },
    key: ["id"],
  },
  {
    name: "action_status_changes",
    ownId: true,
    parent: { table: "actions", column: "action_id" },
    refs: { action_id: "actions", changed_by: users },
    key: ["id"],
  },
  {
    name: "action_feedback",
    ownId: false,
    parent: { table: "actions", column: "action_id" },
    refs: { action_id: "actions", feedback_id: "feedback" },
    key: ["action_id", "feedback_id"],
  },
  { name: "action_comments", ownId: true, refs: { action_id: "actions", author_id: users }, key: ["id"] },
  {
    name: "imports",
    ownId: true,
    refs: { created_by: users },
    key: ["id"],
    omit: {
      upload_id: "The uploaded CSV files stay in the source installation's upload folder.",
      job_id: "The background jobs that ran the imports are not archived.",
    },
  },
  {
    name: "import_changes",
    ownId: false,
    parent: { table: "imports", column: "import_id" },
    // row_id names a row of the entity's table: rewritten by IMPORT_CHANGE_TABLES, not as a plain reference
    refs: { import_id: "imports" },
    key: ["import_id", "entity", "row_id"],
  },
  { name: "import_mappings", ownId: true, refs: { created_by: users }, key: ["id"] },
  { name: "audit_events", ownId: true, refs: { actor_id: users }, key: ["id"] },
];

/** Tables of a workspace the archive leaves out, with why; an import does not need them. */
export const ARCHIVE_EXCLUDED: Readonly<Record<string, string>> = {
  api_keys:
    "Secrets: only each key's hash is stored and a key is useless without its token. Create new keys after the import.",
  webhook_endpoints:
    "Secrets: signing secrets and URL tokens of the survey-tool webhooks. Create the endpoints again after the import.",
  ingest_requests:
    "Operational: the REST API's stored answers for Idempotency-Key replays, tied to the API keys above.",
  jobs: "Operational: the background job queue (runs, progress, retries).",
  webhook_deliveries:
    "Operational: the delivery log of the webhook endpoints above (status and message of each recent delivery), not data.",
  feedback_rollup: "Derived: recomputed from feedback on import.",
  orders_rollup: "Derived: recomputed from orders on import.",
  customer_state: "Derived: recomputed from customers and feedback on import.",
  customer_rollup: "Derived: recomputed from customers on import.",
  rollup_dirty: "Derived: bookkeeping of the rollups.",
  journey_rollup: "Derived: recomputed from feedback when the journey map is read.",
  friction_rollup: "Derived: recomputed from feedback when the journey map is read.",
  journey_rollup_dirty: "Derived: bookkeeping of the journey rollups.",
};

/** import_changes.row_id holds an id of the table its `entity` names. */
export const IMPORT_CHANGE_TABLES: Readonly<Record<string, string>> = {
  feedback: "feedback",
  customer: "customers",
  order: "orders",
};

/**
 * audit_events.entity_id holds an id of the table its `entity_type` names; `workspace` and
 * `sla_policy` events name the workspace itself. Other types (API keys, webhook endpoints: not in
 * the archive) keep their id as written.
 */
export const AUDIT_ENTITY_TABLES: Readonly<Record<string, string>> = {
  customer: "customers",
  feedback: "feedback",
  action: "actions",
  kpi_target: "kpi_targets",
  segment: "segments",
  theme: "themes",
  journey_stage: "journey_stages",
  touchpoint: "touchpoints",
  team: "teams",
  import: "imports",
};
export const AUDIT_WORKSPACE_ENTITIES = ["workspace", "sla_policy"] as const;

/** What the manifest says beyond the counts: the limits of the archive, in plain words. */
export const ARCHIVE_NOTES = [
  "Ids are the source database's; an import gives every row a new id and rewrites every reference to it.",
  "Users are matched by e-mail on import; a user unknown there is created without a password.",
  "Audit events keep their before/after snapshots verbatim: ids inside them are the source database's.",
  "The export reads one consistent snapshot of the database.",
];

const tableEntry = z.object({
  name: z.string().min(1),
  rows: z.number().int().min(0),
  columns: z.array(z.string().min(1)),
});

/** manifest.json, as an import checks it before reading any row. */
export const archiveManifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT, { error: "This file is not a Touchpoint workspace archive." }),
  formatVersion: z.literal(ARCHIVE_FORMAT_VERSION, {
    error: `This archive's format version is not ${ARCHIVE_FORMAT_VERSION}; export it again with this version of Touchpoint.`,
  }),
  schemaVersion: z.string().min(1),
  exportedAt: z.string().min(1),
  workspace: z.object({
    id: z.number().int(),
    slug: z.string(),
    name: z.string(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    createdAt: z.string(),
  }),
  tables: z.array(tableEntry),
  excluded: z.array(z.object({ table: z.string(), reason: z.string() })),
  omittedColumns: z.array(z.object({ table: z.string(), column: z.string(), reason: z.string() })),
  notes: z.array(z.string()),
});
export type ArchiveManifest = z.infer<typeof archiveManifestSchema>;

/** The name of a table's `n`-th part file (from 1): `feedback/00001.jsonl`. */
export function archivePartName(table: string, n: number): string {
  return `${table}/${String(n).padStart(5, "0")}.jsonl`;
}

/** The table a part file belongs to, or null when the name is not a part file's. */
export function archivePartTable(name: string): string | null {
  const match = /^([a-z_]+)\/\d{5,}\.jsonl$/.exec(name);
  return match ? match[1]! : null;
}
