import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { API_KEY_SCOPES, WEBHOOK_TOOLS } from "../../server/domain/ingest/integrations";
import { WEBHOOK_DELIVERY_MESSAGE_MAX, WEBHOOK_DELIVERY_OUTCOMES } from "../../server/domain/ingest/webhook-deliveries";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const apiKeyScopeEnum = pgEnum("api_key_scope", API_KEY_SCOPES);
export const webhookToolEnum = pgEnum("webhook_tool", WEBHOOK_TOOLS);
export const webhookDeliveryOutcomeEnum = pgEnum("webhook_delivery_outcome", WEBHOOK_DELIVERY_OUTCOMES);

/**
 * Bearer keys of the REST API (`tp_<prefix>_<secret>`). Only the SHA-256 of the whole token is
 * kept: the token carries 256 random bits, so a fast hash cannot be brute-forced and a slow one
 * (scrypt) would only cost every request. The prefix is public and finds the row.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text().notNull(),
    scope: apiKeyScopeEnum().notNull(),
    prefix: text().notNull(),
    /** hex SHA-256 of the full token; the token itself is shown once and never stored. */
    secretHash: text().notNull(),
    rateLimitPerMinute: integer().notNull().default(600),
    createdBy: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // authentication: the token's prefix finds its key
    unique("api_keys_prefix_key").on(t.prefix),
    // Settings lists a workspace's keys, newest first
    index("api_keys_workspace_idx").on(t.workspaceId, t.createdAt),
    check("api_keys_name_not_blank", sql`length(trim(${t.name})) > 0`),
    check("api_keys_rate_limit_positive", sql`${t.rateLimitPerMinute} > 0`),
  ],
);

/**
 * A survey tool's webhook into one workspace, found by the token of its URL
 * (`/api/v1/webhooks/<tool>?endpoint=<token>`), of which only the SHA-256 is kept.
 *
 * `secret` is stored as given, not hashed: verifying an HMAC signature needs the key itself, and
 * encrypting it here would only move the problem to wherever the encryption key lives. It is never
 * returned by the API after creation; `config` holds the tool's options (and SurveyMonkey's
 * access token, likewise never returned).
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    tool: webhookToolEnum().notNull(),
    name: text().notNull(),
    tokenPrefix: text().notNull(),
    tokenHash: text().notNull(),
    secret: text(),
    config: jsonb().notNull().default({}),
    createdBy: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastReceivedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // an incoming webhook: its URL token finds the endpoint
    unique("webhook_endpoints_token_hash_key").on(t.tokenHash),
    // Settings lists a workspace's endpoints, newest first
    index("webhook_endpoints_workspace_idx").on(t.workspaceId, t.createdAt),
    check("webhook_endpoints_name_not_blank", sql`length(trim(${t.name})) > 0`),
    check("webhook_endpoints_secret", sql`${t.tool} = 'delighted' OR ${t.secret} IS NOT NULL`),
  ],
);

/**
 * The delivery log of a webhook endpoint: one row per delivery whose URL token found the endpoint
 * (accepted or refused, with the status and message the sender got), so Settings can show why a
 * tool's deliveries fail. Never the payload, a header or a secret. Operational and bounded: writing
 * a row deletes the endpoint's rows older than the last WEBHOOK_DELIVERIES_KEPT
 * (server/services/ingest-webhook-deliveries.ts).
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    endpointId: integer()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    httpStatus: smallint().notNull(),
    outcome: webhookDeliveryOutcomeEnum().notNull(),
    itemsCreated: integer().notNull().default(0),
    itemsUpdated: integer().notNull().default(0),
    /** redelivered with nothing changed */
    itemsUnchanged: integer().notNull().default(0),
    /** acknowledged with nothing to store (an event without an answer) */
    itemsIgnored: integer().notNull().default(0),
    /** the error code of the answer (`unauthorized`, `invalid_input`, …); null when accepted */
    errorCode: text(),
    message: text(),
    durationMs: integer().notNull(),
  },
  (t) => [
    // Settings: an endpoint's latest deliveries; trimming it to the newest rows by id
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.id),
    // a workspace's deletion cascades to its deliveries
    index("webhook_deliveries_workspace_idx").on(t.workspaceId),
    check("webhook_deliveries_http_status", sql`${t.httpStatus} BETWEEN 100 AND 599`),
    check(
      "webhook_deliveries_counts",
      sql`${t.itemsCreated} >= 0 AND ${t.itemsUpdated} >= 0 AND ${t.itemsUnchanged} >= 0 AND ${t.itemsIgnored} >= 0`,
    ),
    check("webhook_deliveries_duration", sql`${t.durationMs} >= 0`),
    check(
      "webhook_deliveries_message_length",
      sql`length(${t.message}) <= ${sql.raw(String(WEBHOOK_DELIVERY_MESSAGE_MAX))}`,
    ),
  ],
);

/**
 * Answers of the REST API kept per `Idempotency-Key`, so a retried request gets the first answer
 * instead of writing twice. Only successful answers are kept (a rejected request wrote nothing
 * and may be retried as is). The row is inserted first in the request's transaction: a concurrent
 * request with the same key waits on the unique index until the first commits, then replays it.
 */
export const ingestRequests = pgTable(
  "ingest_requests",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    workspaceId: integer()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    apiKeyId: integer().references(() => apiKeys.id, { onDelete: "set null" }),
    idempotencyKey: text().notNull(),
    /** hex SHA-256 of the method, path and body: the same key with another body is refused. */
    requestHash: text().notNull(),
    responseStatus: smallint().notNull(),
    responseBody: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // the idempotency lookup, and the lock concurrent duplicates wait on
    unique("ingest_requests_workspace_key_key").on(t.workspaceId, t.idempotencyKey),
    // a key's deletion sets its requests' key to null
    index("ingest_requests_api_key_idx").on(t.apiKeyId),
    // purging answers older than the replay window
    index("ingest_requests_created_at_idx").on(t.createdAt),
    check("ingest_requests_key_length", sql`length(${t.idempotencyKey}) BETWEEN 1 AND 255`),
  ],
);

/**
 * Token buckets of the per-key rate limit, shared by every app instance: one row per bucket
 * ("api_key:<id>", "webhook:<id>"), taken from and refilled by one atomic UPSERT per request.
 */
export const rateLimitBuckets = pgTable(
  "rate_limit_buckets",
  {
    bucket: text().primaryKey(),
    tokens: doublePrecision().notNull(),
    refilledAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    // purging buckets idle for longer than it takes them to refill
    index("rate_limit_buckets_refilled_at_idx").on(t.refilledAt),
  ],
);
