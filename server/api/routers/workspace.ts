import { updateWorkspaceInput } from "../../domain/workspace";
import { listMemberships } from "../../services/memberships";
import { updateWorkspace } from "../../services/workspaces";
import { createTRPCRouter, permissionProcedure, protectedProcedure } from "../trpc";

export const workspaceRouter = createTRPCRouter({
  /** The current workspace and role, and every workspace the user can switch to. */
  current: protectedProcedure.query(async ({ ctx }) => ({
    current: ctx.membership,
    user: ctx.user,
    workspaces: await listMemberships(ctx.db, ctx.user.id),
  })),
  update: permissionProcedure("workspace.manage")
    .input(updateWorkspaceInput)
    .mutation(({ ctx, input }) =>
      updateWorkspace(ctx.db, { userId: ctx.user.id, workspaceId: ctx.membership.workspaceId }, input),
    ),
});
