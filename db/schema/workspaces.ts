import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** A brand or business unit: the boundary of data visibility. */
export const workspaces = pgTable(
  "workspaces",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    currency: text().notNull().default("USD"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("workspaces_slug_format", sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{0,62}$'`),
    check("workspaces_currency_format", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);
