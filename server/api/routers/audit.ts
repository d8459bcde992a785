import { z } from "zod";
import { listAuditEvents } from "../../services/audit";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const auditRouter = createTRPCRouter({
  list: permissionProcedure("audit.read")
    .input(z.object({ cursor: z.number().int().positive().nullish(), limit: z.number().int().min(1).max(100).default(50) }))
    .query(({ ctx, input }) => listAuditEvents(ctx.db, ctx.membership.workspaceId, input)),
});
