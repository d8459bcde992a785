import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { webhookEndpoints } from "@/db/schema";
import { webhookConfigOf, type CreateWebhookInput } from "../domain/ingest/integrations";
import { notFound } from "../errors";
import { recordAudit } from "./audit";
import { sha256 } from "./ingest-keys";
import type { Actor } from "./workspaces";

const listColumns = {
  id: webhookEndpoints.id,
  tool: webhookEndpoints.tool,
  name: webhookEndpoints.name,
  tokenPrefix: webhookEndpoints.tokenPrefix,
  createdAt: webhookEndpoints.createdAt,
  lastReceivedAt: webhookEndpoints.lastReceivedAt,
  revokedAt: webhookEndpoints.revokedAt,
};

/** The workspace's webhook endpoints, newest first; never a secret, a token or an access token. */
export function listWebhookEndpoints(db: Db, workspaceId: number) {
  return db
    .select(listColumns)
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.workspaceId, workspaceId))
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
}

/** The path a tool posts to, with the endpoint's token. */
export function webhookPath(tool: string, token: string): string {
  return `/api/v1/webhooks/${tool}?endpoint=${token}`;
}

/**
 * A new endpoint. Its URL token (256 random bits) is returned once, in `path`, and only its SHA-256
 * is stored. A generic endpoint without a secret gets a generated one, also returned once. Audited
 * without any secret.
 */
export async function createWebhookEndpoint(db: Db, actor: Actor, input: CreateWebhookInput) {
  const token = randomBytes(32).toString("base64url");
  const generated = input.tool === "generic" && !input.secret ? randomBytes(32).toString("base64url") : null;
  const secret = input.tool === "delighted" ? null : "secret" in input && input.secret ? input.secret : generated;
  return db.transaction(async (tx) => {
    const [endpoint] = await tx
      .insert(webhookEndpoints)
      .values({
        workspaceId: actor.workspaceId,
        tool: input.tool,
        name: input.name,
        tokenPrefix: token.slice(0, 6),
        tokenHash: sha256(token),
        secret,
        config: webhookConfigOf(input),
        createdBy: actor.userId,
      })
      .returning(listColumns);
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "webhooks.create",
      entityType: "webhook_endpoint",
      entityId: endpoint!.id,
      after: { tool: endpoint!.tool, name: endpoint!.name, tokenPrefix: endpoint!.tokenPrefix },
    });
    return { endpoint: endpoint!, path: webhookPath(input.tool, token), generatedSecret: generated };
  });
}

/** Revoke an endpoint: the tool's later deliveries are answered 401. Audited; idempotent. */
export async function revokeWebhookEndpoint(db: Db, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select(listColumns)
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.workspaceId, actor.workspaceId)))
      .for("update");
    if (!before) throw notFound("Webhook endpoint", id);
    if (before.revokedAt) return before;
    const [after] = await tx
      .update(webhookEndpoints)
      .set({ revokedAt: sql`now()` })
      .where(eq(webhookEndpoints.id, id))
      .returning(listColumns);
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "webhooks.revoke",
      entityType: "webhook_endpoint",
      entityId: id,
      before: { revokedAt: null },
      after: { revokedAt: after!.revokedAt },
    });
    return after!;
  });
}
