import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, numeric, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { customers } from "./customers";
import { channelEnum, orderKindEnum } from "./enums";
import { workspaces } from "./workspaces";

export const orders = pgTable(
  "orders",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    customerId: integer().notNull(),
    externalId: text(),
    kind: orderKindEnum().notNull().default("purchase"),
    /** Exact money; read it as a string, never as a float. Refunds are ≤ 0. */
    amount: numeric({ precision: 14, scale: 2 }).notNull(),
    currency: text().notNull().default("USD"),
    orderedAt: timestamp({ withTimezone: true }).notNull(),
    channel: channelEnum(),
  },
  (t) => [
    foreignKey({
      name: "orders_customer_fk",
      columns: [t.workspaceId, t.customerId],
      foreignColumns: [customers.workspaceId, customers.id],
    }), // no cascade: revenue history stays with the (possibly anonymised) customer
    // nulls are distinct: orders without an external id never collide
    unique("orders_workspace_external_id_key").on(t.workspaceId, t.externalId),
    // revenue in a period (overview, dashboard); amount makes sum(amount) an index-only scan
    index("orders_workspace_ordered_at_amount_idx").on(t.workspaceId, t.orderedAt, t.amount),
    // a customer's order history and revenue to date
    index("orders_customer_ordered_at_idx").on(t.customerId, t.orderedAt),
    check(
      "orders_amount_sign",
      sql`(${t.kind} = 'purchase' AND ${t.amount} >= 0) OR (${t.kind} = 'refund' AND ${t.amount} <= 0)`,
    ),
    check("orders_currency_format", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);
