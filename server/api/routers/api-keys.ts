import { createApiKeyInput, idInput } from "../../domain/ingest/integrations";
import { createApiKey, listApiKeys, revokeApiKey } from "../../services/ingest-keys";
import { createTRPCRouter, permissionProcedure } from "../trpc";

const actorOf = (ctx: { user: { id: number }; membership: { workspaceId: number } }) => ({
  userId: ctx.user.id,
  workspaceId: ctx.membership.workspaceId,
});

export const apiKeysRouter = createTRPCRouter({
  list: permissionProcedure("workspace.integrations").query(({ ctx }) =>
    listApiKeys(ctx.db, ctx.membership.workspaceId),
  ),
  /** Returns the token once; it cannot be read again. */
  create: permissionProcedure("workspace.integrations")
    .input(createApiKeyInput)
    .mutation(({ ctx, input }) => createApiKey(ctx.db, actorOf(ctx), input)),
  revoke: permissionProcedure("workspace.integrations")
    .input(idInput)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, actorOf(ctx), input.id)),
});
