import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideDatabase, type DbHandle } from "@/db";
import { createSegment, createUser, createWorkspace } from "@/db/factories";
import { customers, feedback, ingestRequests, orders } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { createApiKeyInput } from "../../domain/ingest/integrations";
import { createApiKey, revokeApiKey } from "../../services/ingest-keys";
import { send } from "./testing";

let handle: DbHandle;
let workspaceId: number;
let actor: { userId: number; workspaceId: number };
let token: string;
let ids = 0;

const item = (overrides: Record<string, unknown> = {}) => ({
  source: "survey",
  externalId: `R-${(ids += 1)}`,
  metricKind: "nps",
  score: 3,
  text: "The delivery was late and nobody answered the phone.",
  receivedAt: "2025-03-01T10:00:00.123456+02:00",
  ...overrides,
});

async function newKey(overrides: Record<string, unknown> = {}) {
  return createApiKey(handle.db, actor, createApiKeyInput.parse({ name: "Test", ...overrides }));
}

async function feedbackRows(externalIds: string[]) {
  return handle.db
    .select()
    .from(feedback)
    .where(and(eq(feedback.workspaceId, workspaceId), inArray(feedback.externalId, externalIds)));
}

beforeAll(async () => {
  handle = await createTestDb();
  provideDatabase(handle);
  const workspace = await createWorkspace(handle.db);
  workspaceId = workspace.id;
  const admin = await createUser(handle.db, workspaceId, "admin");
  actor = { userId: admin.id, workspaceId };
  token = (await newKey({ rateLimitPerMinute: 100_000 })).token;
});
afterAll(() => handle.close());

describe(`POST /api/v1/feedback (${testEngine()})`, () => {
  it("stores a valid batch once, analysed, creating the unknown customer", async () => {
    const batch = [
      item({ customerExternalId: "CUST-1", customerEmail: "ana@example.com", customerName: "Ana" }),
      item({ metricKind: "csat", score: 5, text: "Great service", customerExternalId: "CUST-1" }),
      item({ metricKind: "none", score: null, text: null }),
    ];
    const first = await send("feedback", batch, { token });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    expect(first.body.items.map((i: { index: number; status: string }) => [i.index, i.status])).toEqual([
      [0, "created"],
      [1, "created"],
      [2, "created"],
    ]);
    const rows = await feedbackRows(batch.map((b) => b.externalId));
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.analysedAt !== null)).toBe(true);
    const detractor = rows.find((row) => row.externalId === batch[0]!.externalId)!;
    expect(detractor.sentimentLabel).toBe("negative");
    expect(detractor.priority).not.toBe("normal");
    const [customer] = await handle.db
      .select()
      .from(customers)
      .where(and(eq(customers.workspaceId, workspaceId), eq(customers.externalId, "CUST-1")));
    expect(customer).toMatchObject({ email: "ana@example.com", name: "Ana" });
    expect(rows.filter((row) => row.customerId === customer!.id)).toHaveLength(2);
    const [micro] = await handle.db
      .execute<{ t: string }>(
        sql`SELECT to_char(received_at AT TIME ZONE 'UTC', 'HH24:MI:SS.US') AS t FROM feedback WHERE id = ${detractor.id}`,
      )
      .then((result) => (result as unknown as { rows: { t: string }[] }).rows);
    expect(micro!.t).toBe("08:00:00.123456");

    const again = await send("feedback", batch, { token });
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(again.body.items.map((i: { id: number }) => i.id)).toEqual(
      first.body.items.map((i: { id: number }) => i.id),
    );
    const changed = await send("feedback", [{ ...batch[2], text: "Now with a comment" }], { token });
    expect(changed.body).toMatchObject({ created: 0, updated: 1 });
    expect(await feedbackRows(batch.map((b) => b.externalId))).toHaveLength(3);
  });

  it("accepts one object as a batch of one", async () => {
    const single = item();
    const answer = await send("feedback", single, { token });
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([
      { index: 0, id: expect.any(Number), externalId: single.externalId, status: "created" },
    ]);
  });

  it("rejects a batch with bad items as a whole, naming each problem per item", async () => {
    const batch = [item(), item({ score: 11 }), item({ receivedAt: "yesterday", source: "fax" })];
    const answer = await send("feedback", batch, { token });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("invalid_input");
    expect(answer.body.error.message).toMatch(/2 of 3 feedback items are invalid; nothing was written/);
    const problems = answer.body.error.items.map((e: { index: number; path: string }) => `${e.index}.${e.path}`);
    expect(problems.sort()).toEqual(["1.score", "2.receivedAt", "2.source"]);
    expect(await feedbackRows(batch.map((b) => String(b.externalId)))).toHaveLength(0);
  });

  it("rejects an item sent twice in one request, and bodies that are not batches", async () => {
    const one = item();
    const twice = await send("feedback", [one, { ...one, score: 9 }], { token });
    expect(twice.status).toBe(400);
    expect(twice.body.error.items).toEqual([
      { index: 1, path: "externalId", message: expect.stringContaining("item 0") },
    ]);
    expect(await feedbackRows([one.externalId])).toHaveLength(0);

    expect((await send("feedback", null, { token, raw: "{not json" })).body.error.code).toBe("invalid_json");
    expect((await send("feedback", [], { token })).status).toBe(400);
    const tooMany = await send(
      "feedback",
      Array.from({ length: 1001 }, () => item()),
      { token },
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/at most 1000/);
  });

  it("replays the stored answer for a retried Idempotency-Key and refuses the key for another body", async () => {
    const batch = [item(), item()];
    const first = await send("feedback", batch, { token, idempotencyKey: "retry-1" });
    const retry = await send("feedback", batch, { token, idempotencyKey: "retry-1" });
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expect(first.body.created).toBe(2);
    expect(await feedbackRows(batch.map((b) => b.externalId))).toHaveLength(2);

    const other = await send("feedback", [item()], { token, idempotencyKey: "retry-1" });
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({
      code: "idempotency_key_reused",
      message: expect.stringContaining("retry-1"),
    });
  });

  it("stores nothing for a rejected request, so the fixed request may reuse its key", async () => {
    const good = item();
    const bad = await send("feedback", [good, item({ score: 42 })], { token, idempotencyKey: "fix-me" });
    expect(bad.status).toBe(400);
    const fixed = await send("feedback", [good], { token, idempotencyKey: "fix-me" });
    expect(fixed.status).toBe(200);
    expect(fixed.body.created).toBe(1);
  });

  it("writes concurrent duplicates exactly once", async () => {
    const batch = Array.from({ length: 20 }, () => item());
    const sameKey = await Promise.all(
      Array.from({ length: 6 }, () => send("feedback", batch, { token, idempotencyKey: "race" })),
    );
    expect(sameKey.map((a) => a.status)).toEqual(Array(6).fill(200));
    // one answer for all (a replay comes from jsonb, so compare values, not key order)
    for (const answer of sameKey) expect(answer.body).toEqual(sameKey[0]!.body);
    expect(sameKey[0]!.body.created).toBe(20);
    expect(sameKey.filter((a) => a.headers.get("idempotent-replayed") === "true")).toHaveLength(5);
    const stored = await handle.db
      .select()
      .from(ingestRequests)
      .where(and(eq(ingestRequests.workspaceId, workspaceId), eq(ingestRequests.idempotencyKey, "race")));
    expect(stored).toHaveLength(1);

    const others = Array.from({ length: 20 }, () => item());
    const differentKeys = await Promise.all(
      Array.from({ length: 6 }, (_, n) => send("feedback", others, { token, idempotencyKey: `race-${n}` })),
    );
    expect(differentKeys.map((a) => a.status)).toEqual(Array(6).fill(200));
    expect(differentKeys.reduce((sum, a) => sum + a.body.created, 0)).toBe(20);
    const rows = await feedbackRows([...batch, ...others].map((b) => b.externalId));
    expect(rows).toHaveLength(40);
  });
});

describe(`API keys on the REST API (${testEngine()})`, () => {
  it("answers 401 without a key, with a wrong or revoked one, and 403 for a read key", async () => {
    const body = [item()];
    const anonymous = await send("feedback", body, { token: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await send("feedback", body, { token: "tp_0123456789_notthesecretnotthesecret" })).status).toBe(401);
    expect((await send("feedback", body, { token: token.slice(0, -2) + "xx" })).status).toBe(401);
    const revoked = await newKey();
    await revokeApiKey(handle.db, actor, revoked.key.id);
    const refused = await send("feedback", body, { token: revoked.token });
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toMatch(/revoked/);
    const reader = await newKey({ scope: "read" });
    const forbidden = await send("feedback", body, { token: reader.token });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe("forbidden");
    expect(await feedbackRows([body[0]!.externalId])).toHaveLength(0);
  });

  it("answers 429 with Retry-After past the key's limit", async () => {
    const limited = await newKey({ rateLimitPerMinute: 3 });
    const answers = [];
    for (let n = 0; n < 4; n++) answers.push(await send("feedback", [item()], { token: limited.token }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    const retryAfter = Number(answers[3]!.headers.get("retry-after"));
    // 3 a minute refill one token in 20 s
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(20);
    expect(answers[3]!.body.error.code).toBe("rate_limited");
  });
});

describe(`POST /api/v1/customers and /orders (${testEngine()})`, () => {
  it("upserts customers with segments by name and refuses unknown segments and impossible dates", async () => {
    await createSegment(handle.db, workspaceId, { name: "Enterprise" });
    const ok = await send(
      "customers",
      [
        { externalId: "C-100", name: "Bea", segment: "enterprise", createdAt: "2024-01-01T00:00:00Z" },
        { externalId: 101, email: "cy@example.com" },
      ],
      { token },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.created).toBe(2);
    const bad = await send(
      "customers",
      [
        { externalId: "C-102", segment: "Nope" },
        { externalId: "C-100", churnedAt: "2023-06-01T00:00:00Z" },
      ],
      { token },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.items.map((e: { index: number; path: string }) => `${e.index}.${e.path}`)).toEqual([
      "0.segment",
      "1.churnedAt",
    ]);
    const rows = await handle.db.select().from(customers).where(eq(customers.workspaceId, workspaceId));
    expect(rows.find((c) => c.externalId === "C-102")).toBeUndefined();
    expect(rows.find((c) => c.externalId === "C-100")?.segmentId).not.toBeNull();
    expect(rows.find((c) => c.externalId === "101")?.email).toBe("cy@example.com");
  });

  it("stores orders with exact amounts and refuses orders of unknown customers", async () => {
    const answer = await send(
      "orders",
      [
        { externalId: "O-1", customerExternalId: "C-100", amount: "1234567890.99", orderedAt: "2025-01-02T03:04:05Z" },
        {
          externalId: "O-2",
          customerExternalId: "C-100",
          kind: "refund",
          amount: "-0.10",
          orderedAt: "2025-01-03T00:00:00Z",
        },
      ],
      { token },
    );
    expect(answer.status).toBe(200);
    const stored = await handle.db
      .select({ externalId: orders.externalId, amount: orders.amount })
      .from(orders)
      .where(eq(orders.workspaceId, workspaceId))
      .orderBy(orders.externalId);
    expect(stored).toEqual([
      { externalId: "O-1", amount: "1234567890.99" },
      { externalId: "O-2", amount: "-0.10" },
    ]);
    const unknown = await send(
      "orders",
      [
        { externalId: "O-3", customerExternalId: "C-100", amount: "5.00", orderedAt: "2025-01-02T03:04:05Z" },
        { externalId: "O-4", customerExternalId: "ghost", amount: "5.00", orderedAt: "2025-01-02T03:04:05Z" },
      ],
      { token },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.items).toEqual([
      { index: 1, path: "customerExternalId", message: expect.stringContaining("ghost") },
    ]);
    const negative = await send(
      "orders",
      { externalId: "O-5", customerExternalId: "C-100", amount: "-5.00", orderedAt: "2025-01-02T03:04:05Z" },
      { token },
    );
    expect(negative.body.error.items[0]).toMatchObject({ index: 0, path: "amount" });
    expect(await handle.db.select().from(orders).where(eq(orders.workspaceId, workspaceId))).toHaveLength(2);
  });
});
