import { ANONYMOUS_SHARE, MONTH_VOLUME } from "./catalog";
import { WORKSPACE_PROFILES, type WorkspaceProfile } from "./profiles";

/** Size of the demo at scale 1, totals across all demo workspaces. */
export const DEFAULT_SIZE = { customers: 5_000, orders: 60_000, feedback: 40_000 } as const;

/** Months of history ending at `now`. */
export const HISTORY_MONTHS = 24;

export interface GenerateOptions {
  /** PRNG seed; the same seed and `now` give the same rows. Default 42. */
  seed?: number;
  /** End of the history (exclusive-ish: nothing is dated after it). Default: today, 00:00 UTC. */
  now?: Date;
  /** Multiplies DEFAULT_SIZE. Default 1. */
  scale?: number;
  /**
   * Explicit totals across all demo workspaces; each replaces `DEFAULT_SIZE × scale` for that
   * figure only (so `feedback: 1_000_000` keeps the default customers and orders).
   */
  customers?: number;
  orders?: number;
  feedback?: number;
}

/** The largest id already used per table, so generated ids continue after existing rows. */
export interface IdBases {
  workspaces: number;
  segments: number;
  teams: number;
  journeyStages: number;
  touchpoints: number;
  themes: number;
  customers: number;
  orders: number;
  feedback: number;
  kpiTargets: number;
  actions: number;
  actionStatusChanges: number;
}

export const ZERO_ID_BASES: IdBases = {
  workspaces: 0,
  segments: 0,
  teams: 0,
  journeyStages: 0,
  touchpoints: 0,
  themes: 0,
  customers: 0,
  orders: 0,
  feedback: 0,
  kpiTargets: 0,
  actions: 0,
  actionStatusChanges: 0,
};

/** Calendar months of the history window, for seasonality and incidents. */
export interface MonthCalendar {
  /** UTC start of each calendar month touched by the window, oldest first. */
  starts: number[];
  /** 0–11 per entry of `starts`. */
  calendarMonth: number[];
  /** Months before the current month per entry of `starts` (0 = the month containing `now`). */
  monthsAgo: number[];
}

export interface WorkspacePlan {
  index: number;
  profile: WorkspaceProfile;
  workspaceId: number;
  customers: number;
  orders: number;
  feedback: number;
  /** Part of `feedback` without a customer. */
  anonymousFeedback: number;
  /** First id of this workspace's rows (ids are consecutive per table). */
  firstCustomerId: number;
  firstOrderId: number;
  firstFeedbackId: number;
}

export interface DemoPlan {
  seed: number;
  nowMs: number;
  windowStartMs: number;
  calendar: MonthCalendar;
  ids: IdBases;
  workspaces: WorkspacePlan[];
  totals: { customers: number; orders: number; feedback: number };
}

const DAY_MS = 86_400_000;

/** Today at 00:00 UTC: the default end of the history, stable for a whole day. */
export function startOfTodayUtc(clock: Date = new Date()): Date {
  return new Date(Math.floor(clock.getTime() / DAY_MS) * DAY_MS);
}

function checkCount(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 100_000_000) {
    throw new RangeError(`${name} must be a whole number between 0 and 100,000,000 (got ${value})`);
  }
  return value;
}

/** Split `total` in proportion to `weights` with largest remainders, so parts sum to `total`. */
export function splitProportionally(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let missing = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (missing <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    missing -= 1;
  }
  return parts;
}

function buildCalendar(windowStartMs: number, nowMs: number): MonthCalendar {
  const start = new Date(windowStartMs);
  const now = new Date(nowMs);
  const nowKey = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const calendar: MonthCalendar = { starts: [], calendarMonth: [], monthsAgo: [] };
  for (let key = start.getUTCFullYear() * 12 + start.getUTCMonth(); key <= nowKey; key += 1) {
    calendar.starts.push(Date.UTC(Math.floor(key / 12), key % 12, 1));
    calendar.calendarMonth.push(key % 12);
    calendar.monthsAgo.push(nowKey - key);
  }
  return calendar;
}

/** Index into the calendar of the month containing `t` (clamped to the window). */
export function monthIndexOf(calendar: MonthCalendar, t: number): number {
  const { starts } = calendar;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((starts[mid] as number) <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Volume weight of each calendar entry: seasonality scaled by the workspace's amplitude. */
export function seasonalWeights(calendar: MonthCalendar, profile: WorkspaceProfile): number[] {
  return calendar.calendarMonth.map((m) => 1 + profile.seasonality * ((MONTH_VOLUME[m] as number) - 1));
}

/** Decide sizes, the time window and the ids of everything before generating a single row. */
export function planDemo(options: GenerateOptions = {}, ids: IdBases = ZERO_ID_BASES): DemoPlan {
  const seed = options.seed ?? 42;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer (got ${seed})`);
  const scale = options.scale ?? 1;
  if (!(scale > 0 && scale <= 1000)) throw new RangeError(`scale must be > 0 and ≤ 1000 (got ${scale})`);
  const now = options.now ?? startOfTodayUtc();
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError("now must be a valid date");

  const totals = {
    customers: checkCount("customers", options.customers ?? Math.round(DEFAULT_SIZE.customers * scale)),
    orders: checkCount("orders", options.orders ?? Math.round(DEFAULT_SIZE.orders * scale)),
    feedback: checkCount("feedback", options.feedback ?? Math.round(DEFAULT_SIZE.feedback * scale)),
  };

  const startDate = new Date(nowMs);
  startDate.setUTCMonth(startDate.getUTCMonth() - HISTORY_MONTHS);
  const windowStartMs = startDate.getTime();

  const profiles = WORKSPACE_PROFILES;
  const customers = splitProportionally(
    totals.customers,
    profiles.map((p) => p.size.customers),
  );
  if (totals.orders > 0 && totals.customers === 0) {
    throw new RangeError("orders need customers: pass --customers > 0 or --orders 0");
  }
  // a workspace that ends up without customers (tiny sizes) cannot have orders either
  const orders = splitProportionally(
    totals.orders,
    profiles.map((p, i) => ((customers[i] as number) > 0 ? p.size.orders : 0)),
  );
  const feedback = splitProportionally(
    totals.feedback,
    profiles.map((p) => p.size.feedback),
  );

  let customerId = ids.customers + 1;
  let orderId = ids.orders + 1;
  let feedbackId = ids.feedback + 1;
  const workspaces = profiles.map((profile, index): WorkspacePlan => {
    const c = customers[index] as number;
    const o = orders[index] as number;
    const f = feedback[index] as number;
    const plan: WorkspacePlan = {
      index,
      profile,
      workspaceId: ids.workspaces + index + 1,
      customers: c,
      orders: o,
      feedback: f,
      anonymousFeedback: c === 0 ? f : Math.round(f * ANONYMOUS_SHARE),
      firstCustomerId: customerId,
      firstOrderId: orderId,
      firstFeedbackId: feedbackId,
    };
    customerId += c;
    orderId += o;
    feedbackId += f;
    return plan;
  });

  return { seed, nowMs, windowStartMs, calendar: buildCalendar(windowStartMs, nowMs), ids, workspaces, totals };
}
