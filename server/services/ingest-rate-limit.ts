import "server-only";
import { lt, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { queryRows } from "@/db/client";
import { rateLimitBuckets } from "@/db/schema";
import { retryAfterSeconds } from "../domain/ingest/integrations";

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/**
 * Takes one token from the bucket `bucket` (e.g. "api_key:12"), which holds at most `perMinute`
 * tokens and refills at `perMinute / 60` per second: a key may burst to its per-minute limit, and
 * sustains that rate. One UPSERT does it atomically on the database, so every app instance shares
 * the bucket and concurrent requests cannot both take the last token (the row lock of ON CONFLICT
 * serialises them). When the bucket is empty the row is left as it is and the answer says when
 * the next token will be there (Retry-After).
 */
export async function takeRateLimitToken(db: Db, bucket: string, perMinute: number): Promise<RateLimitResult> {
  const perSecond = perMinute / 60;
  // refill = tokens + elapsed seconds × rate, capped at the capacity
  const refill = sql`least(${perMinute}::float8, rate_limit_buckets.tokens + extract(epoch from (clock_timestamp() - rate_limit_buckets.refilled_at)) * ${perSecond}::float8)`;
  const taken = await queryRows<{ tokens: number }>(
    db,
    sql`INSERT INTO rate_limit_buckets (bucket, tokens, refilled_at)
      VALUES (${bucket}, ${perMinute - 1}::float8, clock_timestamp())
      ON CONFLICT (bucket) DO UPDATE SET tokens = ${refill} - 1, refilled_at = clock_timestamp()
      WHERE ${refill} >= 1
      RETURNING rate_limit_buckets.tokens::float8 AS tokens`,
  );
  if (taken[0]) return { ok: true, remaining: Math.floor(taken[0].tokens) };
  const [current] = await queryRows<{ tokens: number }>(
    db,
    sql`SELECT (${refill})::float8 AS tokens FROM rate_limit_buckets WHERE bucket = ${bucket}`,
  );
  return { ok: false, retryAfterSeconds: retryAfterSeconds(current?.tokens ?? 0, perSecond) };
}

/** Deletes buckets untouched for `idleMs` (full again by then for any limit of ≥ 1 per `idleMs`). */
export async function purgeRateLimitBuckets(db: Db, idleMs: number): Promise<number> {
  const removed = await db
    .delete(rateLimitBuckets)
    .where(lt(rateLimitBuckets.refilledAt, new Date(Date.now() - idleMs)))
    .returning({ bucket: rateLimitBuckets.bucket });
  return removed.length;
}
