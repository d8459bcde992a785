import { z } from "zod";
import { dashboardFiltersInput } from "../../domain/dashboard/filters";
import { getDashboardOptions, getHeatmap, getKpiTiles, getSegments, getTrends } from "../../services/dashboard";
import { createTRPCRouter, permissionProcedure } from "../trpc";

const read = permissionProcedure("dashboard.read");

export const dashboardRouter = createTRPCRouter({
  /** Segments, journey stages and regions the filter bar offers. */
  filterOptions: read.query(({ ctx }) => getDashboardOptions(ctx.db, ctx.membership.workspaceId)),
  /** KPI tiles (NPS, CSAT, CES, revenue, churn, revenue at risk) with deltas, targets and sparklines. */
  kpis: read.input(dashboardFiltersInput).query(({ ctx, input }) => getKpiTiles(ctx.db, ctx.membership.workspaceId, input)),
  /** Per segment: NPS, CSAT, revenue, promoter vs detractor value, revenue at risk, churn. */
  segments: read
    .input(dashboardFiltersInput)
    .query(({ ctx, input }) => getSegments(ctx.db, ctx.membership.workspaceId, input)),
  /** Monthly NPS, CSAT and revenue over 24 months, per segment on demand, with annotations and targets. */
  trends: read
    .input(dashboardFiltersInput.extend({ bySegment: z.boolean().default(false) }))
    .query(({ ctx, input }) => getTrends(ctx.db, ctx.membership.workspaceId, input, input.bySegment)),
  /** NPS and CSAT per journey stage × segment. */
  heatmap: read
    .input(dashboardFiltersInput)
    .query(({ ctx, input }) => getHeatmap(ctx.db, ctx.membership.workspaceId, input)),
});
