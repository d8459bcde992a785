import { DAY_MS, YEAR_MS, createWorkspaceContext, sampleTime, type WorkspaceContext } from "./context";
import { STREAM_ANONYMOUS, customerRow, profileCustomer, type CustomerProfile } from "./generate-customers";
import { generateFeedbackItem } from "./generate-feedback";
import { generateOrders } from "./generate-orders";
import {
  CAMPAIGN_DAYS_BEFORE_NOW,
  CAMPAIGN_SIZE,
  CAMPAIGN_STEP_MS,
  campaignReview,
  type ReviewedPurchase,
} from "./reviews";
import type { DemoPlan } from "./plan";
import { streamFor, type Rng } from "./random";
import type { ReferenceData, WorkspaceRefs } from "./reference";
import type { CustomerRow, FeedbackRow, FeedbackThemeRow, OrderRow } from "./rows";
import { THEME_KEYS, type ThemeKey } from "./themes";

export { planDemo, DEFAULT_SIZE, ZERO_ID_BASES, type DemoPlan, type GenerateOptions, type IdBases } from "./plan";
export { buildReferenceData, type ReferenceData } from "./reference";

/** Rows of one workspace, in foreign-key order: a batch only references rows of itself or earlier batches. */
export interface ActivityBatch {
  workspaceId: number;
  customers: CustomerRow[];
  orders: OrderRow[];
  feedback: FeedbackRow[];
  feedbackThemes: FeedbackThemeRow[];
}

/** Small running figures collected while streaming, used for targets and actions afterwards. */
export interface WorkspaceStats {
  workspaceId: number;
  /** Net revenue of the trailing 12 months, in minor units. */
  revenueCentsLast12Months: number;
  /** The first few negative, identified feedback ids per theme (linked to actions). */
  negativeFeedbackByTheme: Record<ThemeKey, number[]>;
}

export interface StreamOptions {
  /** A batch is emitted once any table reaches this many rows. Default 5,000. */
  batchSize?: number;
  /** Filled in while streaming (one entry per workspace, by workspace id). */
  stats?: Map<number, WorkspaceStats>;
}

const SAMPLES_PER_THEME = 5;

function emptyBatch(workspaceId: number): ActivityBatch {
  return { workspaceId, customers: [], orders: [], feedback: [], feedbackThemes: [] };
}

export function emptyStats(workspaceId: number): WorkspaceStats {
  return {
    workspaceId,
    revenueCentsLast12Months: 0,
    negativeFeedbackByTheme: Object.fromEntries(THEME_KEYS.map((k) => [k, []])) as unknown as Record<
      ThemeKey,
      number[]
    >,
  };
}

/** Exact share of `total` for slot `[before, before + weight)` of `sum` (cumulative rounding). */
function cumulativeCount(total: number, cumulative: number, sum: number, isLast: boolean): number {
  if (isLast || sum <= 0) return total;
  return Math.min(total, Math.floor((total * cumulative) / sum));
}

/**
 * Stream the customers, orders, feedback and theme links of one workspace. Memory stays bounded
 * by `batchSize` whatever the totals. Order and feedback totals are exact: a first pass over the
 * customer profiles (cheap, nothing kept) totals their weights, then each customer gets a share
 * proportional to its weight.
 */
export function* generateWorkspaceActivity(
  plan: DemoPlan,
  refs: WorkspaceRefs,
  options: StreamOptions = {},
): Generator<ActivityBatch> {
  const batchSize = Math.max(1, options.batchSize ?? 5_000);
  const ctx = createWorkspaceContext(plan, refs);
  const { ws } = ctx;
  const stats = emptyStats(ws.workspaceId);
  options.stats?.set(ws.workspaceId, stats);
  const revenueFrom = plan.nowMs - YEAR_MS;
  const onOrder = (cents: number, at: number) => {
    if (at >= revenueFrom) stats.revenueCentsLast12Months += cents;
  };

  let orderWeightSum = 0;
  let feedbackWeightSum = 0;
  for (let i = 0; i < ws.customers; i += 1) {
    const profile = profileCustomer(ctx, i);
    orderWeightSum += profile.orderWeight;
    feedbackWeightSum += profile.feedbackWeight;
  }

  const customerFeedback = ws.feedback - ws.anonymousFeedback;
  let batch = emptyBatch(ws.workspaceId);
  let orderCumulative = 0;
  let feedbackCumulative = 0;
  let ordersDone = 0;
  let feedbackDone = 0;
  let anonymousDone = 0;
  const full = () =>
    batch.customers.length >= batchSize || batch.orders.length >= batchSize || batch.feedback.length >= batchSize;

  const pushFeedback = (
    customer: CustomerProfile | null,
    rng: Rng,
    receivedAt: number,
    purchases: readonly ReviewedPurchase[] = [],
    planted = false,
  ) => {
    const id = ws.firstFeedbackId + feedbackDone;
    feedbackDone += 1;
    let item = generateFeedbackItem(ctx, rng, customer, receivedAt, id, feedbackDone, purchases);
    if (planted) item = campaignReview(item);
    batch.feedback.push(item.row);
    for (const theme of item.themes) {
      batch.feedbackThemes.push({ feedbackId: id, themeId: ctx.refs.themeIds[theme], origin: "rule" });
    }
    const first = item.themes[0];
    if (first && customer && item.row.sentimentLabel === "negative") {
      const samples = stats.negativeFeedbackByTheme[first];
      if (samples.length < SAMPLES_PER_THEME) samples.push(id);
    }
  };

  for (let i = 0; i < ws.customers; i += 1) {
    const customer = profileCustomer(ctx, i);
    const isLast = i === ws.customers - 1;
    batch.customers.push(customerRow(ctx, customer));

    orderCumulative += customer.orderWeight;
    const orderCount = cumulativeCount(ws.orders, orderCumulative, orderWeightSum, isLast) - ordersDone;
    const orders = generateOrders(ctx, customer, orderCount, ws.firstOrderId + ordersDone, ordersDone, onOrder);
    ordersDone += orderCount;
    for (const order of orders) batch.orders.push(order);
    const purchases = orders
      .filter((order) => order.kind === "purchase")
      .map((order) => ({ at: Date.parse(order.orderedAt), cents: Math.round(Number(order.amount) * 100) }));

    feedbackCumulative += customer.feedbackWeight;
    const customerFeedbackDone = feedbackDone - anonymousDone;
    const feedbackCount =
      cumulativeCount(customerFeedback, feedbackCumulative, feedbackWeightSum, isLast) - customerFeedbackDone;
    for (let j = 0; j < feedbackCount; j += 1) {
      pushFeedback(customer, customer.rng, sampleCustomerFeedbackTime(ctx, customer), purchases);
      if (full()) {
        yield batch;
        batch = emptyBatch(ws.workspaceId);
      }
    }

    // anonymous items are spread evenly along the customers so every batch gets its share
    const anonymousTarget = Math.floor((ws.anonymousFeedback * (i + 1)) / ws.customers);
    while (anonymousDone < anonymousTarget) pushAnonymous();
    if (full()) {
      yield batch;
      batch = emptyBatch(ws.workspaceId);
    }
  }

  while (anonymousDone < ws.anonymousFeedback) {
    pushAnonymous();
    if (full()) {
      yield batch;
      batch = emptyBatch(ws.workspaceId);
    }
  }
  if (batch.customers.length + batch.orders.length + batch.feedback.length > 0) yield batch;

  function pushAnonymous(): void {
    const rng = streamFor(plan.seed, ws.index, STREAM_ANONYMOUS, anonymousDone);
    anonymousDone += 1;
    // a workspace's first anonymous items are the planted fake-review campaign
    const planted = ws.anonymousFeedback >= 2 * CAMPAIGN_SIZE && anonymousDone <= CAMPAIGN_SIZE;
    if (planted) {
      const k = anonymousDone - 1;
      const at = plan.nowMs - CAMPAIGN_DAYS_BEFORE_NOW * DAY_MS + k * CAMPAIGN_STEP_MS;
      pushFeedback(null, rng, at, [], true);
      return;
    }
    const receivedAt = sampleTime(
      rng,
      ctx.calendar,
      plan.windowStartMs,
      plan.nowMs,
      ctx.feedbackMonthWeights,
      ctx.feedbackMaxWeight,
    );
    pushFeedback(null, rng, receivedAt);
  }
}

/** When a customer's feedback arrives: in their active window, a quarter of churners' near the end. */
function sampleCustomerFeedbackTime(ctx: WorkspaceContext, customer: CustomerProfile): number {
  const { rng } = customer;
  let from = customer.activeFrom;
  if (customer.churnedAt !== null && rng.chance(0.25)) {
    from = Math.max(from, customer.churnedAt - 30 * DAY_MS);
  }
  return sampleTime(rng, ctx.calendar, from, customer.activeTo, ctx.feedbackMonthWeights, ctx.feedbackMaxWeight);
}

/** All workspaces' activity, one workspace after the other. */
export function* generateActivity(
  plan: DemoPlan,
  reference: ReferenceData,
  options: StreamOptions = {},
): Generator<ActivityBatch> {
  for (const refs of reference.byWorkspace) {
    yield* generateWorkspaceActivity(plan, refs, options);
  }
}
