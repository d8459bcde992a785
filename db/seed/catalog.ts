import type { Channel, FeedbackSource, MetricKind, Priority } from "../../server/domain/enums";

/**
 * Workspace-independent parts of the demo: the default journey, its touchpoints, the teams and
 * how feedback of each source is spread over stages, channels and metric kinds.
 */

export const STAGE_KEYS = ["awareness", "consideration", "purchase", "delivery", "use", "service", "loyalty"] as const;
export type StageKey = (typeof STAGE_KEYS)[number];

export interface StageDefinition {
  key: StageKey;
  name: string;
  mainMetric: Exclude<MetricKind, "none">;
  /** Added to a customer's mood for feedback about this stage: service and delivery hurt most. */
  effect: number;
}

export const STAGES: readonly StageDefinition[] = [
  { key: "awareness", name: "Awareness", mainMetric: "rating", effect: 0.25 },
  { key: "consideration", name: "Consideration", mainMetric: "rating", effect: 0.1 },
  { key: "purchase", name: "Purchase", mainMetric: "ces", effect: 0.15 },
  { key: "delivery", name: "Delivery", mainMetric: "csat", effect: -0.25 },
  { key: "use", name: "Use", mainMetric: "csat", effect: 0.05 },
  { key: "service", name: "Service", mainMetric: "ces", effect: -0.35 },
  { key: "loyalty", name: "Loyalty", mainMetric: "nps", effect: 0 },
];

/** Touchpoint names per stage and channel; a missing pair has no touchpoint. */
export const TOUCHPOINTS: Record<StageKey, Partial<Record<Channel, string>>> = {
  awareness: {
    store: "Shop window",
    web: "Search and landing pages",
    social: "Social media ads",
    email: "Newsletter",
    app: "App store listing",
  },
  consideration: {
    web: "Product pages",
    app: "In-app catalogue",
    store: "Store advice desk",
    chat: "Pre-sales chat",
    call_centre: "Sales line",
    social: "Community answers",
  },
  purchase: {
    web: "Checkout page",
    app: "In-app checkout",
    store: "Store till",
    call_centre: "Phone orders",
    chat: "Chat checkout help",
  },
  delivery: {
    web: "Order tracking page",
    app: "Delivery notifications",
    email: "Shipping emails",
    call_centre: "Delivery hotline",
    store: "Click and collect",
    chat: "Courier chat",
  },
  use: {
    app: "Account and usage app",
    web: "Help centre",
    email: "Onboarding emails",
    social: "User community",
    store: "Setup help in store",
  },
  service: {
    call_centre: "Call centre",
    chat: "Live chat",
    email: "Support email",
    store: "Service desk",
    web: "Support portal",
    social: "Social care",
    app: "In-app support",
  },
  loyalty: {
    email: "Loyalty programme emails",
    app: "Rewards in the app",
    store: "Member days in store",
    web: "Renewal page",
    social: "Referral posts",
  },
};

export const TEAM_KEYS = ["logistics", "service", "digital", "store"] as const;
export type TeamKey = (typeof TEAM_KEYS)[number];

/** The team the team_member demo user belongs to in every workspace. */
export const DEMO_TEAM_MEMBER_TEAM: TeamKey = "service";

/** Hours to first response and to resolution per priority. */
export type SlaTable = Record<Priority, { firstResponseHours: number; resolutionHours: number }>;

/** Weights over STAGE_KEYS order, per feedback source. */
export const SOURCE_STAGE_WEIGHTS: Record<FeedbackSource, readonly number[]> = {
  survey: [3, 5, 15, 18, 12, 17, 30],
  review: [2, 6, 14, 22, 40, 8, 8],
  ticket: [0, 2, 14, 26, 14, 44, 0],
  complaint: [1, 2, 12, 32, 15, 33, 5],
  social: [25, 12, 8, 20, 15, 12, 8],
  chat: [2, 15, 22, 20, 8, 33, 0],
  email: [5, 8, 15, 25, 10, 30, 7],
  employee: [2, 3, 20, 30, 5, 35, 5],
};

/** Channel weights per source; `preferred` is the share that uses the customer's preferred channel. */
export const SOURCE_CHANNELS: Record<FeedbackSource, { preferred: number; weights: Partial<Record<Channel, number>> }> =
  {
    survey: { preferred: 0.5, weights: { email: 30, web: 25, app: 20, store: 20, call_centre: 5 } },
    review: { preferred: 0, weights: { web: 45, app: 35, social: 20 } },
    ticket: { preferred: 0.2, weights: { email: 35, web: 25, call_centre: 25, chat: 10, app: 5 } },
    complaint: { preferred: 0.2, weights: { call_centre: 35, store: 25, email: 25, web: 10, social: 5 } },
    social: { preferred: 0, weights: { social: 1 } },
    chat: { preferred: 0, weights: { chat: 85, app: 15 } },
    email: { preferred: 0, weights: { email: 1 } },
    employee: { preferred: 0, weights: { store: 45, call_centre: 35, chat: 10, web: 5, app: 5 } },
  };

/** How a source shifts scores: complaints are negative by nature, reviews lean positive. */
export const SOURCE_EFFECT: Record<FeedbackSource, number> = {
  survey: 0,
  review: 0.1,
  ticket: -0.5,
  complaint: -1.8,
  social: -0.4,
  chat: 0,
  email: -0.3,
  employee: -0.2,
};

export const CHANNEL_EFFECT: Record<Channel, number> = {
  store: 0.15,
  web: 0,
  app: -0.05,
  call_centre: -0.3,
  email: -0.05,
  social: -0.25,
  chat: 0.05,
};

/** Sources of identified customers; anonymous feedback uses ANONYMOUS_SOURCE_WEIGHTS. */
export const CUSTOMER_SOURCE_WEIGHTS: Partial<Record<FeedbackSource, number>> = {
  survey: 44,
  review: 12,
  ticket: 16,
  complaint: 8,
  social: 8,
  chat: 7,
  email: 5,
};

export const ANONYMOUS_SOURCE_WEIGHTS: Partial<Record<FeedbackSource, number>> = {
  employee: 45,
  // an anonymous review has no order behind it (the screening flags it unverified): few of them
  review: 4,
  social: 36,
  survey: 15,
};

/** Share of feedback without a customer (anonymous surveys, reviews, employees). */
export const ANONYMOUS_SHARE = 0.06;

/** Channels an order can be placed through. */
export const ORDER_CHANNEL_WEIGHTS: Partial<Record<Channel, number>> = { web: 40, app: 25, store: 30, call_centre: 5 };

/** Seasonality of volume by calendar month (January first): holiday peak, quiet February. */
export const MONTH_VOLUME = [0.9, 0.85, 0.95, 0.95, 1, 1, 0.95, 0.95, 1, 1.05, 1.35, 1.6] as const;

export const DISMISS_REASONS = [
  "No action needed",
  "Duplicate of an earlier item",
  "Spam or unrelated",
  "Not enough detail to act on",
] as const;

/** Languages of the demo comments (BCP 47 tags, stored in feedback.language). */
export const LANGUAGES = ["en", "he", "fa", "zh", "pl", "fr", "pt"] as const;
export type Language = (typeof LANGUAGES)[number];
