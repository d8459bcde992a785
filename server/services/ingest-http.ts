import "server-only";
import { sql } from "drizzle-orm";
import type { ItemError } from "../domain/ingest/api-items";
import type { Tx } from "./audit";

/**
 * The answers of the REST API (`/api/v1/…`) as plain data, so services stay free of Next and the
 * route handlers only turn them into Responses. Errors read `{ error: { code, message, items? } }`.
 */
export interface ApiAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export type ApiErrorCode =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "invalid_json"
  | "unsupported_media_type"
  | "payload_too_large"
  | "invalid_input"
  | "invalid_idempotency_key"
  | "idempotency_key_reused"
  | "rate_limited"
  | "busy"
  | "upstream_failed"
  | "internal";

export function apiError(
  status: number,
  code: ApiErrorCode,
  message: string,
  extra: { items?: ItemError[]; headers?: Record<string, string> } = {},
): ApiAnswer {
  return {
    status,
    body: { error: { code, message, ...(extra.items ? { items: extra.items } : {}) } },
    ...(extra.headers ? { headers: extra.headers } : {}),
  };
}

/** The SQLSTATE of a database error, looking through the wrappers drizzle puts around it. */
export function sqlState(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

/** Deadlocks and serialization failures: the transaction wrote nothing and can simply run again. */
export function isRetryable(error: unknown): boolean {
  const state = sqlState(error);
  return state === "40P01" || state === "40001";
}

/**
 * Runs `work` (a whole transaction) again when the database aborted it as a deadlock victim or a
 * serialization failure, up to `attempts` times, with a short random pause between tries.
 */
export async function withRetries<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 40));
    }
  }
}

/**
 * An unexpected failure as an answer: a constraint or data error the validation missed is the
 * sender's input (400), a retried-out deadlock is 503 with Retry-After, anything else 500 (logged,
 * message hidden).
 */
export function unexpectedError(error: unknown, where: string): ApiAnswer {
  const state = sqlState(error);
  if (state && (state.startsWith("22") || state.startsWith("23"))) {
    return apiError(
      400,
      "invalid_input",
      "The database refused a value of the request; check the items and send it again.",
    );
  }
  if (isRetryable(error)) {
    return apiError(503, "busy", "The request collided with concurrent writes; send it again.", {
      headers: { "Retry-After": "1" },
    });
  }
  console.error(`[api] ${where} failed:`, error);
  return apiError(500, "internal", "Something went wrong on our side; the request wrote nothing. Send it again later.");
}

/** Per database handle (one app instance's pool), per workspace: the last queued write. */
const queues = new WeakMap<object, Map<number, Promise<void>>>();

/**
 * Runs `work` (an ingest transaction on `db`) after every earlier ingest write of the same
 * workspace through this handle has finished. Every write of a workspace updates the workspace's
 * rollup cube rows (the triggers of db/migrations 0006+), so concurrent batches would wait on each
 * other's row locks anyway — and, taking them in different orders, deadlock. Queuing them here
 * means a waiting request holds no pooled connection; across app instances, `lockWorkspaceIngest`
 * inside the transaction does the same on the database. Other workspaces are not held up.
 */
export async function queueWorkspaceWrite<T>(db: object, workspaceId: number, work: () => Promise<T>): Promise<T> {
  let byWorkspace = queues.get(db);
  if (!byWorkspace) queues.set(db, (byWorkspace = new Map()));
  const previous = byWorkspace.get(workspaceId) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => mine);
  byWorkspace.set(workspaceId, tail);
  await previous;
  try {
    return await work();
  } finally {
    release();
    if (byWorkspace.get(workspaceId) === tail) byWorkspace.delete(workspaceId);
  }
}

/** The database half of queueWorkspaceWrite: one ingest transaction per workspace at a time, across instances. */
export async function lockWorkspaceIngest(tx: Tx, workspaceId: number): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('ingest'), ${workspaceId}::int)`);
}
