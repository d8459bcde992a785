import { listJourneyStages } from "../../services/journeys";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const journeysRouter = createTRPCRouter({
  list: permissionProcedure("journeys.read").query(({ ctx }) => listJourneyStages(ctx.db, ctx.membership.workspaceId)),
});
