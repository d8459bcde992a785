import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, unique } from "drizzle-orm/pg-core";
import { roleEnum } from "./enums";
import { workspaces } from "./workspaces";

export const users = pgTable(
  "users",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    email: text().notNull().unique(),
    name: text().notNull(),
    /** scrypt hash in the `scrypt$N$r$p$salt$hash` format of server/auth/password.ts. */
    passwordHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("users_email_lowercase", sql`${t.email} = lower(${t.email}) AND ${t.email} LIKE '%_@_%'`)],
);

/** A user's role in one workspace; no row means the workspace does not exist for that user. */
export const memberships = pgTable(
  "memberships",
  {
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    // workspace switcher: the workspaces of one user
    index("memberships_user_idx").on(t.userId),
  ],
);

export const teams = pgTable(
  "teams",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("teams_workspace_name_key").on(t.workspaceId, t.name),
    // target of same-workspace composite foreign keys
    unique("teams_workspace_id_key").on(t.workspaceId, t.id),
  ],
);

export const teamMembers = pgTable(
  "team_members",
  {
    teamId: integer()
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId] }),
    // "my teams" for a team member
    index("team_members_user_idx").on(t.userId),
  ],
);
