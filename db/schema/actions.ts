import { sql } from "drizzle-orm";
import { check, date, index, integer, numeric, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
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
    /**
     * The KPI over the scope in the baseline window, computed at creation by the KPI engine and
     * stored, so later data never moves it (revenue: exact net sum; the others rounded to 2 places).
     */
    baseline: numeric({ precision: 14, scale: 2 }),
    /** What the baseline was computed from: responses (NPS/CSAT/CES) or customers (churn, revenue); null if set by hand. */
    baselineResponses: integer(),
    /** The baseline window [from, to): the 90 days before creation. */
    baselineFrom: timestamp({ withTimezone: true }),
    baselineTo: timestamp({ withTimezone: true }),
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
    // "Up for review": a workspace's actions whose review date has come
    index("actions_workspace_review_date_idx").on(t.workspaceId, t.reviewDate),
    check("actions_title_not_blank", sql`length(trim(${t.title})) > 0`),
    check(
      "actions_dropped_reason",
      sql`${t.status} <> 'dropped' OR (${t.droppedReason} IS NOT NULL AND length(trim(${t.droppedReason})) > 0)`,
    ),
    check("actions_baseline_responses", sql`${t.baselineResponses} IS NULL OR ${t.baselineResponses} >= 0`),
    check("actions_baseline_window", sql`${t.baselineFrom} IS NULL OR ${t.baselineTo} > ${t.baselineFrom}`),
    check("actions_version_positive", sql`${t.version} >= 1`),
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

/** Comments on an action: anyone who may work on it (its team, CX managers, admins), in any status. */
export const actionComments = pgTable(
  "action_comments",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    actionId: integer()
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    authorId: integer().references(() => users.id, { onDelete: "set null" }),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // an action's comments, oldest first (action detail)
    index("action_comments_action_idx").on(t.actionId, t.id),
    // a workspace's deletion cascades here
    index("action_comments_workspace_idx").on(t.workspaceId),
    check("action_comments_body", sql`length(trim(${t.body})) > 0 AND length(${t.body}) <= 10000`),
  ],
);
