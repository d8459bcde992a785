import type {
  ActionStatus,
  Channel,
  FeedbackSource,
  FeedbackStatus,
  Kpi,
  MetricKind,
  OrderKind,
  Priority,
  Role,
  SentimentLabel,
  TargetScope,
} from "../../server/domain/enums";
import type { ThemeKeywords } from "../schema/themes";

/**
 * Rows as the generator emits them: camelCase keys named like the Drizzle columns, timestamps as
 * ISO-8601 UTC strings, dates as YYYY-MM-DD, money as exact decimal strings. Ids are explicit.
 */

export interface WorkspaceRow {
  id: number;
  slug: string;
  name: string;
  currency: string;
  createdAt: string;
}

export interface DemoUserRef {
  id: number;
  email: string;
  role: Role;
}

export interface MembershipRow {
  workspaceId: number;
  userId: number;
  role: Role;
  createdAt: string;
}

export interface TeamRow {
  id: number;
  workspaceId: number;
  name: string;
  createdAt: string;
}

export interface TeamMemberRow {
  teamId: number;
  userId: number;
}

export interface SegmentRow {
  id: number;
  workspaceId: number;
  name: string;
  description: string;
  color: string;
  createdAt: string;
}

export interface StageRow {
  id: number;
  workspaceId: number;
  name: string;
  position: number;
  mainMetric: MetricKind;
}

export interface TouchpointRow {
  id: number;
  workspaceId: number;
  stageId: number;
  name: string;
  channel: Channel;
}

export interface ThemeRow {
  id: number;
  workspaceId: number;
  name: string;
  keywords: ThemeKeywords;
  createdAt: string;
}

export interface SlaPolicyRow {
  workspaceId: number;
  priority: Priority;
  firstResponseHours: number;
  resolutionHours: number;
}

export interface CustomerRow {
  id: number;
  workspaceId: number;
  externalId: string;
  name: string | null;
  email: string | null;
  segmentId: number;
  region: string;
  preferredChannel: Channel;
  createdAt: string;
  churnedAt: string | null;
}

export interface OrderRow {
  id: number;
  workspaceId: number;
  customerId: number;
  externalId: string;
  kind: OrderKind;
  amount: string;
  currency: string;
  orderedAt: string;
  channel: Channel;
}

export interface FeedbackRow {
  id: number;
  workspaceId: number;
  customerId: number | null;
  source: FeedbackSource;
  externalId: string;
  channel: Channel;
  /** Null for the few items that cannot be placed on the journey. */
  stageId: number | null;
  touchpointId: number | null;
  metricKind: MetricKind;
  score: number | null;
  text: string | null;
  language: string | null;
  sentiment: number;
  sentimentLabel: SentimentLabel;
  receivedAt: string;
  status: FeedbackStatus;
  priority: Priority;
  assigneeId: number | null;
  teamId: number | null;
  dueAt: string;
  firstTriagedAt: string | null;
  resolvedAt: string | null;
  resolutionNote: string | null;
  customerContacted: boolean | null;
  dismissReason: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A generated item after the text analysis (./analyse.ts), as the seed writes it. */
export interface AnalysedFeedbackRow extends Omit<FeedbackRow, "sentiment" | "sentimentLabel"> {
  /** Null only for an item with neither a comment nor a score. */
  sentiment: number | null;
  sentimentLabel: SentimentLabel | null;
  sentimentSource: string | null;
  searchTerms: string[];
  textKey: string | null;
  analysedAt: string;
}

export interface FeedbackThemeRow {
  feedbackId: number;
  themeId: number;
  origin: "rule";
}

export interface KpiTargetRow {
  id: number;
  workspaceId: number;
  kpi: Kpi;
  scope: TargetScope;
  segmentId: number | null;
  stageId: number | null;
  channel: Channel | null;
  targetValue: string;
  periodStart: string;
  periodEnd: string;
  reviewDate: string;
  createdBy: number;
  createdAt: string;
}

export interface ActionRow {
  id: number;
  workspaceId: number;
  title: string;
  description: string;
  ownerTeamId: number;
  assigneeId: number | null;
  status: ActionStatus;
  dueDate: string;
  reviewDate: string | null;
  scopeSegmentId: number | null;
  scopeStageId: number | null;
  scopeChannel: Channel | null;
  scopeThemeId: number | null;
  kpi: Kpi;
  baseline: string;
  target: string;
  completedAt: string | null;
  droppedReason: string | null;
  version: number;
  createdBy: number;
  createdAt: string;
  updatedAt: string;
}

export interface ActionStatusChangeRow {
  id: number;
  actionId: number;
  fromStatus: ActionStatus | null;
  toStatus: ActionStatus;
  changedBy: number;
  changedAt: string;
  note: string | null;
}

export interface ActionFeedbackRow {
  actionId: number;
  feedbackId: number;
}
