import { createTargetInput, removeTargetInput, updateTargetInput } from "../../domain/targets";
import { createTarget, listTargets, listTargetScopeOptions, removeTarget, updateTarget } from "../../services/targets";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const targetsRouter = createTRPCRouter({
  list: permissionProcedure("dashboard.read").query(({ ctx }) => listTargets(ctx.db, ctx.membership.workspaceId)),
  /** The segments and stages the target form offers: only those who may set targets need them. */
  scopeOptions: permissionProcedure("targets.manage").query(({ ctx }) =>
    listTargetScopeOptions(ctx.db, ctx.membership.workspaceId),
  ),
  create: permissionProcedure("targets.manage")
    .input(createTargetInput)
    .mutation(({ ctx, input }) =>
      createTarget(ctx.db, { userId: ctx.user.id, workspaceId: ctx.membership.workspaceId }, input),
    ),
  update: permissionProcedure("targets.manage")
    .input(updateTargetInput)
    .mutation(({ ctx, input }) =>
      updateTarget(ctx.db, { userId: ctx.user.id, workspaceId: ctx.membership.workspaceId }, input),
    ),
  remove: permissionProcedure("targets.manage")
    .input(removeTargetInput)
    .mutation(({ ctx, input }) =>
      removeTarget(ctx.db, { userId: ctx.user.id, workspaceId: ctx.membership.workspaceId }, input),
    ),
});
