import { pgEnum } from "drizzle-orm/pg-core";
import {
  ACTION_STATUSES,
  CHANNELS,
  FEEDBACK_SOURCES,
  FEEDBACK_STATUSES,
  KPIS,
  METRIC_KINDS,
  ORDER_KINDS,
  PRIORITIES,
  ROLES,
  SENTIMENT_LABELS,
  TARGET_SCOPES,
  THEME_LINK_ORIGINS,
} from "../../server/domain/enums";

// Value lists live in server/domain/enums.ts so zod and the UI reuse them without drizzle.
export const roleEnum = pgEnum("role", ROLES);
export const channelEnum = pgEnum("channel", CHANNELS);
export const feedbackSourceEnum = pgEnum("feedback_source", FEEDBACK_SOURCES);
export const metricKindEnum = pgEnum("metric_kind", METRIC_KINDS);
export const sentimentLabelEnum = pgEnum("sentiment_label", SENTIMENT_LABELS);
export const feedbackStatusEnum = pgEnum("feedback_status", FEEDBACK_STATUSES);
export const priorityEnum = pgEnum("priority", PRIORITIES);
export const orderKindEnum = pgEnum("order_kind", ORDER_KINDS);
export const actionStatusEnum = pgEnum("action_status", ACTION_STATUSES);
export const kpiEnum = pgEnum("kpi", KPIS);
export const targetScopeEnum = pgEnum("target_scope", TARGET_SCOPES);
export const themeLinkOriginEnum = pgEnum("theme_link_origin", THEME_LINK_ORIGINS);
