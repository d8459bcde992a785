import "server-only";
import { and, eq, lt } from "drizzle-orm";
import type { Db } from "@/db";
import { ingestRequests } from "@/db/schema";
import { customerInput, MAX_CUSTOMER_BATCH } from "../domain/ingest/customer-input";
import { feedbackInput, MAX_FEEDBACK_BATCH } from "../domain/ingest/feedback-input";
import { orderInput, MAX_ORDER_BATCH } from "../domain/ingest/order-input";
import { bearerToken } from "../domain/ingest/integrations";
import { invalidMessage, readItems, type ItemError } from "../domain/ingest/api-items";
import type { Tx } from "./audit";
import { writeFeedback, type WriteResult } from "./ingest-feedback";
import {
  apiError,
  lockWorkspaceIngest,
  queueWorkspaceWrite,
  unexpectedError,
  withRetries,
  type ApiAnswer,
} from "./ingest-http";
import { authenticateApiKey, sha256 } from "./ingest-keys";
import { takeRateLimitToken } from "./ingest-rate-limit";
import { writeCustomers, writeOrders } from "./ingest-records";

export const INGEST_ENTITIES = {
  feedback: { schema: feedbackInput, max: MAX_FEEDBACK_BATCH, noun: "feedback items", write: writeFeedback },
  customers: { schema: customerInput, max: MAX_CUSTOMER_BATCH, noun: "customers", write: writeCustomers },
  orders: { schema: orderInput, max: MAX_ORDER_BATCH, noun: "orders", write: writeOrders },
} as const;
export type IngestEntity = keyof typeof INGEST_ENTITIES;

export interface IngestRequest {
  entity: IngestEntity;
  /** The request path, part of what an Idempotency-Key is bound to. */
  path: string;
  authorization: string | null;
  idempotencyKey: string | null;
  contentType: string | null;
  body: string;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7E]{1,255}$/;

/** A rejected write: thrown inside the transaction so that it rolls back, answered as a 400. */
class Rejected extends Error {
  constructor(readonly errors: ItemError[]) {
    super("rejected");
  }
}

/**
 * One `POST /api/v1/<entity>`: the bearer key (ingest scope), the key's rate limit, the
 * Idempotency-Key, the body (one object or an array), validation of every item, then the write in
 * one transaction, all or nothing. With an Idempotency-Key the first successful answer is stored
 * and replayed for the same body (marked `Idempotent-Replayed: true`); another body under the
 * same key is a 422. Rejected requests store nothing, so they can be fixed and retried with the
 * same key. Concurrent requests with one key: the second waits on the first's idempotency row
 * (unique index) and then replays its answer.
 */
export async function handleIngest(db: Db, request: IngestRequest): Promise<ApiAnswer> {
  try {
    return await ingest(db, request);
  } catch (error) {
    return unexpectedError(error, `POST /api/v1/${request.entity}`);
  }
}

async function ingest(db: Db, request: IngestRequest): Promise<ApiAnswer> {
  const entity = INGEST_ENTITIES[request.entity];
  const auth = await authenticateApiKey(db, bearerToken(request.authorization), "ingest");
  if (!auth.ok) {
    const headers: Record<string, string> =
      auth.status === 401 ? { "WWW-Authenticate": 'Bearer realm="touchpoint"' } : {};
    return apiError(auth.status, auth.code, auth.message, { headers });
  }
  const { key } = auth;
  const limit = await takeRateLimitToken(db, `api_key:${key.id}`, key.rateLimitPerMinute);
  if (!limit.ok) {
    return apiError(
      429,
      "rate_limited",
      `This key may send ${key.rateLimitPerMinute} requests a minute; wait ${limit.retryAfterSeconds} s (Retry-After) and send the request again.`,
      { headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  const idempotencyKey = request.idempotencyKey?.trim() || null;
  if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    return apiError(
      400,
      "invalid_idempotency_key",
      "An Idempotency-Key is 1–255 visible ASCII characters, e.g. a UUID.",
    );
  }
  const requestHash = sha256(`POST ${request.path}\n${request.body}`);
  if (idempotencyKey) {
    const stored = await storedAnswer(db, key.workspaceId, idempotencyKey, requestHash);
    if (stored) return stored;
  }
  if (request.contentType && !/^application\/([\w.+-]+\+)?json\b/i.test(request.contentType)) {
    return apiError(415, "unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  }
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    return apiError(400, "invalid_json", "The body is not valid JSON; send one object or an array of objects.");
  }
  const read = readItems(body, entity.schema, entity.max, entity.noun);
  if (!read.ok)
    return apiError(400, "invalid_input", read.message, read.errors.length > 0 ? { items: read.errors } : {});

  try {
    return await queueWorkspaceWrite(db, key.workspaceId, () =>
      withRetries(() =>
        db.transaction(async (tx) => {
          await lockWorkspaceIngest(tx, key.workspaceId);
          if (idempotencyKey) {
            const [claimed] = await tx
              .insert(ingestRequests)
              .values({
                workspaceId: key.workspaceId,
                apiKeyId: key.id,
                idempotencyKey,
                requestHash,
                // replaced below before commit; no other transaction ever sees it
                responseStatus: 0,
                responseBody: {},
              })
              .onConflictDoNothing({ target: [ingestRequests.workspaceId, ingestRequests.idempotencyKey] })
              .returning({ id: ingestRequests.id });
            if (!claimed) {
              // a concurrent request with this key committed while this one waited on its row
              const stored = await storedAnswer(tx, key.workspaceId, idempotencyKey, requestHash);
              if (stored) return stored;
            }
          }
          const written: WriteResult = await (
            entity.write as (tx: Tx, ws: number, items: readonly unknown[]) => Promise<WriteResult>
          )(tx, key.workspaceId, read.items);
          if (!written.ok) throw new Rejected(written.errors);
          const count = (status: string) => written.items.filter((item) => item.status === status).length;
          const answer = {
            status: 200,
            body: {
              created: count("created"),
              updated: count("updated"),
              unchanged: count("unchanged"),
              items: written.items,
            },
          };
          if (idempotencyKey) {
            await tx
              .update(ingestRequests)
              .set({ responseStatus: answer.status, responseBody: answer.body })
              .where(
                and(eq(ingestRequests.workspaceId, key.workspaceId), eq(ingestRequests.idempotencyKey, idempotencyKey)),
              );
          }
          return answer;
        }),
      ),
    );
  } catch (error) {
    if (error instanceof Rejected) {
      return apiError(400, "invalid_input", invalidMessage(error.errors, read.items.length, entity.noun), {
        items: error.errors,
      });
    }
    throw error;
  }
}

/** The stored answer to `idempotencyKey`, replayed, or a 422 when it was used for another body; null if none. */
async function storedAnswer(
  db: Tx,
  workspaceId: number,
  idempotencyKey: string,
  requestHash: string,
): Promise<ApiAnswer | null> {
  const [row] = await db
    .select({
      requestHash: ingestRequests.requestHash,
      status: ingestRequests.responseStatus,
      body: ingestRequests.responseBody,
    })
    .from(ingestRequests)
    .where(and(eq(ingestRequests.workspaceId, workspaceId), eq(ingestRequests.idempotencyKey, idempotencyKey)));
  if (!row) return null;
  if (row.requestHash !== requestHash) {
    return apiError(
      422,
      "idempotency_key_reused",
      `The Idempotency-Key "${idempotencyKey}" was already used for a different request; use a new key for new data.`,
    );
  }
  return { status: row.status, body: row.body, headers: { "Idempotent-Replayed": "true" } };
}

/** Deletes stored answers older than `maxAgeMs` (after that window, a retry is treated as new). */
export async function purgeIngestRequests(db: Db, maxAgeMs: number): Promise<number> {
  const removed = await db
    .delete(ingestRequests)
    .where(lt(ingestRequests.createdAt, new Date(Date.now() - maxAgeMs)))
    .returning({ id: ingestRequests.id });
  return removed.length;
}
