import { index, integer, jsonb, pgEnum, pgTable, timestamp, unique } from "drizzle-orm/pg-core";
import { FLAG_STATES, SUSPICION_CODES, type SuspicionDetail } from "../../server/domain/text/suspicious";
import { feedback } from "./feedback";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const suspicionCodeEnum = pgEnum("suspicion_code", SUSPICION_CODES);
export const flagStateEnum = pgEnum("flag_state", FLAG_STATES);

/**
 * Why a feedback item looks fake or low quality (server/domain/text/suspicious.ts), one row per
 * item and rule, written by the screening pass (db/screening.ts). `feedback.suspicious` mirrors
 * "has a flag that is not cleared", so the inbox filter reads one indexed column.
 */
export const feedbackFlags = pgTable(
  "feedback_flags",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    feedbackId: integer()
      .notNull()
      .references(() => feedback.id, { onDelete: "cascade" }),
    code: suspicionCodeEnum().notNull(),
    /** What the rule saw, with its numbers (SuspicionDetail without its code); worded when read. */
    detail: jsonb().$type<Omit<SuspicionDetail, "code">>().notNull(),
    state: flagStateEnum().notNull().default("open"),
    detectedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    reviewedBy: integer().references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // one flag per item and rule: a re-screen updates an open one and never revives a cleared one
    unique("feedback_flags_feedback_code_key").on(t.feedbackId, t.code),
    // the screening's sweep of a workspace's open flags, and a workspace's deletion
    index("feedback_flags_workspace_state_idx").on(t.workspaceId, t.state),
  ],
);
