import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { customers } from "./customers";
import { channelEnum, metricKindEnum } from "./enums";
import { workspaces } from "./workspaces";

/**
 * Which breakdowns a rollup row has: bit 1 = by region, bit 2 = by channel; in feedback_rollup,
 * bit 4 = all journey stages together (stage_id NULL means "every stage", not "no stage"), so
 * reads that neither filter nor group by stage sum ~8× fewer rows.
 */
export const ROLLUP_DIMS = { region: 1, channel: 2, allStages: 4 } as const;

/**
 * The measures of a feedback cube row: responses, responses per score value (s0 = score 0 … s10 =
 * score 10: NPS uses all, CSAT s1–s5, CES s1–s7), and the sum of sentiment × 1000 rounded per item
 * (integers keep incremental updates exact) with the count of items that have one.
 */
function scoreCounts() {
  return {
    responses: integer().notNull().default(0),
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
    sentimentMilliSum: bigint({ mode: "number" }).notNull().default(0),
    sentimentCount: integer().notNull().default(0),
  };
}

/**
 * Feedback cube: per workspace, for two time grains (UTC `day` and `month`, `bucket` = the day or
 * the month's first day) and four breakdowns (`dims`: none, region, channel, both), per the
 * customer's segment × journey stage × metric kind, the count of each score. A dashboard reads
 * whole months from month rows and the ragged ends of a period from day rows, using the smallest
 * breakdown its filters need: a year without channel/region filters is ~12 × segments × stages ×
 * kinds rows, whatever the raw volume. Kept exactly in step by statement-level triggers
 * (migration 0006) in the writing transaction; `npm run rollups:rebuild` recomputes it.
 */
export const feedbackRollup = pgTable(
  "feedback_rollup",
  {
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    dims: smallint().notNull(),
    channel: channelEnum(),
    region: text(),
    grain: text({ enum: ["day", "month"] }).notNull(),
    bucket: date().notNull(),
    segmentId: integer(),
    stageId: integer(),
    metricKind: metricKindEnum().notNull(),
    ...scoreCounts(),
  },
  (t) => [
    // the triggers' upsert key; its prefix serves every dashboard read: workspace × breakdown ×
    // (channel, region) equality × grain × bucket range
    unique("feedback_rollup_key")
      .on(t.workspaceId, t.dims, t.channel, t.region, t.grain, t.bucket, t.segmentId, t.stageId, t.metricKind)
      .nullsNotDistinct(),
    check("feedback_rollup_dims", sql`${t.dims} BETWEEN 0 AND 7`),
  ],
);

/**
 * Orders cube, same grains and breakdowns as {@link feedbackRollup}, per the customer's segment
 * and latest NPS category (NULL: no NPS answer yet): net revenue and order counts. The category
 * makes "revenue of detractors" a sum over a few rows; a customer whose category changes has
 * their orders moved between categories by the feedback trigger.
 */
export const ordersRollup = pgTable(
  "orders_rollup",
  {
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    dims: smallint().notNull(),
    channel: channelEnum(),
    region: text(),
    grain: text({ enum: ["day", "month"] }).notNull(),
    bucket: date().notNull(),
    segmentId: integer(),
    npsCategory: text({ enum: ["promoter", "passive", "detractor"] }),
    /** Net revenue (purchases + refunds), exact. */
    revenue: numeric({ precision: 16, scale: 2 }).notNull().default("0"),
    purchases: integer().notNull().default(0),
    refunds: integer().notNull().default(0),
  },
  (t) => [
    // the triggers' upsert key; its prefix serves every dashboard revenue read (as above)
    unique("orders_rollup_key")
      .on(t.workspaceId, t.dims, t.channel, t.region, t.grain, t.bucket, t.segmentId, t.npsCategory)
      .nullsNotDistinct(),
    check("orders_rollup_dims", sql`${t.dims} BETWEEN 0 AND 3`),
  ],
);

/**
 * Per-customer state the dashboard needs without scanning feedback or orders: the customer's
 * segment, region, lifetime (for churn) and latest NPS answer (for promoter vs detractor value and
 * revenue at risk). One row per customer, kept by the customers and feedback triggers.
 */
export const customerState = pgTable(
  "customer_state",
  {
    customerId: integer()
      .primaryKey()
      .references(() => customers.id, { onDelete: "cascade" }),
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    segmentId: integer(),
    region: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    churnedAt: timestamp({ withTimezone: true }),
    npsCategory: text({ enum: ["promoter", "passive", "detractor"] }),
    npsScore: smallint(),
    npsAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("customer_state_workspace_segment_idx").on(t.workspaceId, t.segmentId),
    // churn figures read the customers who churned since their earliest date here (an index
    // range), and everyone else from customer_rollup
    index("customer_state_churned_idx")
      .on(t.workspaceId, t.churnedAt)
      .where(sql`${t.churnedAt} IS NOT NULL`),
  ],
);

/**
 * Customers who have not churned, counted by the day and month they joined (UTC), per segment and
 * latest NPS category, with and without region (dims 1 / 0): with the churned customers read from
 * customer_state, every churn and headcount figure at day boundaries without a scan of all
 * customers. Kept from customer_state by its triggers, in the writing transaction.
 */
export const customerRollup = pgTable(
  "customer_rollup",
  {
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    dims: smallint().notNull(),
    region: text(),
    grain: text({ enum: ["day", "month"] }).notNull(),
    bucket: date().notNull(),
    segmentId: integer(),
    npsCategory: text({ enum: ["promoter", "passive", "detractor"] }),
    customers: integer().notNull().default(0),
  },
  (t) => [
    unique("customer_rollup_key")
      .on(t.workspaceId, t.dims, t.region, t.grain, t.bucket, t.segmentId, t.npsCategory)
      .nullsNotDistinct(),
    check("customer_rollup_dims", sql`${t.dims} BETWEEN 0 AND 1`),
  ],
);

/**
 * Workspaces whose rollups a bulk load left out of step: a transaction that sets
 * `touchpoint.defer_rollups = 'on'` (SET LOCAL; the demo seed does) skips the per-statement
 * trigger work and records its workspaces here; `rollups_rebuild()` recomputes everything and
 * empties it. The app rebuilds at start while a row is left (an interrupted bulk load).
 */
export const rollupDirty = pgTable("rollup_dirty", {
  workspaceId: integer()
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  since: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * The journey map's cube (server/services/journey-map.ts): per workspace, grain and bucket (as
 * {@link feedbackRollup}), per touchpoint (and its stage) × the customer's segment × metric kind, the
 * count of each score and the sentiment sums, with and without the channel breakdown (`dims` 2 /
 * 0, as {@link ROLLUP_DIMS}). A region filter reads the raw rows instead: a region breakdown would
 * make the day rows about as many as the raw ones. Unlike the dashboard cubes it is not kept by the writing transaction: writes to
 * feedback, feedback_themes and customers mark the UTC days they touch in
 * {@link journeyRollupDirty}, and `journey_rollups_refresh(workspace)` recomputes those days (and
 * their months) from the raw rows before the map reads — a day of one workspace is a few thousand
 * rows, so a read after an ingest pays milliseconds, and writers never contend on cube rows.
 */
export const journeyRollup = pgTable(
  "journey_rollup",
  {
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    dims: smallint().notNull(),
    channel: channelEnum(),
    grain: text({ enum: ["day", "month"] }).notNull(),
    bucket: date().notNull(),
    segmentId: integer(),
    stageId: integer(),
    touchpointId: integer().notNull(),
    metricKind: metricKindEnum().notNull(),
    ...scoreCounts(),
  },
  (t) => [
    unique("journey_rollup_key")
      .on(t.workspaceId, t.dims, t.channel, t.grain, t.bucket, t.segmentId, t.touchpointId, t.metricKind)
      .nullsNotDistinct(),
    check("journey_rollup_dims", sql`${t.dims} IN (0, 2)`),
  ],
);

/**
 * The journey map's friction points: negative feedback items per theme on each stage and
 * touchpoint (NULL: placed on the stage without a touchpoint), same keys and upkeep as
 * {@link journeyRollup}.
 */
export const frictionRollup = pgTable(
  "friction_rollup",
  {
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    dims: smallint().notNull(),
    channel: channelEnum(),
    grain: text({ enum: ["day", "month"] }).notNull(),
    bucket: date().notNull(),
    segmentId: integer(),
    stageId: integer().notNull(),
    touchpointId: integer(),
    themeId: integer().notNull(),
    negative: integer().notNull().default(0),
  },
  (t) => [
    unique("friction_rollup_key")
      .on(t.workspaceId, t.dims, t.channel, t.grain, t.bucket, t.segmentId, t.stageId, t.touchpointId, t.themeId)
      .nullsNotDistinct(),
    check("friction_rollup_dims", sql`${t.dims} IN (0, 2)`),
  ],
);

/**
 * UTC days whose journey rollups are out of step, appended by the feedback, feedback_themes and
 * customers triggers (no key: writers never wait on each other) and consumed by
 * `journey_rollups_refresh`.
 */
export const journeyRollupDirty = pgTable(
  "journey_rollup_dirty",
  {
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    day: date().notNull(),
  },
  (t) => [index("journey_rollup_dirty_workspace_idx").on(t.workspaceId)],
);
