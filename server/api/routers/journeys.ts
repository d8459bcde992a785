import { dashboardFiltersInput } from "../../domain/dashboard/filters";
import {
  archiveInput,
  createStageInput,
  createTouchpointInput,
  reorderStagesInput,
  updateStageInput,
  updateTouchpointInput,
} from "../../domain/journeys";
import {
  archiveStage,
  archiveTouchpoint,
  createStage,
  createTouchpoint,
  reorderJourneyStages,
  updateStage,
  updateTouchpoint,
} from "../../services/journey-editing";
import { getJourneyFunnel, getMomentsOfTruth } from "../../services/journey-insights";
import { getJourneyMap } from "../../services/journey-map";
import { listJourneyStages } from "../../services/journeys";
import { createTRPCRouter, permissionProcedure } from "../trpc";

const actorOf = (ctx: { user: { id: number }; membership: { workspaceId: number } }) => ({
  userId: ctx.user.id,
  workspaceId: ctx.membership.workspaceId,
});
const manage = permissionProcedure("journeys.manage");

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
  createStage: manage.input(createStageInput).mutation(({ ctx, input }) => createStage(ctx.db, actorOf(ctx), input)),
  updateStage: manage.input(updateStageInput).mutation(({ ctx, input }) => updateStage(ctx.db, actorOf(ctx), input)),
  /** The live stages' new order, every live stage once (drag and drop or keyboard). */
  reorderStages: manage
    .input(reorderStagesInput)
    .mutation(({ ctx, input }) => reorderJourneyStages(ctx.db, actorOf(ctx), input.ids)),
  archiveStage: manage.input(archiveInput).mutation(({ ctx, input }) => archiveStage(ctx.db, actorOf(ctx), input.id)),
  createTouchpoint: manage
    .input(createTouchpointInput)
    .mutation(({ ctx, input }) => createTouchpoint(ctx.db, actorOf(ctx), input)),
  updateTouchpoint: manage
    .input(updateTouchpointInput)
    .mutation(({ ctx, input }) => updateTouchpoint(ctx.db, actorOf(ctx), input)),
  archiveTouchpoint: manage
    .input(archiveInput)
    .mutation(({ ctx, input }) => archiveTouchpoint(ctx.db, actorOf(ctx), input.id)),
});
