import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createFeedback, createStage, createTouchpoint } from "@/db/factories";
import { createTestDb } from "@/db/test-db";
import { callerFor, createRoleFixture } from "../testing/callers";

let handle: DbHandle;
let fixture: Awaited<ReturnType<typeof createRoleFixture>>;
let other: Awaited<ReturnType<typeof createRoleFixture>>;

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000);

beforeAll(async () => {
  handle = await createTestDb();
  const { db } = handle;
  fixture = await createRoleFixture(db, "Journeys A");
  other = await createRoleFixture(db, "Journeys B");
  const ws = fixture.workspace.id;

  // created out of order: the list follows `position`, not insertion
  const purchase = await createStage(db, ws, { name: "Purchase", position: 2, mainMetric: "csat" });
  await createStage(db, ws, { name: "Awareness", position: 1 });
  const archived = await createStage(db, ws, { name: "Retired", position: 3, archivedAt: new Date() });
  await createTouchpoint(db, ws, purchase.id, { name: "Store till", channel: "store" });
  await createTouchpoint(db, ws, purchase.id, { name: "Checkout page", channel: "web" });
  await createTouchpoint(db, ws, purchase.id, { name: "Old kiosk", channel: "store", archivedAt: new Date() });
  await createTouchpoint(db, ws, archived.id, { name: "Fax line", channel: "call_centre" });

  await createFeedback(db, ws, { stageId: purchase.id, receivedAt: daysAgo(1) });
  await createFeedback(db, ws, { stageId: purchase.id, receivedAt: daysAgo(89) });
  await createFeedback(db, ws, { stageId: purchase.id, receivedAt: daysAgo(91) });
  await createFeedback(db, ws, { stageId: archived.id, receivedAt: daysAgo(2) });
  await createFeedback(db, ws, { receivedAt: daysAgo(2) });

  const foreign = await createStage(db, other.workspace.id, { name: "Purchase", position: 2 });
  await createTouchpoint(db, other.workspace.id, foreign.id, { name: "Foreign checkout", channel: "web" });
  await createFeedback(db, other.workspace.id, { stageId: foreign.id, receivedAt: daysAgo(1) });
});
afterAll(() => handle.close());

describe("journeys.list", () => {
  it("returns the non-archived stages in position order with touchpoints and 90-day feedback counts", async () => {
    const caller = await callerFor(handle.db, fixture.users.team_member, fixture.workspace.id);
    const { items, since } = await caller.journeys.list();
    expect(Date.now() - since.getTime()).toBeGreaterThanOrEqual(90 * 24 * 60 * 60 * 1000);
    const summary = items.map(({ name, position, mainMetric, feedbackCount, touchpoints }) => ({
      name,
      position,
      mainMetric,
      feedbackCount,
      touchpoints: touchpoints.map((t) => `${t.name} (${t.channel})`),
    }));
    expect(summary).toEqual([
      { name: "Awareness", position: 1, mainMetric: "nps", feedbackCount: 0, touchpoints: [] },
      {
        name: "Purchase",
        position: 2,
        mainMetric: "csat",
        feedbackCount: 2,
        touchpoints: ["Checkout page (web)", "Store till (store)"],
      },
    ]);
  });

  it("never shows another workspace's stages, and an empty workspace has none", async () => {
    const caller = await callerFor(handle.db, other.users.admin, other.workspace.id);
    const { items } = await caller.journeys.list();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ name: "Purchase", feedbackCount: 1 });
    expect(items[0]!.touchpoints.map((t) => t.name)).toEqual(["Foreign checkout"]);

    const empty = await createRoleFixture(handle.db, "Journeys empty");
    const emptyCaller = await callerFor(handle.db, empty.users.admin, empty.workspace.id);
    expect((await emptyCaller.journeys.list()).items).toEqual([]);
  });
});
