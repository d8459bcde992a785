import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { copyLine, copyRows, type CopyTransaction } from "../copy-rows";
import type {
  ActionFeedbackRow,
  AnalysedFeedbackRow,
  ActionRow,
  ActionStatusChangeRow,
  CustomerRow,
  FeedbackRow,
  FeedbackThemeRow,
  KpiTargetRow,
  MembershipRow,
  OrderRow,
  SegmentRow,
  SlaPolicyRow,
  StageRow,
  TeamMemberRow,
  TeamRow,
  ThemeRow,
  TouchpointRow,
  WorkspaceRow,
} from "./rows";

/** Anything that can run a statement: the database or a transaction. */
export type Executor = Pick<Db, "execute">;

/**
 * Bulk insert through one JSON parameter: `INSERT … SELECT … FROM json_to_recordset($1)`.
 * One bind parameter per statement whatever the row count (PostgreSQL allows 65,535 per
 * statement, which caps classic multi-row VALUES at ~2,000 feedback rows), the same SQL on PGlite
 * and on a server, and PostgreSQL parses the rows in C instead of planning thousands of parameters.
 */
export interface TableSpec<R> {
  table: string;
  /** Row key and the PostgreSQL type it is read as; the column is the key in snake_case. */
  columns: ReadonlyArray<readonly [key: keyof R & string, type: string]>;
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

interface PreparedSpec {
  table: string;
  insertColumns: string;
  selectList: string;
  recordDefinition: string;
}

const prepared = new WeakMap<object, PreparedSpec>();

function prepare<R>(spec: TableSpec<R>): PreparedSpec {
  let p = prepared.get(spec);
  if (!p) {
    p = {
      table: `"${spec.table}"`,
      insertColumns: spec.columns.map(([key]) => `"${snake(key)}"`).join(", "),
      selectList: spec.columns.map(([key]) => `r."${key}"`).join(", "),
      recordDefinition: spec.columns.map(([key, type]) => `"${key}" ${type}`).join(", "),
    };
    prepared.set(spec, p);
  }
  return p;
}

/** Insert `rows` in statements of at most `maxRows` rows each. */
export async function insertRows<R>(
  db: Executor,
  spec: TableSpec<R>,
  rows: readonly R[],
  maxRows = 5_000,
): Promise<void> {
  const p = prepare(spec);
  for (let start = 0; start < rows.length; start += maxRows) {
    const json = JSON.stringify(rows.length <= maxRows ? rows : rows.slice(start, start + maxRows));
    await db.execute(
      sql`INSERT INTO ${sql.raw(p.table)} (${sql.raw(p.insertColumns)}) SELECT ${sql.raw(p.selectList)} FROM json_to_recordset(${json}::json) AS r(${sql.raw(p.recordDefinition)})`,
    );
  }
}

/**
 * Insert `rows` with COPY (db/copy-rows.ts) in the caller's transaction: the bulk path the seed
 * writes its customers, orders, feedback and theme links by (for the CSV import, COPY cost about
 * half the JSON statements per row). Values are strings, numbers, booleans, null or arrays (no jsonb).
 */
export async function copyTableRows<R>(tx: CopyTransaction, spec: TableSpec<R>, rows: readonly R[]): Promise<void> {
  if (rows.length === 0) return;
  const keys = spec.columns.map(([key]) => key);
  let text = "";
  for (const row of rows) {
    text += copyLine(keys.map((key) => row[key] as Parameters<typeof copyLine>[0][number])) + "\n";
  }
  await copyRows(tx, spec.table, keys.map(snake), text);
}

const TS = "timestamptz";

export const WORKSPACES: TableSpec<WorkspaceRow> = {
  table: "workspaces",
  columns: [
    ["id", "int"],
    ["slug", "text"],
    ["name", "text"],
    ["currency", "text"],
    ["createdAt", TS],
  ],
};

export const MEMBERSHIPS: TableSpec<MembershipRow> = {
  table: "memberships",
  columns: [
    ["workspaceId", "int"],
    ["userId", "int"],
    ["role", "role"],
    ["createdAt", TS],
  ],
};

export const TEAMS: TableSpec<TeamRow> = {
  table: "teams",
  columns: [
    ["id", "int"],
    ["workspaceId", "int"],
    ["name", "text"],
    ["createdAt", TS],
  ],
};

export const TEAM_MEMBERS: TableSpec<TeamMemberRow> = {
  table: "team_members",
  columns: [
    ["teamId", "int"],
    ["userId", "int"],
  ],
};

export const SEGMENTS: TableSpec<SegmentRow> = {
  table: "segments",
  columns: [
    ["id", "int"],
    ["workspaceId", "int"],
    ["name", "text"],
    ["description", "text"],
    ["color", "text"],
    ["createdAt", TS],
  ],
};

export const JOURNEY_STAGES: TableSpec<StageRow> = {
  table: "journey_stages",
  columns: [
    ["id", "int"],
    ["workspaceId", "int"],
    ["name", "text"],
    ["position", "int"],
    ["mainMetric", "metric_kind"],
  ],
};

export const TOUCHPOINTS: TableSpec<TouchpointRow> = {
  table: "touchpoints",
  columns: [
    ["id", "int"],
    ["workspaceId", "int"],
    ["stageId", "int"],
    ["name", "text"],
    ["channel", "channel"],
  ],
};

export const THEMES: TableSpec<ThemeRow> = {
  table: "themes",
  columns: [
    ["id", "int"],
    ["workspaceId", "int"],
    ["name", "text"],
    ["keywords", "jsonb"],
    ["createdAt", TS],
  ],
};

export const SLA_POLICIES: TableSpec<SlaPolicyRow> = {
  table: "sla_policies",
  columns: [
    ["workspaceId", "int"],
    ["priority", "priority"],
    ["firstResponseHours", "int"],
    ["resolutionHours", "int"],
  ],
};

export const CUSTOMERS: TableSpec<CustomerRow> = {
  table: "customers",
  columns: [
    ["id", "int"],
    ["workspaceId", "int"],
    ["externalId", "text"],
    ["name", "text"],
    ["email", "text"],
    ["segmentId", "int"],
    ["region", "text"],
    ["preferredChannel", "channel"],
    ["createdAt", TS],
    ["churnedAt", TS],
  ],
};

export const ORDERS: TableSpec<OrderRow> = {
  table: "orders",
  columns: [
    ["id", "int"],
    ["workspaceId", "int"],
    ["customerId", "int"],
    ["externalId", "text"],
    ["kind", "order_kind"],
    ["amount", "numeric(14,2)"],
    ["currency", "text"],
    ["orderedAt", TS],
    ["channel", "channel"],
  ],
};

export const FEEDBACK: TableSpec<FeedbackRow> = {
  table: "feedback",
  columns: [
    ["id", "int"],
    ["workspaceId", "int"],
    ["customerId", "int"],
    ["source", "feedback_source"],
    ["externalId", "text"],
    ["channel", "channel"],
    ["stageId", "int"],
    ["touchpointId", "int"],
    ["metricKind", "metric_kind"],
    ["score", "smallint"],
    ["text", "text"],
    ["language", "text"],
    ["sentiment", "real"],
    ["sentimentLabel", "sentiment_label"],
    ["receivedAt", TS],
    ["status", "feedback_status"],
    ["priority", "priority"],
    ["assigneeId", "int"],
    ["teamId", "int"],
    ["dueAt", TS],
    ["firstTriagedAt", TS],
    ["resolvedAt", TS],
    ["resolutionNote", "text"],
    ["customerContacted", "boolean"],
    ["dismissReason", "text"],
    ["version", "int"],
    ["createdAt", TS],
    ["updatedAt", TS],
  ],
};

/** Feedback written analysed (./analyse.ts): the columns of FEEDBACK and what the analysis sets. */
export const ANALYSED_FEEDBACK: TableSpec<AnalysedFeedbackRow> = {
  table: "feedback",
  columns: [
    ...FEEDBACK.columns,
    ["sentimentSource", "text"],
    ["searchTerms", "text[]"],
    ["textKey", "text"],
    ["analysedAt", TS],
  ],
};

export const FEEDBACK_THEMES: TableSpec<FeedbackThemeRow> = {
  table: "feedback_themes",
  columns: [
    ["feedbackId", "int"],
    ["themeId", "int"],
    ["origin", "theme_link_origin"],
  ],
};

export const KPI_TARGETS: TableSpec<KpiTargetRow> = {
  table: "kpi_targets",
  columns: [
    ["id", "int"],
    ["workspaceId", "int"],
    ["kpi", "kpi"],
    ["scope", "target_scope"],
    ["segmentId", "int"],
    ["stageId", "int"],
    ["channel", "channel"],
    ["targetValue", "numeric(14,2)"],
    ["periodStart", "date"],
    ["periodEnd", "date"],
    ["reviewDate", "date"],
    ["createdBy", "int"],
    ["createdAt", TS],
  ],
};

export const ACTIONS: TableSpec<ActionRow> = {
  table: "actions",
  columns: [
    ["id", "int"],
    ["workspaceId", "int"],
    ["title", "text"],
    ["description", "text"],
    ["ownerTeamId", "int"],
    ["assigneeId", "int"],
    ["status", "action_status"],
    ["dueDate", "date"],
    ["reviewDate", "date"],
    ["scopeSegmentId", "int"],
    ["scopeStageId", "int"],
    ["scopeChannel", "channel"],
    ["scopeThemeId", "int"],
    ["kpi", "kpi"],
    ["baseline", "numeric(14,2)"],
    ["target", "numeric(14,2)"],
    ["completedAt", TS],
    ["droppedReason", "text"],
    ["version", "int"],
    ["createdBy", "int"],
    ["createdAt", TS],
    ["updatedAt", TS],
  ],
};

export const ACTION_STATUS_CHANGES: TableSpec<ActionStatusChangeRow> = {
  table: "action_status_changes",
  columns: [
    ["id", "int"],
    ["actionId", "int"],
    ["fromStatus", "action_status"],
    ["toStatus", "action_status"],
    ["changedBy", "int"],
    ["changedAt", TS],
    ["note", "text"],
  ],
};

export const ACTION_FEEDBACK: TableSpec<ActionFeedbackRow> = {
  table: "action_feedback",
  columns: [
    ["actionId", "int"],
    ["feedbackId", "int"],
  ],
};

/** Tables whose ids the seed writes explicitly; their identity sequences are moved past max(id). */
export const TABLES_WITH_EXPLICIT_IDS = [
  "workspaces",
  "teams",
  "segments",
  "journey_stages",
  "touchpoints",
  "themes",
  "customers",
  "orders",
  "feedback",
  "kpi_targets",
  "actions",
  "action_status_changes",
] as const;

/** Move each identity sequence past the largest id, so later inserts without an id do not collide. */
export async function resetIdentitySequences(db: Executor): Promise<void> {
  for (const table of TABLES_WITH_EXPLICIT_IDS) {
    await db.execute(
      sql.raw(
        `SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce((SELECT max(id) FROM "${table}"), 0) + 1, false)`,
      ),
    );
  }
}
