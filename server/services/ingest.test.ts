import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type DbHandle } from "@/db/client";
import { createUser, createWorkspace } from "@/db/factories";
import { feedback, ingestRequests, rateLimitBuckets } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { testEngine, testServerUrl } from "@/db/test-engine";
import { createApiKeyInput } from "../domain/ingest/integrations";
import { handleIngest, purgeIngestRequests } from "./ingest";
import { createApiKey } from "./ingest-keys";
import { purgeRateLimitBuckets, takeRateLimitToken } from "./ingest-rate-limit";

let handle: DbHandle;
let workspaceId: number;
let token: string;

beforeAll(async () => {
  handle = await createTestDb();
  workspaceId = (await createWorkspace(handle.db)).id;
  const admin = await createUser(handle.db, workspaceId, "admin");
  const created = await createApiKey(
    handle.db,
    { userId: admin.id, workspaceId },
    createApiKeyInput.parse({ name: "Instances", rateLimitPerMinute: 100_000 }),
  );
  token = created.token;
});
afterAll(() => handle.close());

describe(`rate-limit buckets (${testEngine()})`, () => {
  it("give exactly the bucket's tokens to concurrent requests, then say when the next one comes", async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => takeRateLimitToken(handle.db, "test:burst", 5)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    const refused = results.filter((r) => !r.ok);
    // 5 a minute: one token every 12 s
    for (const r of refused) expect(r.retryAfterSeconds).toBeGreaterThanOrEqual(11);
    for (const r of refused) expect(r.retryAfterSeconds).toBeLessThanOrEqual(12);
    expect(await takeRateLimitToken(handle.db, "test:other", 5)).toEqual({ ok: true, remaining: 4 });
  });

  it("refill with time", async () => {
    await takeRateLimitToken(handle.db, "test:refill", 60);
    // as if the bucket had been emptied 2 s ago: 60 a minute refills 2 tokens
    await handle.db
      .update(rateLimitBuckets)
      .set({ tokens: 0, refilledAt: sql`clock_timestamp() - interval '2 seconds'` })
      .where(eq(rateLimitBuckets.bucket, "test:refill"));
    expect(await takeRateLimitToken(handle.db, "test:refill", 60)).toMatchObject({ ok: true, remaining: 1 });
  });

  it("purge idle buckets and old idempotency answers", async () => {
    await handle.db
      .update(rateLimitBuckets)
      .set({ refilledAt: sql`now() - interval '2 hours'` })
      .where(eq(rateLimitBuckets.bucket, "test:other"));
    expect(await purgeRateLimitBuckets(handle.db, 60 * 60 * 1000)).toBe(1);
    await handle.db.insert(ingestRequests).values([
      {
        workspaceId,
        idempotencyKey: "old",
        requestHash: "x",
        responseStatus: 200,
        responseBody: {},
        createdAt: new Date(Date.now() - 2 * 86_400_000),
      },
      { workspaceId, idempotencyKey: "new", requestHash: "x", responseStatus: 200, responseBody: {} },
    ]);
    expect(await purgeIngestRequests(handle.db, 86_400_000)).toBe(1);
    const left = await handle.db.select({ key: ingestRequests.idempotencyKey }).from(ingestRequests);
    expect(left.map((r) => r.key)).toEqual(["new"]);
  });
});

describe.skipIf(testEngine() !== "postgres")("two app instances (two pools) on one database", () => {
  let second: DbHandle;
  beforeAll(async () => {
    const url = new URL(testServerUrl());
    url.pathname = handle.location.slice(handle.location.indexOf("/"));
    second = await openPostgres(url.toString(), { max: 4 });
  });
  afterAll(() => second.close());

  const request = (body: unknown, idempotencyKey: string) => ({
    entity: "feedback" as const,
    path: "/api/v1/feedback",
    authorization: `Bearer ${token}`,
    idempotencyKey,
    contentType: "application/json",
    body: JSON.stringify(body),
  });
  const items = (prefix: string) =>
    Array.from({ length: 30 }, (_, n) => ({
      source: "review",
      externalId: `${prefix}-${n}`,
      metricKind: "rating",
      score: 1 + (n % 5),
      text: `Review ${n}`,
      receivedAt: "2025-02-01T00:00:00Z",
      customerExternalId: `shared-${n % 3}`,
    }));

  it("write a request retried on both at once exactly once, and replay its answer", async () => {
    const body = items("both");
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, n) => handleIngest(n % 2 ? second.db : handle.db, request(body, "across"))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
    for (const answer of answers) expect(answer.body).toEqual(answers[0]!.body);
    expect(answers.filter((a) => a.headers?.["Idempotent-Replayed"] === "true")).toHaveLength(5);
    const rows = await handle.db
      .select({ id: feedback.id })
      .from(feedback)
      .where(
        and(
          eq(feedback.workspaceId, workspaceId),
          inArray(
            feedback.externalId,
            body.map((b) => b.externalId),
          ),
        ),
      );
    expect(rows).toHaveLength(30);
  });

  it("write overlapping batches under different keys once each, without a 5xx", async () => {
    const body = items("overlap");
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, n) => handleIngest(n % 2 ? second.db : handle.db, request(body, `overlap-${n}`))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    const created = answers.reduce((sum, a) => sum + (a.body as { created: number }).created, 0);
    expect(created).toBe(30);
  });
});
