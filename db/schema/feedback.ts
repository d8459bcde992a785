import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { customers } from "./customers";
import {
  channelEnum,
  feedbackSourceEnum,
  feedbackStatusEnum,
  metricKindEnum,
  priorityEnum,
  sentimentLabelEnum,
} from "./enums";
import { journeyStages, touchpoints } from "./journeys";
import { teams, users } from "./users";
import { workspaces } from "./workspaces";

export const feedback = pgTable(
  "feedback",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** Optional: anonymous feedback has no customer. */
    customerId: integer(),
    source: feedbackSourceEnum().notNull(),
    /** The id in the system the item came from; with `source`, the de-duplication key. */
    externalId: text().notNull(),
    channel: channelEnum(),
    stageId: integer(),
    touchpointId: integer(),
    metricKind: metricKindEnum().notNull().default("none"),
    score: smallint(),
    /** Stored exactly as given, any language. */
    text: text(),
    /** BCP 47 tag (e.g. "en", "he", "zh"), detected or given. */
    language: text(),
    sentiment: real(),
    sentimentLabel: sentimentLabelEnum(),
    /** Where the sentiment label came from: the comment ("text") or, without a lexicon, the score. */
    sentimentSource: text(),
    /**
     * The comment's words as the search finds them (server/domain/text: Intl.Segmenter words,
     * normalised, accents folded, each once), written with language, sentiment and themes by the
     * text analysis (server/services/text-analysis.ts) — in JavaScript, so both engines agree on
     * what a word is, Chinese included.
     */
    searchTerms: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /**
     * md5 of a screened item's normalised words (suspicionTextKey in server/domain/text), null when
     * the item is not screened or its text is short: duplicates across customers share it.
     */
    textKey: text(),
    /** Has a suspicion flag that no manager cleared (feedback_flags); the inbox's "suspicious" filter. */
    suspicious: boolean().notNull().default(false),
    /** When the text analysis last ran on this item; null: not yet (it runs on every ingest). */
    analysedAt: timestamp({ withTimezone: true }),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    // triage
    status: feedbackStatusEnum().notNull().default("new"),
    priority: priorityEnum().notNull().default("normal"),
    assigneeId: integer().references(() => users.id, { onDelete: "set null" }),
    teamId: integer(),
    dueAt: timestamp({ withTimezone: true }),
    firstTriagedAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    resolutionNote: text(),
    customerContacted: boolean(),
    dismissReason: text(),
    /** Optimistic locking: every update increments it; a stale version is a CONFLICT. */
    version: integer().notNull().default(1),
    /** Who made the last triage change (named in a CONFLICT); null for imports and the seed. */
    updatedBy: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("feedback_workspace_source_external_id_key").on(t.workspaceId, t.source, t.externalId),
    foreignKey({
      name: "feedback_customer_fk",
      columns: [t.workspaceId, t.customerId],
      foreignColumns: [customers.workspaceId, customers.id],
    }), // no cascade: a customer is erased (anonymised), never deleted under their feedback
    foreignKey({
      name: "feedback_stage_fk",
      columns: [t.workspaceId, t.stageId],
      foreignColumns: [journeyStages.workspaceId, journeyStages.id],
    }),
    foreignKey({
      name: "feedback_touchpoint_fk",
      columns: [t.workspaceId, t.touchpointId],
      foreignColumns: [touchpoints.workspaceId, touchpoints.id],
    }),
    foreignKey({
      name: "feedback_team_fk",
      columns: [t.workspaceId, t.teamId],
      foreignColumns: [teams.workspaceId, teams.id],
    }),
    // inbox and period counts: newest first within a workspace
    index("feedback_workspace_received_at_idx").on(t.workspaceId, t.receivedAt),
    // a customer's feedback timeline
    index("feedback_customer_idx").on(t.customerId),
    // inbox orders: priority (urgent first), most negative first; newest first within both
    // (DESC NULLS FIRST is what a plain ORDER BY … DESC means)
    index("feedback_workspace_priority_idx").on(
      t.workspaceId,
      t.priority,
      t.receivedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("feedback_workspace_sentiment_idx").on(
      t.workspaceId,
      sql`coalesce(${t.sentiment}, 2)`,
      t.receivedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // free-text search: items holding every word of the query
    index("feedback_search_terms_idx").using("gin", t.searchTerms),
    // feedback per stage / touchpoint (journey map), and the inbox filtered to one of them or to
    // an assignee or team ("assigned to me", "my team"), newest first
    index("feedback_stage_idx").on(t.stageId, t.receivedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("feedback_touchpoint_idx").on(t.touchpointId, t.receivedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("feedback_assignee_idx").on(t.assigneeId, t.receivedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("feedback_team_idx").on(t.teamId, t.receivedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // the inbox's "suspicious" filter: few items, newest first
    index("feedback_suspicious_idx")
      .on(t.workspaceId, t.receivedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.suspicious}`),
    // the screening's duplicate-text groups
    index("feedback_text_key_idx")
      .on(t.workspaceId, t.textKey)
      .where(sql`${t.textKey} IS NOT NULL`),
    check(
      "feedback_score_range",
      sql`CASE ${t.metricKind}
        WHEN 'none' THEN ${t.score} IS NULL
        WHEN 'nps' THEN ${t.score} BETWEEN 0 AND 10
        WHEN 'csat' THEN ${t.score} BETWEEN 1 AND 5
        WHEN 'ces' THEN ${t.score} BETWEEN 1 AND 7
        WHEN 'rating' THEN ${t.score} BETWEEN 1 AND 5
      END`,
    ),
    check("feedback_sentiment_range", sql`${t.sentiment} IS NULL OR ${t.sentiment} BETWEEN -1 AND 1`),
    check("feedback_external_id_not_blank", sql`length(${t.externalId}) > 0`),
    check(
      "feedback_dismiss_reason",
      sql`${t.status} <> 'dismissed' OR (${t.dismissReason} IS NOT NULL AND length(trim(${t.dismissReason})) > 0)`,
    ),
    check("feedback_version_positive", sql`${t.version} >= 1`),
    check("feedback_sentiment_source", sql`${t.sentimentSource} IS NULL OR ${t.sentimentSource} IN ('text', 'score')`),
  ],
);

/** Internal notes of the team on a feedback item; never shown to the customer. */
export const feedbackComments = pgTable(
  "feedback_comments",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    feedbackId: integer()
      .notNull()
      .references(() => feedback.id, { onDelete: "cascade" }),
    authorId: integer().references(() => users.id, { onDelete: "set null" }),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("feedback_comments_feedback_idx").on(t.feedbackId, t.id),
    // a workspace's deletion cascades here
    index("feedback_comments_workspace_idx").on(t.workspaceId),
    check("feedback_comments_body", sql`length(trim(${t.body})) > 0 AND length(${t.body}) <= 5000`),
  ],
);
