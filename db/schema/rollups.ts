import { bigint, date, integer, numeric, pgTable, text, unique } from "drizzle-orm/pg-core";
import { channelEnum, metricKindEnum } from "./enums";
import { workspaces } from "./workspaces";

/**
 * Daily feedback rollup: one row per workspace × UTC day × the customer's segment and region ×
 * stage × channel × metric kind, with a count per score. Dashboards aggregate these rows instead
 * of scanning raw feedback. Kept exactly in step by statement-level triggers on feedback and
 * customers (migration 0004) in the writing transaction; `npm run rollups:rebuild` recomputes it.
 * No foreign keys to segments/stages: a rollup row outlives nothing and is never joined for
 * integrity, only for labels.
 */
export const feedbackDaily = pgTable(
  "feedback_daily",
  {
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    day: date().notNull(),
    segmentId: integer(),
    region: text(),
    stageId: integer(),
    channel: channelEnum(),
    metricKind: metricKindEnum().notNull(),
    responses: integer().notNull().default(0),
    /** Responses per score value: s0 = score 0 … s10 = score 10 (NPS uses all, CSAT s1–s5, CES s1–s7). */
    s0: integer().notNull().default(0),
    s1: integer().notNull().default(0),
    s2: integer().notNull().default(0),
    s3: integer().notNull().default(0),
    s4: integer().notNull().default(0),
    s5: integer().notNull().default(0),
    s6: integer().notNull().default(0),
    s7: integer().notNull().default(0),
    s8: integer().notNull().default(0),
    s9: integer().notNull().default(0),
    s10: integer().notNull().default(0),
    /** Sum of sentiment × 1000, rounded per item: integers keep incremental updates exact. */
    sentimentMilliSum: bigint({ mode: "number" }).notNull().default(0),
    sentimentCount: integer().notNull().default(0),
  },
  (t) => [
    // the upsert key of the triggers; also serves "workspace × period" dashboard scans
    unique("feedback_daily_key")
      .on(t.workspaceId, t.day, t.segmentId, t.region, t.stageId, t.channel, t.metricKind)
      .nullsNotDistinct(),
  ],
);

/** Daily revenue rollup: workspace × UTC day × the customer's segment and region × channel. */
export const ordersDaily = pgTable(
  "orders_daily",
  {
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    day: date().notNull(),
    segmentId: integer(),
    region: text(),
    channel: channelEnum(),
    /** Net revenue (purchases + refunds), exact. */
    revenue: numeric({ precision: 16, scale: 2 }).notNull().default("0"),
    purchases: integer().notNull().default(0),
    refunds: integer().notNull().default(0),
  },
  (t) => [
    // the upsert key of the triggers; also serves "workspace × period" revenue scans
    unique("orders_daily_key").on(t.workspaceId, t.day, t.segmentId, t.region, t.channel).nullsNotDistinct(),
  ],
);
