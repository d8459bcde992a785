import { dashboardFiltersInput } from "../../domain/dashboard/filters";
import { getJourneyFunnel, getMomentsOfTruth } from "../../services/journey-insights";
import { getJourneyMap } from "../../services/journey-map";
import { listJourneyStages } from "../../services/journeys";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const journeysRouter = createTRPCRouter({
  list: permissionProcedure("journeys.read").query(({ ctx }) => listJourneyStages(ctx.db, ctx.membership.workspaceId)),
  /** Per stage and touchpoint: volume, main metric, sentiment, trend and friction themes for a filter set. */
  map: permissionProcedure("journeys.read")
    .input(dashboardFiltersInput)
    .query(({ ctx, input }) => getJourneyMap(ctx.db, ctx.membership.workspaceId, input)),
  /** Stages ranked by the revenue their friction costs (detractor revenue and theme impact). */
  momentsOfTruth: permissionProcedure("journeys.read")
    .input(dashboardFiltersInput)
    .query(({ ctx, input }) => getMomentsOfTruth(ctx.db, ctx.membership.workspaceId, input)),
  /** Customers reaching each stage and the drop between stages, overall and per segment. */
  funnel: permissionProcedure("journeys.read")
    .input(dashboardFiltersInput)
    .query(({ ctx, input }) => getJourneyFunnel(ctx.db, ctx.membership.workspaceId, input)),
});
