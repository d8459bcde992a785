import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { apiKeys, users } from "@/db/schema";
import {
  API_KEY_PREFIX_LENGTH,
  parseApiKeyToken,
  type ApiKeyScope,
  type CreateApiKeyInput,
} from "../domain/ingest/integrations";
import { notFound } from "../errors";
import { recordAudit } from "./audit";
import type { Actor } from "./workspaces";

/** hex SHA-256 of a secret (a key's token, a webhook URL's token, a request). */
export function sha256(value: string | Uint8Array): string {
  return createHash("sha256").update(value).digest("hex");
}

const listColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  scope: apiKeys.scope,
  prefix: apiKeys.prefix,
  rateLimitPerMinute: apiKeys.rateLimitPerMinute,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

/**
 * The workspace's keys, newest first, revoked ones included (they show as revoked), with the name
 * of who created each (null once that user is deleted). Never a secret.
 */
export function listApiKeys(db: Db, workspaceId: number) {
  return db
    .select({ ...listColumns, createdByName: users.name })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(eq(apiKeys.workspaceId, workspaceId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

/**
 * A new key: `tp_<10 hex prefix>_<43 base64url characters (256 random bits)>`. The token is
 * returned this once; only its SHA-256 is stored. Audited.
 */
export async function createApiKey(db: Db, actor: Actor, input: CreateApiKeyInput) {
  const prefix = randomBytes(API_KEY_PREFIX_LENGTH / 2).toString("hex");
  const token = `tp_${prefix}_${randomBytes(32).toString("base64url")}`;
  return db.transaction(async (tx) => {
    const [key] = await tx
      .insert(apiKeys)
      .values({
        workspaceId: actor.workspaceId,
        name: input.name,
        scope: input.scope,
        prefix,
        secretHash: sha256(token),
        rateLimitPerMinute: input.rateLimitPerMinute,
        createdBy: actor.userId,
      })
      .returning(listColumns);
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "apiKeys.create",
      entityType: "api_key",
      entityId: key!.id,
      after: { name: key!.name, scope: key!.scope, prefix, rateLimitPerMinute: key!.rateLimitPerMinute },
    });
    return { key: key!, token };
  });
}

/** Revoke a key of the workspace: every later request with it is answered 401. Audited; idempotent. */
export async function revokeApiKey(db: Db, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select(listColumns)
      .from(apiKeys)
      .where(and(eq(apiKeys.id, id), eq(apiKeys.workspaceId, actor.workspaceId)))
      .for("update");
    if (!before) throw notFound("API key", id);
    if (before.revokedAt) return before;
    const [after] = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()` })
      .where(eq(apiKeys.id, id))
      .returning(listColumns);
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "apiKeys.revoke",
      entityType: "api_key",
      entityId: id,
      before: { revokedAt: null },
      after: { revokedAt: after!.revokedAt },
    });
    return after!;
  });
}

export interface AuthenticatedKey {
  id: number;
  workspaceId: number;
  scope: ApiKeyScope;
  rateLimitPerMinute: number;
}

export type Authentication =
  | { ok: true; key: AuthenticatedKey }
  | { ok: false; status: 401 | 403; code: "unauthorized" | "forbidden"; message: string };

/**
 * Who a bearer token is: the key its prefix names, when the SHA-256 of the token matches the
 * stored one (compared in constant time), the key is not revoked and has `scope`. An unknown,
 * malformed, wrong or revoked token is 401; a valid key without the scope is 403. `last_used_at`
 * is written at most once a minute per key, so busy keys do not write on every request.
 */
export async function authenticateApiKey(db: Db, token: string | null, scope: ApiKeyScope): Promise<Authentication> {
  const unauthorized = (message: string) => ({ ok: false, status: 401, code: "unauthorized", message }) as const;
  if (!token)
    return unauthorized("Send an API key as `Authorization: Bearer tp_…`; create one in Settings → Integrations.");
  const parsed = parseApiKeyToken(token);
  if (!parsed) return unauthorized("The API key is not a Touchpoint key (tp_…); copy it again from Settings.");
  const [key] = await db
    .select({
      id: apiKeys.id,
      workspaceId: apiKeys.workspaceId,
      scope: apiKeys.scope,
      secretHash: apiKeys.secretHash,
      rateLimitPerMinute: apiKeys.rateLimitPerMinute,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.prefix, parsed.prefix));
  const given = Buffer.from(sha256(token.trim()), "hex");
  // compare against a dummy hash when no key has the prefix, so timing does not tell prefixes apart
  const stored = Buffer.from(key?.secretHash ?? sha256(""), "hex");
  if (!key || !timingSafeEqual(given, stored)) return unauthorized("The API key is not valid.");
  if (key.revokedAt) return unauthorized("The API key was revoked; create a new one in Settings → Integrations.");
  if (key.scope !== scope) {
    return {
      ok: false,
      status: 403,
      code: "forbidden",
      message: `This key has the ${key.scope} scope; ${scope} needs an ${scope} key.`,
    };
  }
  await db
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiKeys.id, key.id),
        sql`(${apiKeys.lastUsedAt} IS NULL OR ${apiKeys.lastUsedAt} < now() - interval '1 minute')`,
      ),
    );
  return {
    ok: true,
    key: { id: key.id, workspaceId: key.workspaceId, scope: key.scope, rateLimitPerMinute: key.rateLimitPerMinute },
  };
}
