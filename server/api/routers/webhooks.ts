import { createWebhookInput, idInput } from "../../domain/ingest/integrations";
import { webhookDeliveriesInput } from "../../domain/ingest/webhook-deliveries";
import { rotateWebhookSecretInput, updateWebhookInput } from "../../domain/ingest/webhook-settings";
import { listWebhookDeliveries } from "../../services/ingest-webhook-deliveries";
import {
  createWebhookEndpoint,
  enableWebhookEndpoint,
  listWebhookEndpoints,
  removeWebhookEndpoint,
  revokeWebhookEndpoint,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from "../../services/ingest-webhook-endpoints";
import { createTRPCRouter, permissionProcedure } from "../trpc";

const actorOf = (ctx: { user: { id: number }; membership: { workspaceId: number } }) => ({
  userId: ctx.user.id,
  workspaceId: ctx.membership.workspaceId,
});

const manage = permissionProcedure("workspace.integrations");

export const webhooksRouter = createTRPCRouter({
  list: manage.query(({ ctx }) => listWebhookEndpoints(ctx.db, ctx.membership.workspaceId)),
  /** Returns the URL path with its token (and a generated secret) once. */
  create: manage
    .input(createWebhookInput)
    .mutation(({ ctx, input }) => createWebhookEndpoint(ctx.db, actorOf(ctx), input)),
  /** The name, and a generic endpoint's field mapping. */
  update: manage
    .input(updateWebhookInput)
    .mutation(({ ctx, input }) => updateWebhookEndpoint(ctx.db, actorOf(ctx), input)),
  /** Returns a generated secret once (Typeform, generic) when none is given. */
  rotateSecret: manage
    .input(rotateWebhookSecretInput)
    .mutation(({ ctx, input }) => rotateWebhookSecret(ctx.db, actorOf(ctx), input)),
  /** Disables the endpoint: deliveries are refused until it is enabled again. */
  revoke: manage.input(idInput).mutation(({ ctx, input }) => revokeWebhookEndpoint(ctx.db, actorOf(ctx), input.id)),
  enable: manage.input(idInput).mutation(({ ctx, input }) => enableWebhookEndpoint(ctx.db, actorOf(ctx), input.id)),
  remove: manage.input(idInput).mutation(({ ctx, input }) => removeWebhookEndpoint(ctx.db, actorOf(ctx), input.id)),
  /** The endpoint's latest deliveries (at most the last 100 are kept), newest first, refused ones included. */
  deliveries: manage
    .input(webhookDeliveriesInput)
    .query(({ ctx, input }) => listWebhookDeliveries(ctx.db, ctx.membership.workspaceId, input)),
});
