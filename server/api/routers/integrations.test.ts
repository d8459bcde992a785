import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { apiKeys, auditEvents, webhookEndpoints } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { authenticateApiKey, sha256 } from "../../services/ingest-keys";
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

describe(`apiKeys and webhooks procedures (${testEngine()})`, () => {
  it("creates a key shown once, stores only its hash, lists it without secrets and revokes it (audited)", async () => {
    const admin = await callerFor(handle.db, fixture.users.admin, fixture.workspace.id);
    const created = await admin.apiKeys.create({ name: "Zapier", scope: "ingest" });
    expect(created.token).toMatch(/^tp_[0-9a-f]{10}_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(`tp_${created.key.prefix}_`)).toBe(true);
    const [row] = await handle.db.select().from(apiKeys).where(eq(apiKeys.id, created.key.id));
    expect(row!.secretHash).toBe(sha256(created.token));
    // the random part (base64url: it may itself contain "_")
    expect(JSON.stringify(row)).not.toContain(created.token.slice(`tp_${created.key.prefix}_`.length));

    const listed = await admin.apiKeys.list();
    expect(listed.map((k) => k.id)).toContain(created.key.id);
    expect(JSON.stringify(listed)).not.toMatch(/secretHash|tp_/);
    expect((await authenticateApiKey(handle.db, created.token, "ingest")).ok).toBe(true);

    await admin.apiKeys.revoke({ id: created.key.id });
    expect(await authenticateApiKey(handle.db, created.token, "ingest")).toMatchObject({ ok: false, status: 401 });
    const audit = await handle.db
      .select({ action: auditEvents.action, after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "api_key"), eq(auditEvents.entityId, String(created.key.id))));
    expect(audit.map((a) => a.action).sort()).toEqual(["apiKeys.create", "apiKeys.revoke"]);
    expect(JSON.stringify(audit)).not.toContain(created.token);
  });

  it("keeps keys and endpoints to their workspace", async () => {
    const otherAdmin = await callerFor(handle.db, other.users.admin, other.workspace.id);
    const theirs = await otherAdmin.apiKeys.create({ name: "Theirs" });
    const admin = await callerFor(handle.db, fixture.users.admin, fixture.workspace.id);
    expect((await admin.apiKeys.list()).map((k) => k.id)).not.toContain(theirs.key.id);
    await expect(admin.apiKeys.revoke({ id: theirs.key.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const endpoint = await otherAdmin.webhooks.create({ tool: "zendesk", name: "Support", secret: "zendesk-secret" });
    await expect(admin.webhooks.revoke({ id: endpoint.endpoint.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("creates webhook endpoints with a one-time URL token, never listing secrets", async () => {
    const admin = await callerFor(handle.db, fixture.users.admin, fixture.workspace.id);
    const created = await admin.webhooks.create({ tool: "typeform", name: "NPS form", secret: "typeform-secret" });
    const token = new URL(created.path, "http://x").searchParams.get("endpoint")!;
    expect(created.path).toMatch(/^\/api\/v1\/webhooks\/typeform\?endpoint=/);
    const [row] = await handle.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, created.endpoint.id));
    expect(row!.tokenHash).toBe(sha256(token));
    expect(row!.secret).toBe("typeform-secret");
    const listed = JSON.stringify(await admin.webhooks.list());
    expect(listed).not.toContain("typeform-secret");
    expect(listed).not.toContain(token);
    await expect(admin.webhooks.create({ tool: "zendesk", name: "No secret" } as never)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
