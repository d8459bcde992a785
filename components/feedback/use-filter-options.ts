"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { FeedbackChipLabels } from "./feedback-filter-chips";
import type { FeedbackFilterLabels } from "./feedback-query";

export interface InboxAccess {
  /** May run triage commands (feedback.work). */
  canWork: boolean;
  /** May read the dashboard's filter options: segments and regions. */
  canReadDashboard: boolean;
  /** May read the journey: stages and touchpoints. */
  canReadJourneys: boolean;
}

const NONE: never[] = [];

/**
 * Choices for the inbox's filter controls and names for its chips, from queries the page prefetched:
 * segments and regions (dashboard), stages with touchpoints (journeys), themes, people and teams
 * (the owner filter, for every reader). Lists are empty while loading or when the role may not read them.
 * `labels` (feedback.filterLabels) names segments and a stage the lists lack, e.g. archived ones.
 */
export function useFilterOptions(access: InboxAccess, labels: FeedbackFilterLabels) {
  const trpc = useTRPC();
  const dashboard = useQuery({ ...trpc.dashboard.filterOptions.queryOptions(), enabled: access.canReadDashboard });
  const journeys = useQuery({ ...trpc.journeys.list.queryOptions(), enabled: access.canReadJourneys });
  const themes = useQuery(trpc.feedback.themeOptions.queryOptions());
  const assignees = useQuery(trpc.feedback.assignees.queryOptions());

  const stages = journeys.data?.items ?? NONE;
  const options = {
    segments: dashboard.data?.segments ?? NONE,
    regions: dashboard.data?.regions ?? NONE,
    stages,
    themes: themes.data ?? NONE,
    users: assignees.data?.users ?? NONE,
    teams: assignees.data?.teams ?? NONE,
  };
  const chipLabels: FeedbackChipLabels = {
    segments: [...labels.segments, ...options.segments],
    stages: [...labels.stages, ...stages],
    touchpoints: stages.flatMap((stage) => stage.touchpoints),
    themes: options.themes,
    users: options.users,
    teams: options.teams,
  };
  return { options, chipLabels };
}

export type FeedbackFilterOptions = ReturnType<typeof useFilterOptions>["options"];
