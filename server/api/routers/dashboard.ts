import { dashboardFiltersInput } from "../../domain/dashboard/filters";
import { getKpiTiles } from "../../services/dashboard";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const dashboardRouter = createTRPCRouter({
  /** KPI tiles (NPS, CSAT, CES, revenue) for one filter set, with deltas vs the comparison period. */
  kpis: permissionProcedure("dashboard.read")
    .input(dashboardFiltersInput)
    .query(({ ctx, input }) => getKpiTiles(ctx.db, ctx.membership.workspaceId, input)),
});
