import { listSegments } from "../../services/segments";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const segmentsRouter = createTRPCRouter({
  list: permissionProcedure("segments.read").query(({ ctx }) => listSegments(ctx.db, ctx.membership.workspaceId)),
});
