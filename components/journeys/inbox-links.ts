import type { DashboardFilters } from "@/server/domain/dashboard/filters";
// the URL writer without the zod schemas (inbox-href.ts carries them): this runs on every render
import { feedbackInboxPath } from "@/server/domain/feedback/filter-query";

/** What a link on the journey page opens: a stage's feedback, or a theme's (or a touchpoint's) at it. */
export interface JourneyInboxTarget {
  stageId: number;
  themeId?: number;
  touchpointId?: number;
}

/**
 * The inbox URL behind a figure of the journey page: the stage (and theme or touchpoint), the
 * period's days, and the page's segment, channel and region filters, so the inbox lists the very
 * feedback the figure counts ("/feedback?segment=3&stage=12&theme=4&from=2026-01-01&to=2026-03-31").
 */
export function journeyInboxHref(
  filters: Pick<DashboardFilters, "segmentIds" | "channel" | "region">,
  period: { from: string; to: string } | null,
  target: JourneyInboxTarget,
): string {
  return feedbackInboxPath({
    filters: {
      segmentIds: [...filters.segmentIds],
      stageId: target.stageId,
      themeId: target.themeId,
      touchpointId: target.touchpointId,
      channel: filters.channel,
      region: filters.region,
      from: period?.from,
      to: period?.to,
    },
  });
}
