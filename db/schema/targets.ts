import { sql } from "drizzle-orm";
import { check, date, index, integer, numeric, pgTable, timestamp } from "drizzle-orm/pg-core";
import { channelEnum, kpiEnum, targetScopeEnum } from "./enums";
import { journeyStages } from "./journeys";
import { segments } from "./segments";
import { users } from "./users";
import { workspaces } from "./workspaces";

/** A target per KPI and scope, reviewed every 3–5 months (review date). */
export const kpiTargets = pgTable(
  "kpi_targets",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kpi: kpiEnum().notNull(),
    scope: targetScopeEnum().notNull().default("all"),
    segmentId: integer().references(() => segments.id, { onDelete: "cascade" }),
    stageId: integer().references(() => journeyStages.id, { onDelete: "cascade" }),
    channel: channelEnum(),
    targetValue: numeric({ precision: 14, scale: 2 }).notNull(),
    periodStart: date().notNull(),
    periodEnd: date().notNull(),
    reviewDate: date().notNull(),
    createdBy: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // targets shown on the dashboard for one KPI
    index("kpi_targets_workspace_kpi_idx").on(t.workspaceId, t.kpi),
    index("kpi_targets_segment_idx").on(t.segmentId),
    index("kpi_targets_stage_idx").on(t.stageId),
    check("kpi_targets_period_order", sql`${t.periodEnd} >= ${t.periodStart}`),
    check(
      "kpi_targets_scope_shape",
      sql`CASE ${t.scope}
        WHEN 'all' THEN ${t.segmentId} IS NULL AND ${t.stageId} IS NULL AND ${t.channel} IS NULL
        WHEN 'segment' THEN ${t.segmentId} IS NOT NULL AND ${t.stageId} IS NULL AND ${t.channel} IS NULL
        WHEN 'stage' THEN ${t.stageId} IS NOT NULL AND ${t.segmentId} IS NULL AND ${t.channel} IS NULL
        WHEN 'channel' THEN ${t.channel} IS NOT NULL AND ${t.segmentId} IS NULL AND ${t.stageId} IS NULL
      END`,
    ),
  ],
);
