import type { FeedbackFilters } from "@/server/domain/feedback/filters";
import { feedbackInboxPath, type FeedbackInboxState } from "@/server/domain/feedback/filter-query";
import type { Translate } from "@/server/i18n/core";
import { languageName } from "./feedback-format";
import { SENTIMENT_LABELS } from "./feedback-labels";

export interface FeedbackFilterChip {
  key: string;
  label: string;
  /** The inbox without this filter (the others, the order and the open item stay). */
  href: string;
  /** Extra explanation for a tooltip. */
  title?: string;
}

interface Named {
  id: number;
  name: string;
}

/** Names for the ids among the filters; an id missing here shows as "#id (not in this workspace)". */
export interface FeedbackChipLabels {
  segments: Named[];
  stages: Named[];
  touchpoints?: Named[];
  themes?: Named[];
  users?: Named[];
  teams?: Named[];
}

export function feedbackInboxPathOf(filters: FeedbackFilters): string {
  return feedbackInboxPath({ filters });
}

/** "YYYY-MM-DD" as the UTC midnight that starts it. */
const utcDay = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * One removable chip per filter, in URL order: the status (only with `includeStatus`: the status
 * tabs show it otherwise), the search, each segment on its own, stage, touchpoint, channel, region,
 * metric kind (removing it removes the NPS category too), NPS category, the score range (one chip),
 * sentiment, priority, source, theme, language, assignee, team, overdue and the date range (one
 * chip). Names come from `labels`; an id the workspace does not know shows as such instead of
 * vanishing. `keep` (the order, the open item) stays in every link.
 */
export function feedbackFilterChips(
  filters: FeedbackFilters,
  labels: FeedbackChipLabels,
  t: Translate,
  locale: string,
  options: { keep?: Omit<FeedbackInboxState, "filters">; includeStatus?: boolean } = {},
): FeedbackFilterChip[] {
  const without = (change: Partial<FeedbackFilters>) =>
    feedbackInboxPath({ ...options.keep, filters: { ...filters, ...change } });
  const nameOf = (list: Named[] | undefined, id: number) =>
    list?.find((entry) => entry.id === id)?.name ?? t("feedback.filters.unknown", { id });
  const chips: FeedbackFilterChip[] = [];
  const add = (key: string, label: string, change: Partial<FeedbackFilters>, title?: string) =>
    chips.push({ key, label, href: without(change), ...(title ? { title } : {}) });

  if (options.includeStatus && filters.status !== undefined) {
    const name = t(`enumLabels.feedbackStatus.${filters.status}`);
    add("status", t("feedback.filters.status", { name }), { status: undefined });
  }
  if (filters.q !== undefined) add("q", t("feedback.filters.search", { text: filters.q }), { q: undefined });
  for (const id of filters.segmentIds) {
    const name = id === null ? t("feedback.filters.noSegment") : nameOf(labels.segments, id);
    add(`segment-${id ?? "none"}`, t("feedback.filters.segment", { name }), {
      segmentIds: filters.segmentIds.filter((other) => other !== id),
    });
  }
  if (filters.stageId !== undefined) {
    add("stage", t("feedback.filters.stage", { name: nameOf(labels.stages, filters.stageId) }), { stageId: undefined });
  }
  if (filters.touchpointId !== undefined) {
    const name = nameOf(labels.touchpoints, filters.touchpointId);
    add("touchpoint", t("feedback.filters.touchpoint", { name }), { touchpointId: undefined });
  }
  if (filters.channel !== undefined) {
    const name = t(`enumLabels.channel.${filters.channel}`);
    add("channel", t("feedback.filters.channel", { name }), { channel: undefined });
  }
  if (filters.region !== undefined) {
    add("region", t("feedback.filters.region", { name: filters.region }), { region: undefined });
  }
  if (filters.metricKind !== undefined) {
    const name = t(`enumLabels.metricKind.${filters.metricKind}`);
    add("kind", t("feedback.filters.kind", { name }), { metricKind: undefined, npsCategory: undefined });
  }
  if (filters.npsCategory !== undefined) {
    const name = t(`feedback.filters.categories.${filters.npsCategory}`);
    add("category", t("feedback.filters.category", { name }), { npsCategory: undefined });
  }
  if (filters.scoreMin !== undefined || filters.scoreMax !== undefined) {
    const { scoreMin: min, scoreMax: max } = filters;
    const label =
      min !== undefined && max !== undefined
        ? t("feedback.filters.scoreRange", { min, max })
        : min !== undefined
          ? t("feedback.filters.scoreFrom", { min })
          : t("feedback.filters.scoreTo", { max: max! });
    add("score", label, { scoreMin: undefined, scoreMax: undefined });
  }
  if (filters.sentiment !== undefined) {
    const name = t(SENTIMENT_LABELS[filters.sentiment]);
    add("sentiment", t("feedback.filters.sentiment", { name }), { sentiment: undefined });
  }
  if (filters.priority !== undefined) {
    const name = t(`enumLabels.priority.${filters.priority}`);
    add("priority", t("feedback.filters.priority", { name }), { priority: undefined });
  }
  if (filters.source !== undefined) {
    const name = t(`enumLabels.feedbackSource.${filters.source}`);
    add("source", t("feedback.filters.source", { name }), { source: undefined });
  }
  if (filters.themeId !== undefined) {
    add("theme", t("feedback.filters.theme", { name: nameOf(labels.themes, filters.themeId) }), { themeId: undefined });
  }
  if (filters.language !== undefined) {
    const name = languageName(filters.language, locale);
    add("language", t("feedback.filters.language", { name }), { language: undefined });
  }
  if (filters.assigneeId !== undefined) {
    const id = filters.assigneeId;
    const name = labels.users?.find((user) => user.id === id)?.name ?? t("feedback.filters.person", { id });
    add("assignee", t("feedback.filters.assignee", { name }), { assigneeId: undefined });
  }
  if (filters.teamId !== undefined) {
    add("team", t("feedback.filters.team", { name: nameOf(labels.teams, filters.teamId) }), { teamId: undefined });
  }
  if (filters.overdue !== undefined) {
    add("overdue", t(filters.overdue ? "feedback.filters.overdue" : "feedback.filters.notOverdue"), {
      overdue: undefined,
    });
  }
  if (filters.suspicious !== undefined) {
    add("suspicious", t(filters.suspicious ? "feedback.filters.suspicious" : "feedback.filters.notSuspicious"), {
      suspicious: undefined,
    });
  }
  if (filters.from !== undefined || filters.to !== undefined) {
    const format = new Intl.DateTimeFormat(locale, {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    });
    const { from, to } = filters;
    const label =
      from !== undefined && to !== undefined
        ? format.formatRange(utcDay(from), utcDay(to))
        : from !== undefined
          ? t("feedback.filters.from", { date: format.format(utcDay(from)) })
          : t("feedback.filters.to", { date: format.format(utcDay(to!)) });
    add("dates", label, { from: undefined, to: undefined }, t("feedback.filters.utcDays"));
  }
  return chips;
}
