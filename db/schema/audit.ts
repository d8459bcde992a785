import { bigint, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";
import { workspaces } from "./workspaces";

/**
 * Who did what to which record, when, with before/after snapshots. Append-only: a trigger
 * (migration 0001) rejects UPDATE and DELETE. Written in the same transaction as the change.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    actorId: integer().references(() => users.id, { onDelete: "set null" }),
    /** Verb in `domain.verb` form, e.g. `feedback.setStatus`. */
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    before: jsonb(),
    after: jsonb(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // history of one record (detail panels)
    index("audit_events_entity_idx").on(t.workspaceId, t.entityType, t.entityId),
    // workspace audit log, newest first
    index("audit_events_workspace_at_idx").on(t.workspaceId, t.at),
    index("audit_events_actor_idx").on(t.actorId),
  ],
);
