import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { auditEvents, feedback, webhookEndpoints } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { hmacBase64, signTouchpoint } from "../../domain/ingest/signatures";
import { receiveWebhook } from "../../services/ingest-webhooks";
import { callerFor, createRoleFixture } from "../testing/callers";

let handle: DbHandle;
let fixture: Awaited<ReturnType<typeof createRoleFixture>>;
let other: Awaited<ReturnType<typeof createRoleFixture>>;

beforeAll(async () => {
  handle = await createTestDb();
  fixture = await createRoleFixture(handle.db);
  other = await createRoleFixture(handle.db, "Other");
});
afterAll(() => handle.close());

const admin = () => callerFor(handle.db, fixture.users.admin, fixture.workspace.id);

const MAPPING = {
  paths: { externalId: "data.id", receivedAt: "data.at", score: "data.score", text: "data.comment" },
  metricKind: "nps" as const,
};

/** Posts `payload` to the endpoint at `path` as the generic tool would, signed with `secret` (or not at all). */
async function deliverGeneric(path: string, payload: unknown, secret: string | null) {
  const body = JSON.stringify(payload);
  const token = new URL(path, "http://x").searchParams.get("endpoint");
  const headers = new Headers(secret ? { "X-Touchpoint-Signature": await signTouchpoint(body, secret) } : {});
  return receiveWebhook(handle.db, { tool: "generic", token, headers, body });
}

async function deliverTypeform(path: string, secret: string) {
  const body = JSON.stringify({
    event_type: "form_response",
    form_response: { token: `resp-${secret.slice(0, 6)}`, submitted_at: "2024-05-01T10:00:00Z", answers: [] },
  });
  const token = new URL(path, "http://x").searchParams.get("endpoint");
  const headers = new Headers({ "Typeform-Signature": `sha256=${await hmacBase64("SHA-256", secret, body)}` });
  return receiveWebhook(handle.db, { tool: "typeform", token, headers, body });
}

const payload = (id: string, comment = "Quick delivery") => ({
  data: { id, at: "2024-05-01T10:00:00Z", score: "9", comment },
});

describe(`webhook endpoints in Settings (${testEngine()})`, () => {
  it("lists who created each endpoint and the options to edit, never a secret, API key or access token", async () => {
    const caller = await admin();
    await caller.webhooks.create({
      tool: "surveymonkey",
      name: "Monkey",
      secret: "sm-app-secret",
      apiKey: "sm-api-key-value",
      accessToken: "sm-access-token-value",
      fivePointKind: "csat",
    });
    const generic = await caller.webhooks.create({ tool: "generic", name: "Shop", mapping: MAPPING });
    const listed = await caller.webhooks.list();
    const text = JSON.stringify(listed);
    for (const secret of ["sm-app-secret", "sm-api-key-value", "sm-access-token-value", generic.generatedSecret!]) {
      expect(text).not.toContain(secret);
    }
    expect(listed.find((e) => e.tool === "surveymonkey")).toMatchObject({
      createdByName: fixture.users.admin.name,
      settings: { fivePointKind: "csat" },
    });
    expect(listed.find((e) => e.id === generic.endpoint.id)!.settings.mapping).toMatchObject({
      paths: MAPPING.paths,
      metricKind: "nps",
      source: "survey",
    });
    const keys = await caller.apiKeys.list();
    expect(keys).toEqual([]);
    await caller.apiKeys.create({ name: "Zapier", scope: "read" });
    expect(await caller.apiKeys.list()).toMatchObject([
      { name: "Zapier", scope: "read", createdByName: fixture.users.admin.name },
    ]);
  });

  it("generates a Typeform secret when none is given, and rotating it refuses the old signature from then on", async () => {
    const caller = await admin();
    const created = await caller.webhooks.create({ tool: "typeform", name: "NPS form" });
    const first = created.generatedSecret!;
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await deliverTypeform(created.path, first)).status).toBe(200);

    const rotated = await caller.webhooks.rotateSecret({ id: created.endpoint.id });
    expect(rotated.generatedSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(rotated.generatedSecret).not.toBe(first);
    const old = await deliverTypeform(created.path, first);
    expect(old.status).toBe(401);
    expect((await deliverTypeform(created.path, rotated.generatedSecret!)).status).toBe(200);

    const given = await caller.webhooks.rotateSecret({ id: created.endpoint.id, secret: "chosen-in-typeform" });
    expect(given.generatedSecret).toBeNull();
    expect((await deliverTypeform(created.path, "chosen-in-typeform")).status).toBe(200);
    const audit = await handle.db
      .select({ action: auditEvents.action, after: auditEvents.after })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.entityType, "webhook_endpoint"), eq(auditEvents.entityId, String(created.endpoint.id))),
      );
    expect(audit.filter((a) => a.action === "webhooks.rotateSecret")).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toMatch(new RegExp(`${first}|${rotated.generatedSecret}|chosen-in-typeform`));
  });

  it("asks for the secret Zendesk made, and has none to rotate for Delighted", async () => {
    const caller = await admin();
    const zendesk = await caller.webhooks.create({ tool: "zendesk", name: "Support", secret: "zendesk-secret-1" });
    await expect(caller.webhooks.rotateSecret({ id: zendesk.endpoint.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Paste the new signing secret from Zendesk; Touchpoint cannot make it for that tool.",
    });
    await caller.webhooks.rotateSecret({ id: zendesk.endpoint.id, secret: "zendesk-secret-2" });
    const [row] = await handle.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, zendesk.endpoint.id));
    expect(row!.secret).toBe("zendesk-secret-2");
    await expect(caller.webhooks.rotateSecret({ id: zendesk.endpoint.id, secret: "short" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    const delighted = await caller.webhooks.create({ tool: "delighted", name: "Delighted" });
    await expect(caller.webhooks.rotateSecret({ id: delighted.endpoint.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^Delighted does not sign its webhooks/),
    });
  });

  it("renames an endpoint and replaces a generic mapping, which the next delivery follows", async () => {
    const caller = await admin();
    const created = await caller.webhooks.create({ tool: "generic", name: "Shop", mapping: MAPPING });
    const secret = created.generatedSecret!;
    const before = await deliverGeneric(created.path, payload("g-1"), secret);
    expect(before).toMatchObject({ status: 200, body: { status: "created", externalId: "generic:g-1" } });

    const mapping = { ...MAPPING, paths: { ...MAPPING.paths, text: "data.note" } };
    const updated = await caller.webhooks.update({ id: created.endpoint.id, name: "Shop reviews", mapping });
    expect(updated).toMatchObject({ name: "Shop reviews", settings: { mapping: { paths: mapping.paths } } });
    await deliverGeneric(created.path, { data: { ...payload("g-2").data, note: "Read from the new path" } }, secret);
    const [item] = await handle.db
      .select({ text: feedback.text, score: feedback.score })
      .from(feedback)
      .where(and(eq(feedback.workspaceId, fixture.workspace.id), eq(feedback.externalId, "generic:g-2")));
    expect(item).toEqual({ text: "Read from the new path", score: 9 });

    // the name alone keeps the mapping
    await caller.webhooks.update({ id: created.endpoint.id, name: "Shop" });
    const listed = (await caller.webhooks.list()).find((e) => e.id === created.endpoint.id)!;
    expect(listed).toMatchObject({ name: "Shop", settings: { mapping: { paths: mapping.paths } } });

    const typeform = await caller.webhooks.create({ tool: "typeform", name: "Form" });
    await expect(caller.webhooks.update({ id: typeform.endpoint.id, name: "Form", mapping })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "A field mapping belongs to a generic JSON webhook; Typeform payloads are read without one.",
    });
    await expect(
      caller.webhooks.update({ id: created.endpoint.id, name: "Shop", mapping: { paths: { text: "data.note" } } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.webhooks.update({ id: created.endpoint.id, name: "  " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("disables and enables an endpoint, then deletes it while its feedback stays", async () => {
    const caller = await admin();
    const created = await caller.webhooks.create({ tool: "generic", name: "Kiosk", mapping: MAPPING });
    const secret = created.generatedSecret!;
    await caller.webhooks.revoke({ id: created.endpoint.id });
    const refused = await deliverGeneric(created.path, payload("k-1"), secret);
    expect(refused.status).toBe(401);
    await caller.webhooks.enable({ id: created.endpoint.id });
    expect((await caller.webhooks.enable({ id: created.endpoint.id })).revokedAt).toBeNull();
    expect((await deliverGeneric(created.path, payload("k-1"), secret)).status).toBe(200);
    expect((await deliverGeneric(created.path, payload("k-2"), null)).status).toBe(401);

    await caller.webhooks.remove({ id: created.endpoint.id });
    expect((await caller.webhooks.list()).map((e) => e.id)).not.toContain(created.endpoint.id);
    expect((await deliverGeneric(created.path, payload("k-3"), secret)).status).toBe(401);
    const kept = await handle.db
      .select({ id: feedback.id })
      .from(feedback)
      .where(and(eq(feedback.workspaceId, fixture.workspace.id), eq(feedback.externalId, "generic:k-1")));
    expect(kept).toHaveLength(1);
    const actions = await handle.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.entityType, "webhook_endpoint"), eq(auditEvents.entityId, String(created.endpoint.id))),
      );
    expect(actions.map((a) => a.action).sort()).toEqual([
      "webhooks.create",
      "webhooks.enable",
      "webhooks.remove",
      "webhooks.revoke",
    ]);
    await expect(caller.webhooks.remove({ id: created.endpoint.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers NOT_FOUND for another workspace's endpoint and changes nothing of it", async () => {
    const theirs = await (
      await callerFor(handle.db, other.users.admin, other.workspace.id)
    ).webhooks.create({ tool: "generic", name: "Theirs", mapping: MAPPING });
    const id = theirs.endpoint.id;
    const caller = await admin();
    // one at a time: a later call must not find the endpoint changed (or gone) by an earlier one
    const calls = [
      () => caller.webhooks.deliveries({ endpointId: id }),
      () => caller.webhooks.update({ id, name: "Mine now" }),
      () => caller.webhooks.rotateSecret({ id }),
      () => caller.webhooks.revoke({ id }),
      () => caller.webhooks.enable({ id }),
      () => caller.webhooks.remove({ id }),
    ];
    for (const call of calls) await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await caller.webhooks.list()).map((e) => e.id)).not.toContain(id);
    const [row] = await handle.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    expect(row).toMatchObject({ name: "Theirs", secret: theirs.generatedSecret, revokedAt: null });
  });
});
