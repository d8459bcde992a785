/**
 * Closed value sets shared by the database schema (pgEnum), zod inputs and the UI.
 * Pure constants: safe to import from client components.
 */
export const ROLES = ["admin", "executive", "cx_manager", "team_member"] as const;
export type Role = (typeof ROLES)[number];

export const CHANNELS = ["store", "web", "app", "call_centre", "email", "social", "chat"] as const;
export type Channel = (typeof CHANNELS)[number];

export const FEEDBACK_SOURCES = [
  "survey",
  "review",
  "ticket",
  "complaint",
  "social",
  "chat",
  "email",
  "employee",
] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

export const METRIC_KINDS = ["nps", "csat", "ces", "rating", "none"] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

export const SENTIMENT_LABELS = ["negative", "neutral", "positive"] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

export const FEEDBACK_STATUSES = ["new", "triaged", "in_progress", "resolved", "dismissed"] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const PRIORITIES = ["urgent", "high", "normal", "low"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const ORDER_KINDS = ["purchase", "refund"] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

export const ACTION_STATUSES = ["proposed", "planned", "in_progress", "done", "verified", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const KPIS = ["nps", "csat", "ces", "revenue", "churn", "revenue_at_risk"] as const;
export type Kpi = (typeof KPIS)[number];

export const TARGET_SCOPES = ["all", "segment", "stage", "channel"] as const;
export type TargetScope = (typeof TARGET_SCOPES)[number];

export const THEME_LINK_ORIGINS = ["rule", "manual"] as const;
export type ThemeLinkOrigin = (typeof THEME_LINK_ORIGINS)[number];
