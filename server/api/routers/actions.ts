import { listActionsInput } from "../../domain/actions";
import { listActions } from "../../services/actions";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const actionsRouter = createTRPCRouter({
  list: permissionProcedure("actions.read")
    .input(listActionsInput)
    .query(({ ctx, input }) => listActions(ctx.db, ctx.membership.workspaceId, input)),
});
