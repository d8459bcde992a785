import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { users, webhookEndpoints } from "@/db/schema";
import { webhookConfigOf, type CreateWebhookInput, type WebhookTool } from "../domain/ingest/integrations";
import {
  secretIsGenerated,
  webhookSettingsOf,
  type RotateWebhookSecretInput,
  type UpdateWebhookInput,
} from "../domain/ingest/webhook-settings";
import { AppError, notFound } from "../errors";
import type { Tx } from "./audit";
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

/**
 * The workspace's webhook endpoints, newest first, with who created them and the options that may
 * be shown again (webhookSettingsOf); never a secret, a token, an API key or an access token.
 */
export async function listWebhookEndpoints(db: Db, workspaceId: number) {
  const rows = await db
    .select({ ...listColumns, config: webhookEndpoints.config, createdByName: users.name })
    .from(webhookEndpoints)
    .leftJoin(users, eq(users.id, webhookEndpoints.createdBy))
    .where(eq(webhookEndpoints.workspaceId, workspaceId))
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
  return rows.map(({ config, ...row }) => ({ ...row, settings: webhookSettingsOf(row.tool, config) }));
}

/** The path a tool posts to, with the endpoint's token. */
export function webhookPath(tool: string, token: string): string {
  return `/api/v1/webhooks/${tool}?endpoint=${token}`;
}

/** 256 random bits as base64url: a URL token or a generated signing secret. */
function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * A new endpoint. Its URL token (256 random bits) is returned once, in `path`, and only its SHA-256
 * is stored. A Typeform or generic endpoint without a secret gets a generated one, also returned
 * once. Audited without any secret.
 */
export async function createWebhookEndpoint(db: Db, actor: Actor, input: CreateWebhookInput) {
  const token = newSecret();
  const given = "secret" in input ? input.secret : undefined;
  const generated = secretIsGenerated(input.tool) && !given ? newSecret() : null;
  const secret = input.tool === "delighted" ? null : (given ?? generated);
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

/** Disable (revoke) an endpoint: the tool's later deliveries are answered 401. Audited; idempotent. */
export async function revokeWebhookEndpoint(db: Db, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const { config: _config, ...before } = await lockEndpoint(tx, actor.workspaceId, id);
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

/** The endpoint of the workspace with `id`, locked for the change that follows; NOT_FOUND otherwise. */
async function lockEndpoint(tx: Tx, workspaceId: number, id: number) {
  const [endpoint] = await tx
    .select({ ...listColumns, config: webhookEndpoints.config })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.workspaceId, workspaceId)))
    .for("update");
  if (!endpoint) throw notFound("Webhook endpoint", id);
  return endpoint;
}

/** Turn a disabled endpoint back on: the tool's deliveries are accepted again. Audited; idempotent. */
export async function enableWebhookEndpoint(db: Db, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const before = await lockEndpoint(tx, actor.workspaceId, id);
    if (!before.revokedAt) return { id, revokedAt: null };
    await tx.update(webhookEndpoints).set({ revokedAt: null }).where(eq(webhookEndpoints.id, id));
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "webhooks.enable",
      entityType: "webhook_endpoint",
      entityId: id,
      before: { revokedAt: before.revokedAt },
      after: { revokedAt: null },
    });
    return { id, revokedAt: null };
  });
}

/**
 * Rename an endpoint, and for a generic one replace its field mapping when a new one is given (a
 * mapping for another tool is refused: those tools' payloads are read by their adapters). Audited
 * with the name and mapping before and after.
 */
export async function updateWebhookEndpoint(db: Db, actor: Actor, input: UpdateWebhookInput) {
  return db.transaction(async (tx) => {
    const before = await lockEndpoint(tx, actor.workspaceId, input.id);
    if (input.mapping && before.tool !== "generic") {
      throw new AppError(
        "INVALID_INPUT",
        `A field mapping belongs to a generic JSON webhook; ${toolName(before.tool)} payloads are read without one.`,
      );
    }
    const config = input.mapping ? { ...(before.config as object), mapping: input.mapping } : before.config;
    await tx.update(webhookEndpoints).set({ name: input.name, config }).where(eq(webhookEndpoints.id, input.id));
    const settingsBefore = webhookSettingsOf(before.tool, before.config);
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "webhooks.update",
      entityType: "webhook_endpoint",
      entityId: input.id,
      before: { name: before.name, ...(input.mapping ? { mapping: settingsBefore.mapping } : {}) },
      after: { name: input.name, ...(input.mapping ? { mapping: input.mapping } : {}) },
    });
    return { id: input.id, name: input.name, settings: webhookSettingsOf(before.tool, config) };
  });
}

/**
 * A new signing secret for an endpoint: the one given, or — for Typeform and generic endpoints
 * when none is given — a generated one, returned this once (`generatedSecret`). Zendesk's and
 * SurveyMonkey's secrets are made by those tools, so they must be given; Delighted signs nothing
 * and has no secret to rotate. Deliveries signed with the old secret are refused from the commit
 * on. Audited without either secret.
 */
export async function rotateWebhookSecret(db: Db, actor: Actor, input: RotateWebhookSecretInput) {
  return db.transaction(async (tx) => {
    const endpoint = await lockEndpoint(tx, actor.workspaceId, input.id);
    if (endpoint.tool === "delighted") {
      throw new AppError(
        "INVALID_INPUT",
        "Delighted does not sign its webhooks, so there is no secret to rotate: its URL is the secret. Create a new endpoint and delete this one to change it.",
      );
    }
    if (!input.secret && !secretIsGenerated(endpoint.tool)) {
      throw new AppError(
        "INVALID_INPUT",
        `Paste the new signing secret from ${toolName(endpoint.tool)}; Touchpoint cannot make it for that tool.`,
      );
    }
    const generatedSecret = input.secret ? null : newSecret();
    await tx
      .update(webhookEndpoints)
      .set({ secret: input.secret ?? generatedSecret })
      .where(eq(webhookEndpoints.id, input.id));
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "webhooks.rotateSecret",
      entityType: "webhook_endpoint",
      entityId: input.id,
      after: { secretRotated: true, generated: generatedSecret !== null },
    });
    return { id: input.id, generatedSecret };
  });
}

/**
 * Delete an endpoint for good: its URL answers 401 like any unknown one. The feedback it delivered
 * stays. Audited with the endpoint's tool and name.
 */
export async function removeWebhookEndpoint(db: Db, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const before = await lockEndpoint(tx, actor.workspaceId, id);
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "webhooks.remove",
      entityType: "webhook_endpoint",
      entityId: id,
      before: { tool: before.tool, name: before.name, tokenPrefix: before.tokenPrefix },
    });
    return { id };
  });
}

const TOOL_NAMES: Record<WebhookTool, string> = {
  typeform: "Typeform",
  delighted: "Delighted",
  surveymonkey: "SurveyMonkey",
  zendesk: "Zendesk",
  generic: "a generic JSON webhook",
};

function toolName(tool: WebhookTool): string {
  return TOOL_NAMES[tool];
}
