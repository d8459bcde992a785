import type { Translate } from "@/server/i18n/core";
import { FEEDBACK_INBOX_PATH, type FeedbackFilters, feedbackFiltersQuery } from "@/server/domain/feedback";
import type { FeedbackFilterLabels } from "./feedback-query";

export interface FeedbackFilterChip {
  key: string;
  label: string;
  /** The inbox without this filter (the others and the status stay). */
  href: string;
  /** Extra explanation for a tooltip. */
  title?: string;
}

export function feedbackInboxPath(filters: FeedbackFilters): string {
  const query = feedbackFiltersQuery(filters);
  return query ? `${FEEDBACK_INBOX_PATH}?${query}` : FEEDBACK_INBOX_PATH;
}

/** "YYYY-MM-DD" as the UTC midnight that starts it. */
const utcDay = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * One removable chip per drill-down filter, in URL order: each segment on its own, the stage, channel,
 * region, metric kind (removing it removes the NPS category too), NPS category and the date range
 * (one chip for both ends). The status is not a chip: the status buttons show it.
 * Names come from `labels`; an id the workspace does not know shows as such instead of vanishing.
 */
export function feedbackFilterChips(
  filters: FeedbackFilters,
  labels: FeedbackFilterLabels,
  t: Translate,
  locale: string,
): FeedbackFilterChip[] {
  const without = (change: Partial<FeedbackFilters>) => feedbackInboxPath({ ...filters, ...change });
  const unknown = (id: number) => t("feedback.filters.unknown", { id });
  const chips: FeedbackFilterChip[] = [];

  for (const id of filters.segmentIds) {
    const name =
      id === null
        ? t("feedback.filters.noSegment")
        : (labels.segments.find((segment) => segment.id === id)?.name ?? unknown(id));
    chips.push({
      key: `segment-${id ?? "none"}`,
      label: t("feedback.filters.segment", { name }),
      href: without({ segmentIds: filters.segmentIds.filter((other) => other !== id) }),
    });
  }
  if (filters.stageId !== undefined) {
    const stageId = filters.stageId;
    const name = labels.stages.find((stage) => stage.id === stageId)?.name ?? unknown(stageId);
    chips.push({ key: "stage", label: t("feedback.filters.stage", { name }), href: without({ stageId: undefined }) });
  }
  if (filters.channel !== undefined) {
    const name = t(`enumLabels.channel.${filters.channel}`);
    chips.push({ key: "channel", label: t("feedback.filters.channel", { name }), href: without({ channel: undefined }) });
  }
  if (filters.region !== undefined) {
    const label = t("feedback.filters.region", { name: filters.region });
    chips.push({ key: "region", label, href: without({ region: undefined }) });
  }
  if (filters.metricKind !== undefined) {
    const name = t(`enumLabels.metricKind.${filters.metricKind}`);
    const href = without({ metricKind: undefined, npsCategory: undefined });
    chips.push({ key: "kind", label: t("feedback.filters.kind", { name }), href });
  }
  if (filters.npsCategory !== undefined) {
    const name = t(`feedback.filters.categories.${filters.npsCategory}`);
    const label = t("feedback.filters.category", { name });
    chips.push({ key: "category", label, href: without({ npsCategory: undefined }) });
  }
  if (filters.from !== undefined || filters.to !== undefined) {
    const format = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    const { from, to } = filters;
    const label =
      from !== undefined && to !== undefined
        ? format.formatRange(utcDay(from), utcDay(to))
        : from !== undefined
          ? t("feedback.filters.from", { date: format.format(utcDay(from)) })
          : t("feedback.filters.to", { date: format.format(utcDay(to!)) });
    const title = t("feedback.filters.utcDays");
    chips.push({ key: "dates", label, title, href: without({ from: undefined, to: undefined }) });
  }
  return chips;
}
