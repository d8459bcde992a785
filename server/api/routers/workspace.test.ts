import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { auditEvents, memberships, workspaces } from "@/db/schema";
import { callerFor, createRoleFixture } from "../testing/callers";

describe(`workspace router (${testEngine()})`, () => {
  let handle: DbHandle;
  let a: Awaited<ReturnType<typeof createRoleFixture>>;
  let b: Awaited<ReturnType<typeof createRoleFixture>>;

  beforeAll(async () => {
    handle = await createTestDb();
    a = await createRoleFixture(handle.db, "Alpha");
    b = await createRoleFixture(handle.db, "Beta");
    // the admin of A is also an executive in B
    await handle.db.insert(memberships).values({ workspaceId: b.workspace.id, userId: a.users.admin.id, role: "executive" });
  });
  afterAll(() => handle.close());

  it("lists every workspace of the user, with the role in each", async () => {
    const caller = await callerFor(handle.db, a.users.admin, a.workspace.id);
    const data = await caller.workspace.current();
    expect(data.current).toMatchObject({ workspaceId: a.workspace.id, role: "admin" });
    expect(data.workspaces.map((w) => [w.name, w.role])).toEqual([
      ["Alpha", "admin"],
      ["Beta", "executive"],
    ]);
  });

  it("acts with the role of the current workspace, not the highest one", async () => {
    const caller = await callerFor(handle.db, a.users.admin, b.workspace.id);
    await expect(caller.workspace.update({ name: "Hijacked" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("falls back to a workspace the user belongs to when asked for one they do not", async () => {
    const caller = await callerFor(handle.db, b.users.cx_manager, a.workspace.id);
    const data = await caller.workspace.current();
    expect(data.current.workspaceId).toBe(b.workspace.id);
    expect(data.workspaces).toHaveLength(1);
  });

  it("renames the workspace and audits the change in the same transaction", async () => {
    const caller = await callerFor(handle.db, a.users.admin, a.workspace.id);
    await caller.workspace.update({ name: "  Alpha Retail " });
    const [ws] = await handle.db.select().from(workspaces).where(eq(workspaces.id, a.workspace.id));
    expect(ws?.name).toBe("Alpha Retail");
    const events = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, a.workspace.id), eq(auditEvents.action, "workspace.update")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: a.users.admin.id,
      entityType: "workspace",
      entityId: String(a.workspace.id),
      before: { name: "Alpha" },
      after: { name: "Alpha Retail" },
    });
    const log = await caller.audit.list({ limit: 10 });
    expect(log.items[0]).toMatchObject({ action: "workspace.update", actorName: a.users.admin.name });
  });

  it("rejects a blank name with a clear message and writes nothing", async () => {
    const caller = await callerFor(handle.db, a.users.admin, a.workspace.id);
    await expect(caller.workspace.update({ name: " " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const events = await handle.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, a.workspace.id));
    expect(events).toHaveLength(1);
  });

  it("never shows one workspace's audit log to another", async () => {
    const caller = await callerFor(handle.db, b.users.admin, b.workspace.id);
    expect((await caller.audit.list({ limit: 10 })).items).toEqual([]);
  });
});
