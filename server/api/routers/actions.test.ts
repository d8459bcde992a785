import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createAction, createTeam } from "@/db/factories";
import { createTestDb } from "@/db/test-db";
import { utcDate } from "../../domain/actions";
import { callerFor, createRoleFixture } from "../testing/callers";

let handle: DbHandle;
let fixture: Awaited<ReturnType<typeof createRoleFixture>>;
let other: Awaited<ReturnType<typeof createRoleFixture>>;

const DAY = 24 * 60 * 60 * 1000;
const dayOffset = (days: number) => utcDate(new Date(Date.now() + days * DAY));

beforeAll(async () => {
  handle = await createTestDb();
  const { db } = handle;
  fixture = await createRoleFixture(db, "Actions A");
  other = await createRoleFixture(db, "Actions B");
  const ws = fixture.workspace.id;
  const ops = await createTeam(db, ws, { name: "Operations" });
  const foreignTeam = await createTeam(db, other.workspace.id, { name: "Foreign team" });
  const assignee = fixture.users.cx_manager;

  await createAction(db, ws, { title: "No date yet", status: "proposed" });
  await createAction(db, ws, {
    title: "Fix courier hand-off",
    status: "in_progress",
    kpi: "csat",
    dueDate: dayOffset(-2),
    ownerTeamId: ops.id,
    assigneeId: assignee.id,
  });
  await createAction(db, ws, { title: "Shipped late but done", status: "done", dueDate: dayOffset(-3) });
  await createAction(db, ws, { title: "Due today", status: "planned", dueDate: dayOffset(0) });
  await createAction(db, ws, { title: "Next week", status: "planned", dueDate: dayOffset(7), kpi: "churn" });
  await createAction(db, ws, {
    title: "Abandoned",
    status: "dropped",
    droppedReason: "Superseded",
    dueDate: dayOffset(-1),
  });
  // a team of another workspace must not leak through the (unscoped) team reference
  await createAction(db, ws, {
    title: "Odd team",
    status: "planned",
    dueDate: dayOffset(30),
    ownerTeamId: foreignTeam.id,
  });

  await createAction(db, other.workspace.id, {
    title: "Foreign action",
    status: "in_progress",
    dueDate: dayOffset(-5),
  });
});
afterAll(() => handle.close());

describe("actions.list", () => {
  it("returns this workspace's actions by due date, undated last, with team, assignee and overdue flag", async () => {
    const caller = await callerFor(handle.db, fixture.users.executive, fixture.workspace.id);
    const { items, today } = await caller.actions.list({});
    expect(today).toBe(dayOffset(0));
    expect(items.map((a) => [a.title, a.overdue])).toEqual([
      ["Shipped late but done", false],
      ["Fix courier hand-off", true],
      ["Abandoned", false],
      ["Due today", false],
      ["Next week", false],
      ["Odd team", false],
      ["No date yet", false],
    ]);
    expect(items[1]).toMatchObject({
      status: "in_progress",
      kpi: "csat",
      dueDate: dayOffset(-2),
      ownerTeamName: "Operations",
      assigneeName: fixture.users.cx_manager.name,
    });
    expect(items.find((a) => a.title === "Odd team")?.ownerTeamName).toBeNull();
    expect(items.find((a) => a.title === "No date yet")).toMatchObject({ dueDate: null, assigneeName: null });
  });

  it("filters by status", async () => {
    const caller = await callerFor(handle.db, fixture.users.admin, fixture.workspace.id);
    const { items } = await caller.actions.list({ status: "planned" });
    expect(items.map((a) => a.title)).toEqual(["Due today", "Next week", "Odd team"]);
    expect((await caller.actions.list({ status: "verified" })).items).toEqual([]);
  });

  it("a team member without a team sees none; filters combine", async () => {
    const member = await callerFor(handle.db, fixture.users.team_member, fixture.workspace.id);
    expect((await member.actions.list({})).items).toEqual([]);
    const admin = await callerFor(handle.db, fixture.users.admin, fixture.workspace.id);
    expect((await admin.actions.list({ overdue: true })).items.map((a) => a.title)).toEqual(["Fix courier hand-off"]);
    expect((await admin.actions.list({ assigneeId: fixture.users.cx_manager.id })).items).toHaveLength(1);
    expect((await admin.actions.list({ statuses: ["done", "dropped"] })).items.map((a) => a.title)).toEqual([
      "Shipped late but done",
      "Abandoned",
    ]);
  });

  it("pages by keyset in due-date order, undated last", async () => {
    const admin = await callerFor(handle.db, fixture.users.admin, fixture.workspace.id);
    const all = (await admin.actions.list({})).items.map((a) => a.title);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { title: string }[]; nextCursor: string | null } = await admin.actions.list({
        limit: 2,
        cursor,
      });
      seen.push(...page.items.map((a) => a.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it("never shows another workspace's actions", async () => {
    const caller = await callerFor(handle.db, other.users.admin, other.workspace.id);
    const { items } = await caller.actions.list({});
    expect(items.map((a) => [a.title, a.overdue])).toEqual([["Foreign action", true]]);
  });
});
