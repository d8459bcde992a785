import { createWebhookInput, idInput } from "../../domain/ingest/integrations";
import {
  createWebhookEndpoint,
  listWebhookEndpoints,
  revokeWebhookEndpoint,
} from "../../services/ingest-webhook-endpoints";
import { createTRPCRouter, permissionProcedure } from "../trpc";

const actorOf = (ctx: { user: { id: number }; membership: { workspaceId: number } }) => ({
  userId: ctx.user.id,
  workspaceId: ctx.membership.workspaceId,
});

export const webhooksRouter = createTRPCRouter({
  list: permissionProcedure("workspace.integrations").query(({ ctx }) =>
    listWebhookEndpoints(ctx.db, ctx.membership.workspaceId),
  ),
  /** Returns the URL path with its token (and a generated secret) once. */
  create: permissionProcedure("workspace.integrations")
    .input(createWebhookInput)
    .mutation(({ ctx, input }) => createWebhookEndpoint(ctx.db, actorOf(ctx), input)),
  revoke: permissionProcedure("workspace.integrations")
    .input(idInput)
    .mutation(({ ctx, input }) => revokeWebhookEndpoint(ctx.db, actorOf(ctx), input.id)),
});
