import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { channelEnum, metricKindEnum } from "./enums";
import { workspaces } from "./workspaces";

/** Ordered journey stages (Awareness … Loyalty); `position` is a total order per workspace. */
export const journeyStages = pgTable(
  "journey_stages",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text().notNull(),
    position: integer().notNull(),
    /** The stage's headline metric (e.g. CES for service, CSAT for delivery, NPS for loyalty). */
    mainMetric: metricKindEnum().notNull().default("nps"),
    archivedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique("journey_stages_workspace_position_key").on(t.workspaceId, t.position),
    unique("journey_stages_workspace_name_key").on(t.workspaceId, t.name),
    // target of same-workspace composite foreign keys
    unique("journey_stages_workspace_id_key").on(t.workspaceId, t.id),
    check("journey_stages_position_nonnegative", sql`${t.position} >= 0`),
    check("journey_stages_main_metric", sql`${t.mainMetric} <> 'none'`),
  ],
);

/** Where a customer meets the brand: one stage × one channel (e.g. "Checkout page"). */
export const touchpoints = pgTable(
  "touchpoints",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    stageId: integer().notNull(),
    name: text().notNull(),
    channel: channelEnum().notNull(),
    archivedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    foreignKey({
      name: "touchpoints_stage_fk",
      columns: [t.workspaceId, t.stageId],
      foreignColumns: [journeyStages.workspaceId, journeyStages.id],
    }).onDelete("cascade"),
    unique("touchpoints_stage_name_key").on(t.stageId, t.name),
    // target of same-workspace composite foreign keys
    unique("touchpoints_workspace_id_key").on(t.workspaceId, t.id),
    // touchpoints of a stage on the journey map
    index("touchpoints_stage_idx").on(t.stageId),
  ],
);
