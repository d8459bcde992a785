import { getOverviewCounts } from "../../services/overview";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const overviewRouter = createTRPCRouter({
  counts: permissionProcedure("dashboard.read").query(({ ctx }) =>
    getOverviewCounts(ctx.db, { id: ctx.membership.workspaceId, currency: ctx.membership.currency }),
  ),
});
