import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createCustomer, createFeedback, createOrder } from "@/db/factories";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { validateImport } from "../../services/imports";
import { callerFor, createRoleFixture } from "../testing/callers";
import { SURVEY_CSV, SURVEY_MAPPING } from "../testing/imports";

describe(`cross-workspace reads (${testEngine()})`, () => {
  let handle: DbHandle;
  let a: Awaited<ReturnType<typeof createRoleFixture>>;
  let b: Awaited<ReturnType<typeof createRoleFixture>>;
  let theirs: number;
  let ours: number;

  beforeAll(async () => {
    handle = await createTestDb();
    a = await createRoleFixture(handle.db, "Ours");
    b = await createRoleFixture(handle.db, "Theirs");
    ours = (await createCustomer(handle.db, a.workspace.id, { name: "Our customer" })).id;
    theirs = (await createCustomer(handle.db, b.workspace.id, { name: "Their customer" })).id;
    await createOrder(handle.db, a.workspace.id, ours, { amount: "10.10" });
    await createOrder(handle.db, a.workspace.id, ours, { kind: "refund", amount: "-0.10" });
    await createFeedback(handle.db, a.workspace.id, { customerId: ours });
  });
  afterAll(() => handle.close());

  it("reads a record of the caller's workspace, with exact revenue to date", async () => {
    const caller = await callerFor(handle.db, a.users.admin, a.workspace.id);
    expect(await caller.customers.byId({ id: ours })).toMatchObject({
      name: "Our customer",
      revenueToDate: "10.00",
      orderCount: 2,
      feedbackCount: 1,
    });
  });

  it("answers NOT_FOUND for a record of another workspace, the same as for a missing one", async () => {
    const caller = await callerFor(handle.db, a.users.admin, a.workspace.id);
    const foreign = await caller.customers.byId({ id: theirs }).catch((e: unknown) => e);
    const missing = await caller.customers.byId({ id: 2_000_000_000 }).catch((e: unknown) => e);
    expect(foreign).toMatchObject({
      code: "NOT_FOUND",
      message: `Customer ${theirs} was not found in this workspace.`,
    });
    expect(missing).toMatchObject({ code: "NOT_FOUND" });
  });

  it("does not open another workspace by claiming it: the session's membership decides", async () => {
    // a user of A asking for B is served in A (the only workspace they belong to)
    const caller = await callerFor(handle.db, a.users.admin, b.workspace.id);
    await expect(caller.customers.byId({ id: theirs })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const list = await caller.customers.list({ limit: 50 });
    expect(list.items.map((c) => c.id)).toEqual([ours]);
  });

  it("answers NOT_FOUND for an import of another workspace, and lists none of its imports", async () => {
    const file = { fileName: "theirs.csv", bytes: new TextEncoder().encode(SURVEY_CSV), mapping: SURVEY_MAPPING };
    const { importId } = await validateImport(
      handle.db,
      { workspaceId: b.workspace.id, userId: b.users.admin.id },
      file,
    );
    const caller = await callerFor(handle.db, a.users.admin, a.workspace.id);
    const message = `Import ${importId} was not found in this workspace.`;
    await expect(caller.imports.progress({ importId })).rejects.toMatchObject({ code: "NOT_FOUND", message });
    await expect(caller.imports.start({ importId, skipInvalid: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message,
    });
    await expect(caller.imports.undo({ importId })).rejects.toMatchObject({ code: "NOT_FOUND", message });
    expect(await caller.imports.list()).toEqual([]);
  });

  it("summarises only the caller's workspace for an archive, claimed workspace or not", async () => {
    const caller = await callerFor(handle.db, a.users.admin, b.workspace.id);
    const summary = await caller.archive.summary();
    expect(summary.rows).toMatchObject({ customers: 1, orders: 2, feedback: 1 });
    expect(summary.empty).toBe(false);
    const theirs = await (await callerFor(handle.db, b.users.admin, b.workspace.id)).archive.summary();
    expect(theirs.rows).toMatchObject({ customers: 1, orders: 0, feedback: 0 });
  });
});
