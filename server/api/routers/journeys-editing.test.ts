import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { queryRows } from "@/db/client";
import { createFeedback } from "@/db/factories";
import { feedback } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { callerFor, createRoleFixture } from "../testing/callers";

let handle: DbHandle;
let fixture: Awaited<ReturnType<typeof createRoleFixture>>;
let other: Awaited<ReturnType<typeof createRoleFixture>>;

const manager = () => callerFor(handle.db, fixture.users.cx_manager, fixture.workspace.id);
const order = async () =>
  (await (await manager()).journeys.list()).items.map((stage) => [stage.name, stage.position] as const);
const positions = (workspaceId: number) =>
  queryRows<{ name: string; position: number; archived: boolean }>(
    handle.db,
    sql`SELECT name, position, archived_at IS NOT NULL AS archived FROM journey_stages
      WHERE workspace_id = ${workspaceId} ORDER BY position`,
  );

beforeAll(async () => {
  handle = await createTestDb();
  fixture = await createRoleFixture(handle.db, "Editing A");
  other = await createRoleFixture(handle.db, "Editing B");
});
afterAll(() => handle.close());

describe(`journey editing (${testEngine()})`, () => {
  it("adds stages last, renames them, and reorders them as given", async () => {
    const caller = await manager();
    const ids: number[] = [];
    for (const name of ["Awareness", "Purchase", "Delivery"])
      ids.push((await caller.journeys.createStage({ name })).id);
    expect(await order()).toEqual([
      ["Awareness", 0],
      ["Purchase", 1],
      ["Delivery", 2],
    ]);
    await caller.journeys.updateStage({ id: ids[1]!, name: "Checkout", mainMetric: "ces" });
    await caller.journeys.reorderStages({ ids: [ids[2]!, ids[0]!, ids[1]!] });
    expect(await order()).toEqual([
      ["Delivery", 0],
      ["Awareness", 1],
      ["Checkout", 2],
    ]);
    const [checkout] = (await caller.journeys.list()).items.filter((s) => s.name === "Checkout");
    expect(checkout!.mainMetric).toBe("ces");
  });

  it("archives a stage: it leaves the order, keeps its feedback, and new stages come after the live ones", async () => {
    const caller = await manager();
    const [first] = (await caller.journeys.list()).items;
    const item = await createFeedback(handle.db, fixture.workspace.id, { stageId: first!.id });
    await caller.journeys.archiveStage({ id: first!.id });
    await caller.journeys.createStage({ name: "Loyalty", mainMetric: "nps" });
    expect(await order()).toEqual([
      ["Awareness", 0],
      ["Checkout", 1],
      ["Loyalty", 2],
    ]);
    expect((await positions(fixture.workspace.id)).at(-1)).toEqual({ name: "Delivery", position: 3, archived: true });
    const [kept] = await handle.db.select({ stageId: feedback.stageId }).from(feedback).where(eq(feedback.id, item.id));
    expect(kept!.stageId).toBe(first!.id);
    // a second archive changes nothing
    await caller.journeys.archiveStage({ id: first!.id });
    expect((await positions(fixture.workspace.id)).length).toBe(4);
  });

  it("refuses a stale order, a taken name, and another workspace's stage, changing nothing", async () => {
    const caller = await manager();
    const before = await positions(fixture.workspace.id);
    const live = (await caller.journeys.list()).items.map((s) => s.id);
    await expect(caller.journeys.reorderStages({ ids: live.slice(0, 2) })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("reload and try again"),
    });
    await expect(caller.journeys.createStage({ name: "loyalty" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: 'A stage called "Loyalty" already exists here; choose another name.',
    });
    await expect(caller.journeys.createStage({ name: "Delivery" })).rejects.toMatchObject({
      message: 'An archived stage is already called "Delivery"; choose another name.',
    });
    const outsider = await callerFor(handle.db, other.users.admin, other.workspace.id);
    await expect(outsider.journeys.archiveStage({ id: live[0]! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(outsider.journeys.updateStage({ id: live[0]!, name: "Mine" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await positions(fixture.workspace.id)).toEqual(before);
  });

  it("adds, renames and archives touchpoints on live stages only", async () => {
    const caller = await manager();
    const [stage] = (await caller.journeys.list()).items;
    const { id } = await caller.journeys.createTouchpoint({
      stageId: stage!.id,
      name: "Checkout page",
      channel: "web",
    });
    await caller.journeys.updateTouchpoint({ id, name: "Basket", channel: "app" });
    let points = (await caller.journeys.list()).items[0]!.touchpoints;
    expect(points).toEqual([{ id, name: "Basket", channel: "app" }]);
    await expect(
      caller.journeys.createTouchpoint({ stageId: stage!.id, name: "basket", channel: "web" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await caller.journeys.archiveTouchpoint({ id });
    points = (await caller.journeys.list()).items[0]!.touchpoints;
    expect(points).toEqual([]);
    const archived = (await positions(fixture.workspace.id)).find((s) => s.archived)!;
    const [archivedStage] = await queryRows<{ id: number }>(
      handle.db,
      sql`SELECT id FROM journey_stages WHERE workspace_id = ${fixture.workspace.id} AND name = ${archived.name}`,
    );
    await expect(
      caller.journeys.createTouchpoint({ stageId: archivedStage!.id, name: "Kiosk", channel: "store" }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("keeps team members and executives out of editing", async () => {
    for (const role of ["team_member", "executive"] as const) {
      const caller = await callerFor(handle.db, fixture.users[role], fixture.workspace.id);
      await expect(caller.journeys.createStage({ name: `By ${role}` })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
