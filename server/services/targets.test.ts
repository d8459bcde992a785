import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createSegment, createStage, createUser, createWorkspace } from "@/db/factories";
import { auditEvents, kpiTargets } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { createTargetInput, updateTargetInput, type CreateTargetInput } from "../domain/targets";
import { AppError } from "../errors";
import { createTarget, listTargets, listTargetScopeOptions, lockTargets, removeTarget, updateTarget } from "./targets";

const YEAR = {
  kpi: "nps",
  scope: "all",
  targetValue: "30",
  periodStart: "2025-01-01",
  periodEnd: "2025-12-31",
  reviewDate: "2025-04-01",
} as const satisfies CreateTargetInput;

/** The service is called as a router would after the permission check: by an executive or an admin. */
async function workspaceWithUsers(handle: DbHandle, name: string) {
  const workspace = await createWorkspace(handle.db, { name });
  const users = {
    executive: await createUser(handle.db, workspace.id, "executive"),
    admin: await createUser(handle.db, workspace.id, "admin"),
  };
  return { workspace, users };
}

describe(`targets service (${testEngine()})`, () => {
  let handle: DbHandle;
  let a: Awaited<ReturnType<typeof workspaceWithUsers>>;
  let b: Awaited<ReturnType<typeof workspaceWithUsers>>;
  let asA: { userId: number; workspaceId: number };
  let asB: { userId: number; workspaceId: number };
  let ids: { segment: number; stage: number; archivedStage: number; theirSegment: number; theirStage: number };

  const create = (input: CreateTargetInput, actor = asA) => createTarget(handle.db, actor, createTargetInput.parse(input));
  const update = (id: number, input: CreateTargetInput, actor = asA) =>
    updateTarget(handle.db, actor, updateTargetInput.parse({ id, ...input }));
  const auditOf = (workspaceId: number, entityId: number) =>
    handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, workspaceId), eq(auditEvents.entityType, "kpi_target"), eq(auditEvents.entityId, String(entityId))))
      .orderBy(auditEvents.id);
  const failure = (promise: Promise<unknown>) => promise.then(() => null, (err: unknown) => err);

  beforeAll(async () => {
    handle = await createTestDb();
    a = await workspaceWithUsers(handle, "Alpha");
    b = await workspaceWithUsers(handle, "Beta");
    asA = { userId: a.users.executive.id, workspaceId: a.workspace.id };
    asB = { userId: b.users.admin.id, workspaceId: b.workspace.id };
    ids = {
      segment: (await createSegment(handle.db, a.workspace.id, { name: "Enterprise" })).id,
      stage: (await createStage(handle.db, a.workspace.id, { name: "Delivery" })).id,
      archivedStage: (await createStage(handle.db, a.workspace.id, { name: "Fax orders", archivedAt: new Date() })).id,
      theirSegment: (await createSegment(handle.db, b.workspace.id, { name: "Their segment" })).id,
      theirStage: (await createStage(handle.db, b.workspace.id, { name: "Their stage" })).id,
    };
  });
  afterAll(() => handle.close());

  it("creates a target and audits it in the same transaction", async () => {
    const target = await create({ ...YEAR, targetValue: "32.5" });
    expect(target).toMatchObject({ kpi: "nps", scope: "all", targetValue: "32.50", segmentId: null, channel: null });
    const [row] = await handle.db.select().from(kpiTargets).where(eq(kpiTargets.id, target.id));
    expect(row).toMatchObject({ workspaceId: a.workspace.id, createdBy: a.users.executive.id, periodStart: "2025-01-01" });
    expect(await auditOf(a.workspace.id, target.id)).toEqual([
      expect.objectContaining({
        action: "targets.create",
        actorId: a.users.executive.id,
        before: null,
        after: {
          kpi: "nps",
          scope: "all",
          segmentId: null,
          stageId: null,
          channel: null,
          targetValue: "32.50",
          periodStart: "2025-01-01",
          periodEnd: "2025-12-31",
          reviewDate: "2025-04-01",
        },
      }),
    ]);
  });

  it("lists the workspace's targets by KPI and scope with segment and stage names and review status", async () => {
    await create({ ...YEAR, kpi: "csat", scope: "stage", stageId: ids.stage, targetValue: "80" });
    await create({ ...YEAR, kpi: "nps", scope: "segment", segmentId: ids.segment, targetValue: "50" });
    await create({ ...YEAR, kpi: "revenue", scope: "channel", channel: "web", targetValue: "125000.00", reviewDate: "2026-01-15" });
    const { today, items } = await listTargets(handle.db, a.workspace.id, new Date("2025-06-30T23:59:00Z"));
    expect(today).toBe("2025-06-30");
    expect(items.map((t) => [t.kpi, t.scope, t.segmentName ?? t.stageName ?? t.channel, t.targetValue, t.reviewDue])).toEqual([
      ["nps", "all", null, "32.50", true],
      ["nps", "segment", "Enterprise", "50.00", true],
      ["csat", "stage", "Delivery", "80.00", true],
      ["revenue", "channel", "web", "125000.00", false],
    ]);
    const earlier = await listTargets(handle.db, a.workspace.id, new Date("2025-04-01T00:00:00Z"));
    expect(earlier.items[0]?.reviewDue).toBe(true);
    expect((await listTargets(handle.db, a.workspace.id, new Date("2025-03-31T23:59:59Z"))).items[0]?.reviewDue).toBe(false);
  });

  it("offers the workspace's segments and the stages in use, never another workspace's", async () => {
    const options = await listTargetScopeOptions(handle.db, a.workspace.id);
    expect(options.segments).toEqual([{ id: ids.segment, name: "Enterprise" }]);
    expect(options.stages).toEqual([{ id: ids.stage, name: "Delivery" }]);
  });

  it("updates every field, audits before and after, and writes nothing when nothing changed", async () => {
    const target = await create({ ...YEAR, kpi: "churn", targetValue: "10" });
    const changed = { ...YEAR, kpi: "churn", targetValue: "8.5", reviewDate: "2025-07-01" } as const;
    const after = await update(target.id, changed);
    expect(after).toMatchObject({ id: target.id, targetValue: "8.50", reviewDate: "2025-07-01" });
    await update(target.id, changed);
    const events = await auditOf(a.workspace.id, target.id);
    expect(events.map((e) => e.action)).toEqual(["targets.create", "targets.update"]);
    expect(events[1]).toMatchObject({
      before: expect.objectContaining({ targetValue: "10.00", reviewDate: "2025-04-01" }),
      after: expect.objectContaining({ targetValue: "8.50", reviewDate: "2025-07-01" }),
    });
  });

  it("removes a target and keeps what it was in the audit log", async () => {
    const target = await create({ ...YEAR, kpi: "ces", targetValue: "5.5" });
    expect(await removeTarget(handle.db, asA, { id: target.id })).toEqual({ id: target.id });
    expect(await handle.db.select().from(kpiTargets).where(eq(kpiTargets.id, target.id))).toEqual([]);
    const events = await auditOf(a.workspace.id, target.id);
    expect(events.at(-1)).toMatchObject({ action: "targets.remove", after: null, before: expect.objectContaining({ kpi: "ces", targetValue: "5.50" }) });
    const again = await failure(removeTarget(handle.db, asA, { id: target.id }));
    expect(again).toMatchObject({ code: "NOT_FOUND", message: `Target ${target.id} was not found in this workspace.` });
  });

  describe("at most one target per KPI and scope on any day", () => {
    it("refuses an overlapping target with a message that says what to do, and writes nothing", async () => {
      const before = await handle.db.select().from(auditEvents);
      const err = await failure(create({ ...YEAR, periodStart: "2025-12-31", periodEnd: "2026-06-30", reviewDate: "2026-03-01" }));
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({
        code: "CONFLICT",
        message:
          "NPS already has a target for all customers from 2025-01-01 to 2025-12-31; edit that target, or choose a period that does not overlap it.",
      });
      const segmentClash = await failure(create({ ...YEAR, scope: "segment", segmentId: ids.segment, periodStart: "2025-06-01", reviewDate: "2025-09-01" }));
      expect(segmentClash).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("for segment “Enterprise” from 2025-01-01") });
      expect(await handle.db.select().from(auditEvents)).toHaveLength(before.length);
    });

    it("accepts the next period, another KPI, another scope, and another workspace", async () => {
      await create({ ...YEAR, periodStart: "2026-01-01", periodEnd: "2026-12-31", reviewDate: "2026-04-01" });
      await create({ ...YEAR, kpi: "revenue_at_risk", targetValue: "5000" });
      await create({ ...YEAR, scope: "channel", channel: "app" });
      await create({ ...YEAR, scope: "stage", stageId: ids.stage });
      await create(YEAR, asB);
    });

    it("lets a target change its own period but not move onto another's", async () => {
      const target = await create({ ...YEAR, kpi: "csat", targetValue: "70" });
      await update(target.id, { ...YEAR, kpi: "csat", targetValue: "70", periodEnd: "2025-11-30" });
      const moved = await failure(update(target.id, { ...YEAR, kpi: "csat", scope: "stage", stageId: ids.stage, targetValue: "70" }));
      expect(moved).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("CSAT already has a target for journey stage “Delivery”") });
    });

    it("lets only one of several overlapping targets saved at the same time through", async () => {
      const results = await Promise.allSettled(
        ["9", "8", "7", "6", "5", "4"].map((targetValue) =>
          create({ ...YEAR, kpi: "churn", scope: "channel", channel: "store", targetValue }),
        ),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    });

    it("makes a second writer wait for the first to commit, so it sees the first's target", async () => {
      const overlapping = { ...YEAR, kpi: "revenue", scope: "channel", channel: "chat", targetValue: "900" } as const;
      let commit!: () => void;
      const committed = new Promise<void>((resolve) => (commit = resolve));
      let locked!: () => void;
      const holding = new Promise<void>((resolve) => (locked = resolve));
      const first = handle.db.transaction(async (tx) => {
        await lockTargets(tx, a.workspace.id);
        await tx.insert(kpiTargets).values({ ...createTargetInput.parse(overlapping), workspaceId: a.workspace.id });
        locked();
        await committed;
      });
      await holding;
      const second = failure(create({ ...overlapping, targetValue: "800" }));
      // without the lock the second write would finish here, unaware of the uncommitted first
      await new Promise((resolve) => setTimeout(resolve, 300));
      commit();
      await first;
      expect(await second).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Revenue already has a target for the chat channel") });
    });
  });

  describe("across workspaces", () => {
    it("answers NOT_FOUND for another workspace's segment or stage, like a missing one, and writes nothing", async () => {
      const count = (await handle.db.select().from(kpiTargets)).length;
      const segment = await failure(create({ ...YEAR, scope: "segment", segmentId: ids.theirSegment, periodStart: "2030-01-01", periodEnd: "2030-12-31", reviewDate: "2030-04-01" }));
      const missing = await failure(create({ ...YEAR, scope: "segment", segmentId: 2_000_000_000, periodStart: "2030-01-01", periodEnd: "2030-12-31", reviewDate: "2030-04-01" }));
      const stage = await failure(create({ ...YEAR, scope: "stage", stageId: ids.theirStage, periodStart: "2030-01-01", periodEnd: "2030-12-31", reviewDate: "2030-04-01" }));
      expect(segment).toMatchObject({ code: "NOT_FOUND", message: `Segment ${ids.theirSegment} was not found in this workspace.` });
      expect(missing).toMatchObject({ code: "NOT_FOUND", message: "Segment 2000000000 was not found in this workspace." });
      expect(stage).toMatchObject({ code: "NOT_FOUND", message: `Journey stage ${ids.theirStage} was not found in this workspace.` });
      expect(await handle.db.select().from(kpiTargets)).toHaveLength(count);
    });

    it("cannot update or remove another workspace's target, and never lists it", async () => {
      const theirs = await create({ ...YEAR, kpi: "ces", targetValue: "6" }, asB);
      const updating = await failure(update(theirs.id, { ...YEAR, kpi: "ces", targetValue: "1" }));
      const removing = await failure(removeTarget(handle.db, asA, { id: theirs.id }));
      expect(updating).toMatchObject({ code: "NOT_FOUND", message: `Target ${theirs.id} was not found in this workspace.` });
      expect(removing).toMatchObject({ code: "NOT_FOUND" });
      const [row] = await handle.db.select().from(kpiTargets).where(eq(kpiTargets.id, theirs.id));
      expect(row?.targetValue).toBe("6.00");
      const ours = await listTargets(handle.db, a.workspace.id);
      expect(ours.items.map((t) => t.id)).not.toContain(theirs.id);
      expect((await listTargets(handle.db, b.workspace.id)).items.every((t) => t.segmentName === null)).toBe(true);
      expect(await auditOf(a.workspace.id, theirs.id)).toEqual([]);
    });
  });

  it("refuses an archived stage for a new target but keeps it on a target that already had it", async () => {
    const refused = await failure(create({ ...YEAR, kpi: "ces", scope: "stage", stageId: ids.archivedStage, targetValue: "5" }));
    expect(refused).toMatchObject({ code: "INVALID_STATE", message: "Journey stage “Fax orders” is archived; choose a stage in use." });
    const [legacy] = await handle.db
      .insert(kpiTargets)
      .values({ ...createTargetInput.parse({ ...YEAR, kpi: "ces", scope: "stage", stageId: ids.archivedStage, targetValue: "5" }), workspaceId: a.workspace.id })
      .returning();
    const kept = await update(legacy!.id, { ...YEAR, kpi: "ces", scope: "stage", stageId: ids.archivedStage, targetValue: "5.5" });
    expect(kept).toMatchObject({ stageId: ids.archivedStage, targetValue: "5.50" });
  });
});
