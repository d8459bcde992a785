import { sql } from "drizzle-orm";
import { check, integer, pgTable, primaryKey } from "drizzle-orm/pg-core";
import { priorityEnum } from "./enums";
import { workspaces } from "./workspaces";

/** Per priority: first-response and resolution targets, in hours. */
export const slaPolicies = pgTable(
  "sla_policies",
  {
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    priority: priorityEnum().notNull(),
    firstResponseHours: integer().notNull(),
    resolutionHours: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.priority] }),
    check("sla_policies_positive", sql`${t.firstResponseHours} > 0 AND ${t.resolutionHours} >= ${t.firstResponseHours}`),
  ],
);
