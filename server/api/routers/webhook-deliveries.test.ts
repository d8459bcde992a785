import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { provideDatabase, type DbHandle } from "@/db";
import { rateLimitBuckets, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { signTouchpoint } from "../../domain/ingest/signatures";
import { WEBHOOK_DELIVERIES_KEPT } from "../../domain/ingest/webhook-deliveries";
import { receiveWebhook, type ReceiveOptions } from "../../services/ingest-webhooks";
import { deliver } from "../rest/testing";
import { MAX_WEBHOOK_BODY_BYTES } from "../rest/routes";
import { callerFor, createRoleFixture } from "../testing/callers";

let handle: DbHandle;
let fixture: Awaited<ReturnType<typeof createRoleFixture>>;
let other: Awaited<ReturnType<typeof createRoleFixture>>;

beforeAll(async () => {
  handle = await createTestDb();
  provideDatabase(handle);
  fixture = await createRoleFixture(handle.db);
  other = await createRoleFixture(handle.db, "Other");
});
afterAll(() => handle.close());

const admin = () => callerFor(handle.db, fixture.users.admin, fixture.workspace.id);

const MAPPING = {
  paths: { externalId: "data.id", receivedAt: "data.at", score: "data.score", text: "data.comment" },
  metricKind: "nps" as const,
};

/** A new generic endpoint of the fixture's workspace: its id, URL token and generated secret. */
async function createGeneric(name = "Shop") {
  const created = await (await admin()).webhooks.create({ tool: "generic", name, mapping: MAPPING });
  const token = new URL(created.path, "http://x").searchParams.get("endpoint")!;
  return { id: created.endpoint.id, path: created.path, token, secret: created.generatedSecret! };
}

/** Posts `payload` as the generic tool would, signed with `secret` (or not signed at all). */
async function deliverGeneric(
  token: string | null,
  payload: unknown,
  secret: string | null,
  options?: ReceiveOptions,
  tool = "generic",
) {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const headers = new Headers(secret ? { "X-Touchpoint-Signature": await signTouchpoint(body, secret) } : {});
  return receiveWebhook(handle.db, { tool, token, headers, body }, options);
}

const item = (id: string, score = "9") => ({ data: { id, at: "2024-05-01T10:00:00Z", score, comment: "Quick" } });

async function logOf(endpointId: number) {
  return handle.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(webhookDeliveries.id);
}

describe(`webhook delivery log (${testEngine()})`, () => {
  it("logs an accepted delivery with its items: created, then unchanged when delivered again", async () => {
    const endpoint = await createGeneric();
    const before = Date.now();
    const first = await deliverGeneric(endpoint.token, item("d-1"), endpoint.secret);
    expect(first).toMatchObject({ status: 200, body: { status: "created" } });
    const again = await deliverGeneric(endpoint.token, item("d-1"), endpoint.secret);
    expect(again).toMatchObject({ status: 200, body: { status: "unchanged" } });

    const log = await logOf(endpoint.id);
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({
      workspaceId: fixture.workspace.id,
      httpStatus: 200,
      outcome: "accepted",
      itemsCreated: 1,
      itemsUpdated: 0,
      itemsUnchanged: 0,
      itemsIgnored: 0,
      errorCode: null,
      message: null,
    });
    expect(log[1]).toMatchObject({ outcome: "accepted", itemsCreated: 0, itemsUnchanged: 1 });
    expect(log[0]!.receivedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(log[0]!.receivedAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(log[0]!.durationMs).toBeGreaterThanOrEqual(0);
    expect(log[0]!.durationMs).toBeLessThan(60_000);
  });

  it("logs refusals with the status and message the sender got, never the secret or the payload", async () => {
    const endpoint = await createGeneric();
    const wrong = await deliverGeneric(endpoint.token, item("secret-payload-marker"), "not-the-secret");
    expect(wrong.status).toBe(401);
    const unsigned = await deliverGeneric(endpoint.token, item("d-2"), null);
    expect(unsigned.status).toBe(401);
    const invalid = await deliverGeneric(endpoint.token, { data: { id: "d-3" } }, endpoint.secret);
    expect(invalid.status).toBe(400);
    const notJson = await deliverGeneric(endpoint.token, "{not json", endpoint.secret);
    expect(notJson.status).toBe(400);

    const log = await logOf(endpoint.id);
    expect(log.map((d) => [d.httpStatus, d.outcome, d.errorCode])).toEqual([
      [401, "rejected", "unauthorized"],
      [401, "rejected", "unauthorized"],
      [400, "rejected", "invalid_input"],
      [400, "rejected", "invalid_json"],
    ]);
    const messageOf = (answer: { body: unknown }) => (answer.body as { error: { message: string } }).error.message;
    expect(log[0]!.message).toBe(messageOf(wrong));
    expect(log[0]!.message).toMatch(/signature does not match/);
    expect(log[1]!.message).toBe("The request is not signed: the X-Touchpoint-Signature header is missing.");
    expect(log[2]!.message).toMatch(new RegExp(`^${escape(messageOf(invalid))} \\S`));
    expect(log[3]!.message).toBe("The webhook body is not valid JSON.");
    for (const row of log) expect(row).toMatchObject({ itemsCreated: 0, itemsUnchanged: 0, itemsIgnored: 0 });
    const text = JSON.stringify(log);
    expect(text).not.toContain(endpoint.secret);
    expect(text).not.toContain("secret-payload-marker");
  });

  it("logs a rate-limited delivery with 429", async () => {
    const endpoint = await createGeneric();
    await handle.db
      .insert(rateLimitBuckets)
      .values({ bucket: `webhook:${endpoint.id}`, tokens: 0, refilledAt: new Date() });
    const limited = await deliverGeneric(endpoint.token, item("d-4"), endpoint.secret);
    expect(limited.status).toBe(429);
    expect(await logOf(endpoint.id)).toMatchObject([
      { httpStatus: 429, outcome: "rejected", errorCode: "rate_limited", message: expect.stringMatching(/retry/) },
    ]);
  });

  it("does not log an unknown token; logs a known token that is disabled or used for another tool", async () => {
    const endpoint = await createGeneric();
    const [{ n: before }] = (await handle.db.select({ n: count() }).from(webhookDeliveries)) as [{ n: number }];
    const unknown = await deliverGeneric("not-a-token-of-any-endpoint", item("d-5"), endpoint.secret);
    expect(unknown.status).toBe(401);
    expect((await deliverGeneric(null, item("d-5"), endpoint.secret)).status).toBe(401);
    const [{ n: after }] = (await handle.db.select({ n: count() }).from(webhookDeliveries)) as [{ n: number }];
    expect(after).toBe(before);

    const wrongTool = await deliverGeneric(endpoint.token, item("d-5"), endpoint.secret, undefined, "typeform");
    await (await admin()).webhooks.revoke({ id: endpoint.id });
    const disabled = await deliverGeneric(endpoint.token, item("d-5"), endpoint.secret);
    // the sender is told the same as for an unknown token
    expect(wrongTool).toEqual(unknown);
    expect(disabled).toEqual(unknown);
    expect(await logOf(endpoint.id)).toMatchObject([
      { httpStatus: 401, outcome: "rejected", message: (unknown.body as { error: { message: string } }).error.message },
      { httpStatus: 401, outcome: "rejected" },
    ]);
  });

  it("answers as before when the log cannot be written", async () => {
    const endpoint = await createGeneric();
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      // the endpoint is deleted between the answer and the log's write: the write breaks its foreign key
      const removeFirst: ReceiveOptions = {
        defer: async (write) => {
          await handle.db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
          await write();
        },
      };
      const answer = await deliverGeneric(endpoint.token, item("d-6"), endpoint.secret, removeFirst);
      expect(answer).toMatchObject({ status: 200, body: { status: "created", externalId: "generic:d-6" } });
      expect(errors).toHaveBeenCalledWith(
        `[api] logging a delivery of webhook endpoint ${endpoint.id} failed:`,
        expect.anything(),
      );
    } finally {
      errors.mockRestore();
    }
    expect(await logOf(endpoint.id)).toEqual([]);
  });

  it(`keeps the last ${WEBHOOK_DELIVERIES_KEPT} deliveries of an endpoint, and another endpoint's apart`, async () => {
    const endpoint = await createGeneric();
    const neighbour = await createGeneric("Neighbour");
    await deliverGeneric(neighbour.token, item("n-1"), neighbour.secret);
    for (let i = 0; i < WEBHOOK_DELIVERIES_KEPT + 5; i++) await deliverGeneric(endpoint.token, item(`b-${i}`), null);
    const first = await deliverGeneric(endpoint.token, item("b-last"), endpoint.secret);
    expect(first.status).toBe(200);

    const log = await logOf(endpoint.id);
    expect(log).toHaveLength(WEBHOOK_DELIVERIES_KEPT);
    expect(log.at(-1)).toMatchObject({ outcome: "accepted", itemsCreated: 1 });
    expect(log.slice(0, -1).every((d) => d.httpStatus === 401)).toBe(true);
    expect(await logOf(neighbour.id)).toHaveLength(1);

    const listed = await (await admin()).webhooks.deliveries({ endpointId: endpoint.id, limit: 100 });
    expect(listed.map((d) => d.id)).toEqual(log.map((d) => d.id).reverse());
  });

  it("lists an endpoint's deliveries newest first, up to the limit asked", async () => {
    const endpoint = await createGeneric();
    await deliverGeneric(endpoint.token, item("l-1"), endpoint.secret);
    await deliverGeneric(endpoint.token, item("l-2"), null);
    await deliverGeneric(endpoint.token, item("l-2", "99"), endpoint.secret);
    const caller = await admin();
    const listed = await caller.webhooks.deliveries({ endpointId: endpoint.id });
    expect(listed.map((d) => [d.httpStatus, d.outcome])).toEqual([
      [400, "rejected"],
      [401, "rejected"],
      [200, "accepted"],
    ]);
    for (let i = 1; i < listed.length; i++) {
      expect(listed[i - 1]!.receivedAt.getTime()).toBeGreaterThanOrEqual(listed[i]!.receivedAt.getTime());
    }
    expect(Object.keys(listed[0]!).sort()).toEqual(
      [
        "durationMs",
        "errorCode",
        "httpStatus",
        "id",
        "itemsCreated",
        "itemsIgnored",
        "itemsUnchanged",
        "itemsUpdated",
        "message",
        "outcome",
        "receivedAt",
      ].sort(),
    );
    expect((await caller.webhooks.deliveries({ endpointId: endpoint.id, limit: 1 })).map((d) => d.id)).toEqual([
      listed[0]!.id,
    ]);
    await expect(caller.webhooks.deliveries({ endpointId: endpoint.id, limit: 101 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("logs a body too large for the route against its endpoint", async () => {
    const endpoint = await createGeneric();
    const sent = await deliver(endpoint.path, "x".repeat(MAX_WEBHOOK_BODY_BYTES + 1));
    expect(sent.status).toBe(413);
    expect(await logOf(endpoint.id)).toMatchObject([
      { httpStatus: 413, outcome: "rejected", errorCode: "payload_too_large", message: sent.body.error.message },
    ]);
  });

  it("answers NOT_FOUND for another workspace's endpoint, the same as for a missing one", async () => {
    const theirs = await (
      await callerFor(handle.db, other.users.admin, other.workspace.id)
    ).webhooks.create({ tool: "generic", name: "Theirs", mapping: MAPPING });
    const token = new URL(theirs.path, "http://x").searchParams.get("endpoint");
    await deliverGeneric(token, item("t-1"), theirs.generatedSecret);
    const caller = await admin();
    await expect(caller.webhooks.deliveries({ endpointId: theirs.endpoint.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: `Webhook endpoint ${theirs.endpoint.id} was not found in this workspace.`,
    });
    await expect(caller.webhooks.deliveries({ endpointId: 2_000_000_000 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const own = await (
      await callerFor(handle.db, other.users.admin, other.workspace.id)
    ).webhooks.deliveries({ endpointId: theirs.endpoint.id });
    expect(own).toMatchObject([{ outcome: "accepted", itemsCreated: 1 }]);
  });

  it("is for admins only", async () => {
    const endpoint = await createGeneric();
    for (const role of ["cx_manager", "executive", "team_member"] as const) {
      const caller = await callerFor(handle.db, fixture.users[role], fixture.workspace.id);
      await expect(caller.webhooks.deliveries({ endpointId: endpoint.id })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
