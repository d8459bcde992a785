"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-provider";

const NONE: never[] = [];

/**
 * Choices for the action forms: teams and people (feedback.assignees), segments
 * (dashboard.filterOptions), stages with their touchpoints (journeys.list) and themes. Lists are
 * empty while loading; the page prefetches them when a form opens from a link.
 */
export function useActionFormOptions() {
  const trpc = useTRPC();
  const assignees = useQuery(trpc.feedback.assignees.queryOptions());
  const options = useQuery(trpc.dashboard.filterOptions.queryOptions());
  const journeys = useQuery(trpc.journeys.list.queryOptions());
  const themes = useQuery(trpc.feedback.themeOptions.queryOptions());
  const stages = journeys.data?.items ?? NONE;
  return {
    teams: assignees.data?.teams ?? NONE,
    users: assignees.data?.users ?? NONE,
    segments: options.data?.segments ?? NONE,
    stages: stages.length > 0 ? stages.map(({ id, name }) => ({ id, name })) : (options.data?.stages ?? NONE),
    /** Each touchpoint with its stage: a touchpoint link becomes a stage and a channel. */
    touchpoints: stages.flatMap((stage) => stage.touchpoints.map((point) => ({ ...point, stageId: stage.id }))),
    themes: themes.data ?? NONE,
  };
}
