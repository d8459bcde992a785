import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

export const segments = pgTable(
  "segments",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text().notNull().default(""),
    color: text().notNull().default("#64748b"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("segments_workspace_name_key").on(t.workspaceId, t.name),
    // target of same-workspace composite foreign keys
    unique("segments_workspace_id_key").on(t.workspaceId, t.id),
    check("segments_color_hex", sql`${t.color} ~ '^#[0-9a-fA-F]{6}$'`),
    check("segments_name_not_blank", sql`length(trim(${t.name})) > 0`),
  ],
);
