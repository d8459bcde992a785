import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { actionStatusEnum, channelEnum, kpiEnum } from "./enums";
import { feedback } from "./feedback";
import { journeyStages } from "./journeys";
import { segments } from "./segments";
import { themes } from "./themes";
import { teams, users } from "./users";
import { workspaces } from "./workspaces";

/** An improvement action: an owner, a due date and a KPI to move over a scope. */
export const actions = pgTable(
  "actions",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    title: text().notNull(),
    description: text().notNull().default(""),
    ownerTeamId: integer().references(() => teams.id, { onDelete: "set null" }),
    assigneeId: integer().references(() => users.id, { onDelete: "set null" }),
    status: actionStatusEnum().notNull().default("proposed"),
    dueDate: date(),
    reviewDate: date(),
    scopeSegmentId: integer().references(() => segments.id, { onDelete: "set null" }),
    scopeStageId: integer().references(() => journeyStages.id, { onDelete: "set null" }),
    scopeChannel: channelEnum(),
    scopeThemeId: integer().references(() => themes.id, { onDelete: "set null" }),
    kpi: kpiEnum().notNull(),
    baseline: numeric({ precision: 14, scale: 2 }),
    target: numeric({ precision: 14, scale: 2 }),
    completedAt: timestamp({ withTimezone: true }),
    droppedReason: text(),
    version: integer().notNull().default(1),
    createdBy: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // board and table views by status
    index("actions_workspace_status_idx").on(t.workspaceId, t.status),
    // "My actions": a team's actions
    index("actions_owner_team_idx").on(t.ownerTeamId),
    index("actions_assignee_idx").on(t.assigneeId),
    index("actions_scope_segment_idx").on(t.scopeSegmentId),
    index("actions_scope_stage_idx").on(t.scopeStageId),
    index("actions_scope_theme_idx").on(t.scopeThemeId),
    check("actions_title_not_blank", sql`length(trim(${t.title})) > 0`),
    check(
      "actions_dropped_reason",
      sql`${t.status} <> 'dropped' OR (${t.droppedReason} IS NOT NULL AND length(trim(${t.droppedReason})) > 0)`,
    ),
  ],
);

/** Every status change of an action: who, when, from → to. Append-only. */
export const actionStatusChanges = pgTable(
  "action_status_changes",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    actionId: integer()
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    fromStatus: actionStatusEnum(),
    toStatus: actionStatusEnum().notNull(),
    changedBy: integer().references(() => users.id, { onDelete: "set null" }),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    note: text(),
  },
  (t) => [
    // an action's history, oldest first
    index("action_status_changes_action_idx").on(t.actionId, t.changedAt),
  ],
);

/** Feedback items an action answers (closed loop). */
export const actionFeedback = pgTable(
  "action_feedback",
  {
    actionId: integer()
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    feedbackId: integer()
      .notNull()
      .references(() => feedback.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.actionId, t.feedbackId] }),
    // actions linked to one feedback item (detail panel)
    index("action_feedback_feedback_idx").on(t.feedbackId),
  ],
);
