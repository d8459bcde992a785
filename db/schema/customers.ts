import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { channelEnum } from "./enums";
import { segments } from "./segments";
import { workspaces } from "./workspaces";

export const customers = pgTable(
  "customers",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    externalId: text().notNull(),
    /** PII: erased (set null) on a GDPR deletion request. */
    name: text(),
    /** PII: erased (set null) on a GDPR deletion request. */
    email: text(),
    segmentId: integer(),
    region: text(),
    preferredChannel: channelEnum(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    churnedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique("customers_workspace_external_id_key").on(t.workspaceId, t.externalId),
    // target of same-workspace composite foreign keys
    unique("customers_workspace_id_key").on(t.workspaceId, t.id),
    // a customer's segment must belong to the customer's workspace
    foreignKey({
      name: "customers_segment_fk",
      columns: [t.workspaceId, t.segmentId],
      foreignColumns: [segments.workspaceId, segments.id],
    }),
    // customers per segment (segment sizes, churn per segment)
    index("customers_workspace_segment_idx").on(t.workspaceId, t.segmentId),
    check("customers_churn_after_creation", sql`${t.churnedAt} IS NULL OR ${t.churnedAt} >= ${t.createdAt}`),
  ],
);
