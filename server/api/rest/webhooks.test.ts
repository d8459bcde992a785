import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideDatabase, type DbHandle } from "@/db";
import { createUser, createWorkspace } from "@/db/factories";
import { auditEvents, customers, feedback } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { createWebhookInput } from "../../domain/ingest/integrations";
import { hmacBase64, signTouchpoint } from "../../domain/ingest/signatures";
import { hasDataset, readDatasetJson, skipMessage } from "../../domain/ingest/test-datasets";
import { createWebhookEndpoint, revokeWebhookEndpoint } from "../../services/ingest-webhook-endpoints";
import { deliver } from "./testing";

const noSamples = !hasDataset("webhooks");
const sample = (name: string) => JSON.stringify(readDatasetJson(`webhooks/${name}.json`));

let handle: DbHandle;
let workspaceId: number;
let actor: { userId: number; workspaceId: number };

async function endpoint(input: Record<string, unknown>) {
  return createWebhookEndpoint(handle.db, actor, createWebhookInput.parse({ name: "Test", ...input }));
}

async function item(externalId: string) {
  const rows = await handle.db
    .select()
    .from(feedback)
    .where(and(eq(feedback.workspaceId, workspaceId), eq(feedback.externalId, externalId)));
  expect(rows.length).toBeLessThanOrEqual(1);
  return rows[0];
}

beforeAll(async () => {
  handle = await createTestDb();
  provideDatabase(handle);
  workspaceId = (await createWorkspace(handle.db)).id;
  actor = { userId: (await createUser(handle.db, workspaceId, "admin")).id, workspaceId };
});
afterAll(() => handle.close());

describe(`webhooks end to end${skipMessage("webhooks")} (${testEngine()})`, () => {
  it.skipIf(noSamples)(
    "Typeform: a signed form_response becomes one feedback item, redelivery changes nothing",
    async () => {
      const { path } = await endpoint({ tool: "typeform", secret: "typeform-secret" });
      const body = sample("typeform_form_response");
      const signature = `sha256=${await hmacBase64("SHA-256", "typeform-secret", body)}`;
      const first = await deliver(path, body, { "Typeform-Signature": signature });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ status: "created", externalId: "typeform:a3a12ec67a1365927098a606107fac15" });
      const stored = await item("typeform:a3a12ec67a1365927098a606107fac15");
      expect(stored).toMatchObject({ source: "survey", metricKind: "rating", score: 3 });
      expect(stored!.analysedAt).not.toBeNull();
      const [customer] = await handle.db.select().from(customers).where(eq(customers.id, stored!.customerId!));
      expect(customer).toMatchObject({ externalId: "abc123456", email: "laura@example.com" });

      const again = await deliver(path, body, { "Typeform-Signature": signature });
      expect(again.body).toMatchObject({ status: "unchanged", id: first.body.id });

      const wrong = await deliver(path, body, {
        "Typeform-Signature": `sha256=${await hmacBase64("SHA-256", "other", body)}`,
      });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.message).toMatch(/does not match/);
      expect((await deliver(path, body)).status).toBe(401);
      const tampered = body.replace("It's cold", "It's warm");
      expect((await deliver(path, tampered, { "Typeform-Signature": signature })).status).toBe(401);
    },
  );

  it.skipIf(noSamples)("Zendesk: a fresh signed rating is stored, a stale one refused", async () => {
    const { path } = await endpoint({ tool: "zendesk", secret: "zendesk-signing-secret" });
    const body = sample("zendesk_satisfaction_rating");
    const sign = async (at: Date) => {
      const timestamp = at.toISOString();
      return {
        "X-Zendesk-Webhook-Signature": await hmacBase64("SHA-256", "zendesk-signing-secret", timestamp + body),
        "X-Zendesk-Webhook-Signature-Timestamp": timestamp,
      };
    };
    const stale = await deliver(path, body, await sign(new Date(Date.now() - 10 * 60 * 1000)));
    expect(stale.status).toBe(401);
    expect(stale.body.error.message).toMatch(/stale/);
    expect(await item("zendesk:35436")).toBeUndefined();
    const fresh = await deliver(path, body, await sign(new Date()));
    expect(fresh.status).toBe(200);
    expect(await item("zendesk:35436")).toMatchObject({ source: "ticket", metricKind: "csat", score: 5 });
  });

  it.skipIf(noSamples)(
    "Delighted: the URL token is the proof; a wrong, revoked or other tool's token is refused",
    async () => {
      const created = await endpoint({ tool: "delighted" });
      const body = sample("delighted_survey_response_updated");
      const answer = await deliver(created.path, body);
      expect(answer.status).toBe(200);
      expect(await item("delighted:5435")).toMatchObject({
        metricKind: "nps",
        score: 9,
        text: "Your service is fast and flawless!",
      });

      expect((await deliver("/api/v1/webhooks/delighted?endpoint=not-a-token", body)).status).toBe(401);
      expect((await deliver("/api/v1/webhooks/delighted", body)).status).toBe(401);
      expect((await deliver(created.path.replace("/delighted?", "/zendesk?"), body)).status).toBe(401);
      expect((await deliver(created.path.replace("/delighted?", "/fax?"), body)).status).toBe(404);
      await revokeWebhookEndpoint(handle.db, actor, created.endpoint.id);
      expect((await deliver(created.path, body)).status).toBe(401);
      const audit = await handle.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(
          and(eq(auditEvents.entityType, "webhook_endpoint"), eq(auditEvents.entityId, String(created.endpoint.id))),
        );
      expect(audit.map((a) => a.action).sort()).toEqual(["webhooks.create", "webhooks.revoke"]);
    },
  );

  it.skipIf(noSamples)("SurveyMonkey: a signed event is read from the API and stored", async () => {
    let seenAuth: string | undefined;
    const server: Server = createServer((request, response) => {
      seenAuth = request.headers.authorization;
      const details = request.url?.includes("/responses/123456/details")
        ? readDatasetJson("webhooks/surveymonkey_response_details.json")
        : request.url === "/v3/surveys/123456789/details"
          ? { pages: [] }
          : null;
      response.writeHead(details ? 200 : 404, { "content-type": "application/json" });
      response.end(JSON.stringify(details ?? { error: "not found" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const previous = process.env.SURVEYMONKEY_API_URL;
    process.env.SURVEYMONKEY_API_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { path } = await endpoint({
        tool: "surveymonkey",
        secret: "sm-secret",
        apiKey: "sm-key",
        accessToken: "sm-token",
      });
      const body = sample("surveymonkey_webhook_event_survey_filter");
      const signature = await hmacBase64("SHA-1", "sm-key&sm-secret", body);
      expect((await deliver(path, body, { "Sm-Signature": "AAAA" })).status).toBe(401);
      const answer = await deliver(path, body, { "Sm-Signature": signature });
      expect(answer.status).toBe(200);
      expect(seenAuth).toBe("Bearer sm-token");
      expect(await item("surveymonkey:5007154402")).toMatchObject({ source: "survey", metricKind: "none" });
    } finally {
      if (previous === undefined) delete process.env.SURVEYMONKEY_API_URL;
      else process.env.SURVEYMONKEY_API_URL = previous;
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe(`generic webhook (${testEngine()})`, () => {
  const mapping = {
    paths: { externalId: "data.id", score: "data.nps", text: "data.comment", receivedAt: "data.at" },
    metricKind: "nps",
  };
  const body = JSON.stringify({ data: { id: "g-1", nps: "10", comment: "Loved it", at: "2025-01-01T12:00:00Z" } });

  it("stores a delivery signed with X-Touchpoint-Signature, refuses a stale or unsigned one", async () => {
    const created = await endpoint({ tool: "generic", mapping });
    expect(created.generatedSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const secret = created.generatedSecret!;
    const stale = await deliver(created.path, body, {
      "X-Touchpoint-Signature": await signTouchpoint(body, secret, new Date(Date.now() - 6 * 60 * 1000)),
    });
    expect(stale.status).toBe(401);
    expect((await deliver(created.path, body)).status).toBe(401);
    const fresh = await deliver(created.path, body, { "X-Touchpoint-Signature": await signTouchpoint(body, secret) });
    expect(fresh.status).toBe(200);
    expect(await item("generic:g-1")).toMatchObject({ metricKind: "nps", score: 10, text: "Loved it" });
  });

  it("acknowledges an event without an answer and reports an unreadable payload per field", async () => {
    const created = await endpoint({ tool: "generic", mapping, secret: "generic-secret" });
    const unreadable = JSON.stringify({ data: { id: "g-2", nps: "11", at: "2025-01-01T12:00:00Z" } });
    const answer = await deliver(created.path, unreadable, {
      "X-Touchpoint-Signature": await signTouchpoint(unreadable, "generic-secret"),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.items).toEqual([{ index: 0, path: "score", message: expect.any(String) }]);
    expect(await item("generic:g-2")).toBeUndefined();

    const typeform = await endpoint({ tool: "typeform", secret: "typeform-secret" });
    const ping = JSON.stringify({ event_type: "form_updated" });
    const ignored = await deliver(typeform.path, ping, {
      "Typeform-Signature": `sha256=${await hmacBase64("SHA-256", "typeform-secret", ping)}`,
    });
    expect(ignored).toMatchObject({ status: 200, body: { status: "ignored" } });
  });
});
