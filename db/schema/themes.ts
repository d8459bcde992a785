import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique } from "drizzle-orm/pg-core";
import { themeLinkOriginEnum } from "./enums";
import { feedback } from "./feedback";
import { workspaces } from "./workspaces";

/** Keywords/phrases per language, e.g. `{ "en": ["late delivery"], "fr": ["livraison en retard"] }`. */
export type ThemeKeywords = Record<string, string[]>;

export const themes = pgTable(
  "themes",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text().notNull(),
    keywords: jsonb().$type<ThemeKeywords>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique("themes_workspace_name_key").on(t.workspaceId, t.name),
    check("themes_keywords_object", sql`jsonb_typeof(${t.keywords}) = 'object'`),
  ],
);

export const feedbackThemes = pgTable(
  "feedback_themes",
  {
    feedbackId: integer()
      .notNull()
      .references(() => feedback.id, { onDelete: "cascade" }),
    themeId: integer()
      .notNull()
      .references(() => themes.id, { onDelete: "cascade" }),
    origin: themeLinkOriginEnum().notNull().default("rule"),
  },
  (t) => [
    primaryKey({ columns: [t.feedbackId, t.themeId] }),
    // feedback of one theme (theme filter, theme impact)
    index("feedback_themes_theme_idx").on(t.themeId),
  ],
);
