import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createCustomer, createFeedback, createSegment, createStage, createTeam } from "@/db/factories";
import { actions, auditEvents, feedback, teamMembers } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { callerFor, createRoleFixture } from "../testing/callers";

let handle: DbHandle;
let fixture: Awaited<ReturnType<typeof createRoleFixture>>;
let other: Awaited<ReturnType<typeof createRoleFixture>>;
let ownTeam: number;
let otherTeam: number;
let stageId: number;

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
const as = (role: keyof typeof fixture.users) => callerFor(handle.db, fixture.users[role], fixture.workspace.id);

beforeAll(async () => {
  handle = await createTestDb();
  fixture = await createRoleFixture(handle.db, "Workflow A");
  other = await createRoleFixture(handle.db, "Workflow B");
  const ws = fixture.workspace.id;
  ownTeam = (await createTeam(handle.db, ws, { name: "Delivery crew" })).id;
  otherTeam = (await createTeam(handle.db, ws, { name: "Store staff" })).id;
  await handle.db.insert(teamMembers).values({ teamId: ownTeam, userId: fixture.users.team_member.id });
  stageId = (await createStage(handle.db, ws, { name: "Delivery" })).id;
});
afterAll(() => handle.close());

describe("the action workflow through the procedures", () => {
  it("moves proposed → planned → in progress → done → verified, each move by whom the rules allow, with history", async () => {
    const manager = await as("cx_manager");
    const member = await as("team_member");
    const created = await manager.actions.create({
      title: "Call back late deliveries",
      ownerTeamId: ownTeam,
      scope: { stageId },
      kpi: "csat",
      target: "85",
    });
    expect(created).toMatchObject({ status: "proposed", version: 1, target: "85.00" });
    const id = created.id;

    await expect(member.actions.setStatus({ id, status: "planned" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(manager.actions.setStatus({ id, status: "done" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/can move to planned or dropped, not to done/),
    });
    await manager.actions.setStatus({ id, status: "planned", note: "Starts next sprint" });
    await member.actions.setStatus({ id, status: "in_progress" });
    const done = await member.actions.setStatus({ id, status: "done" });
    expect(done.completedAt).toBeInstanceOf(Date);
    await expect(member.actions.setStatus({ id, status: "verified" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await manager.actions.setStatus({ id, status: "verified" });
    await expect(manager.actions.setStatus({ id, status: "in_progress" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/verified, which is final/),
    });

    const detail = await manager.actions.byId({ id });
    expect(detail.history.map((h) => [h.fromStatus, h.toStatus, h.changedByName])).toEqual([
      [null, "proposed", fixture.users.cx_manager.name],
      ["proposed", "planned", fixture.users.cx_manager.name],
      ["planned", "in_progress", fixture.users.team_member.name],
      ["in_progress", "done", fixture.users.team_member.name],
      ["done", "verified", fixture.users.cx_manager.name],
    ]);
    expect(detail.history[1]!.note).toBe("Starts next sprint");
    expect(detail.history.every((h) => h.changedAt instanceof Date)).toBe(true);
    expect(detail.action).toMatchObject({ status: "verified", version: 5, ownerTeamName: "Delivery crew" });
    expect(detail.action.scope.stage).toEqual({ id: stageId, name: "Delivery" });
    expect(detail.transitions).toEqual([]);

    const audits = await handle.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "action"), eq(auditEvents.entityId, String(id))));
    expect(audits.map((a) => a.action).sort()).toEqual(
      ["actions.create", ...Array(4).fill("actions.setStatus")].sort(),
    );
  });

  it("drops only with a reason, kept on the action and in the history; a team member cannot drop", async () => {
    const manager = await as("cx_manager");
    const { id } = await manager.actions.create({ title: "Reprint labels", ownerTeamId: ownTeam, kpi: "nps" });
    await expect(manager.actions.setStatus({ id, status: "dropped" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await manager.actions.setStatus({ id, status: "planned" });
    const member = await as("team_member");
    await expect(member.actions.setStatus({ id, status: "dropped", reason: "No time" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await manager.actions.setStatus({ id, status: "dropped", reason: "Courier replaced" });
    const detail = await manager.actions.byId({ id });
    expect(detail.action).toMatchObject({ status: "dropped", droppedReason: "Courier replaced" });
    expect(detail.history.at(-1)).toMatchObject({ toStatus: "dropped", note: "Courier replaced" });
  });

  it("offers each user the moves they may make now", async () => {
    const manager = await as("cx_manager");
    const { id } = await manager.actions.create({ title: "Fix tracking mails", ownerTeamId: ownTeam, kpi: "ces" });
    await manager.actions.setStatus({ id, status: "planned" });
    expect((await manager.actions.byId({ id })).transitions).toEqual(["in_progress", "dropped"]);
    const memberView = await (await as("team_member")).actions.byId({ id });
    expect(memberView.transitions).toEqual(["in_progress"]);
    expect(memberView.editableFields).toEqual(["title", "description", "assigneeId", "dueDate"]);
    const executiveView = await (await as("executive")).actions.byId({ id });
    expect(executiveView).toMatchObject({ transitions: [], editableFields: [], mayComment: false });
  });
});

describe("team members work on their own team's actions only", () => {
  let ownId: number;
  let otherId: number;
  beforeAll(async () => {
    const manager = await as("admin");
    ownId = (await manager.actions.create({ title: "Own team action", ownerTeamId: ownTeam, kpi: "csat" })).id;
    otherId = (await manager.actions.create({ title: "Other team action", ownerTeamId: otherTeam, kpi: "csat" })).id;
  });

  it("lists and reads only their teams' actions; another team's is not found", async () => {
    const member = await as("team_member");
    const { items } = await member.actions.list({});
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((a) => a.ownerTeamId === ownTeam)).toBe(true);
    expect(items.some((a) => a.id === ownId)).toBe(true);
    await expect(member.actions.byId({ id: otherId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const all = await (await as("executive")).actions.list({});
    expect(all.items.some((a) => a.id === otherId)).toBe(true);
  });

  it("edits title and due date, not the target or scope, and never another team's action", async () => {
    const member = await as("team_member");
    const updated = await member.actions.update({ id: ownId, version: 1, title: "Own team action, renamed" });
    expect(updated).toMatchObject({ version: 2, changed: ["title"] });
    await expect(member.actions.update({ id: ownId, version: 2, kpi: "csat", target: "90" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/cannot change target/),
    });
    await expect(member.actions.update({ id: ownId, version: 2, scope: { stageId } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(member.actions.update({ id: otherId, version: 1, title: "Mine now" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(member.actions.setStatus({ id: otherId, status: "in_progress" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(member.actions.addComment({ actionId: otherId, body: "Hello" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("a stale version is a CONFLICT that says what to do", async () => {
    const manager = await as("cx_manager");
    await expect(manager.actions.update({ id: ownId, version: 1, title: "Late edit" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/reload and try again/),
    });
  });

  it("comments are kept with their author, oldest first, and audited", async () => {
    const member = await as("team_member");
    await member.actions.addComment({ actionId: ownId, body: "  Courier briefed  " });
    await (await as("cx_manager")).actions.addComment({ actionId: ownId, body: "Thanks" });
    const { comments } = await member.actions.byId({ id: ownId });
    expect(comments.map((c) => [c.authorName, c.body])).toEqual([
      [fixture.users.team_member.name, "Courier briefed"],
      [fixture.users.cx_manager.name, "Thanks"],
    ]);
    const audits = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "actions.comment"), eq(auditEvents.entityId, String(ownId))));
    expect(audits).toHaveLength(2);
  });

  it("another workspace's action does not exist, even for its admin", async () => {
    const foreign = await callerFor(handle.db, other.users.admin, other.workspace.id);
    await expect(foreign.actions.byId({ id: ownId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(foreign.actions.setStatus({ id: ownId, status: "planned" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(foreign.actions.create({ title: "Steal", ownerTeamId: ownTeam, kpi: "nps" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("the baseline", () => {
  it("is computed at creation from the scope's trailing 90 days and does not move when later feedback arrives", async () => {
    const ws = fixture.workspace.id;
    const segment = await createSegment(handle.db, ws, { name: "Enterprise" });
    const inSegment = await createCustomer(handle.db, ws, { segmentId: segment.id });
    const outside = await createCustomer(handle.db, ws);
    // in scope and window: 6 promoters, 2 passives, 2 detractors → NPS 40 on 10 responses
    for (const score of [9, 10, 9, 10, 9, 10, 7, 8, 3, 5]) {
      await createFeedback(handle.db, ws, { customerId: inSegment.id, score, receivedAt: daysAgo(10) });
    }
    // outside the window or the segment: must not count
    await createFeedback(handle.db, ws, { customerId: inSegment.id, score: 0, receivedAt: daysAgo(91) });
    await createFeedback(handle.db, ws, { customerId: outside.id, score: 0, receivedAt: daysAgo(5) });
    await createFeedback(handle.db, ws, { score: 0, receivedAt: daysAgo(5) });

    const manager = await as("cx_manager");
    const created = await manager.actions.create({
      title: "Enterprise onboarding",
      scope: { segmentId: segment.id },
      kpi: "nps",
    });
    expect(created).toMatchObject({ baseline: "40.00", baselineResponses: 10 });

    for (let i = 0; i < 10; i++) await createFeedback(handle.db, ws, { customerId: inSegment.id, score: 0 });
    const later = await manager.actions.byId({ id: created.id });
    expect(later.action).toMatchObject({ baseline: "40.00", baselineResponses: 10 });
    // the same scope measured now sees the new detractors: 6 − 12 of 20 → −30
    const now = await manager.actions.create({ title: "Again", scope: { segmentId: segment.id }, kpi: "nps" });
    expect(now).toMatchObject({ baseline: "-30.00", baselineResponses: 20 });
  });
});

describe("closing the loop", () => {
  it("resolves exactly the verified action's linked open feedback, naming the action, through the inbox's bulk triage", async () => {
    const ws = fixture.workspace.id;
    const make = (status: "new" | "triaged" | "in_progress" | "resolved" | "dismissed") =>
      createFeedback(handle.db, ws, {
        status,
        ...(status === "dismissed" ? { dismissReason: "spam" } : {}),
        ...(status === "resolved" ? { resolutionNote: "Done earlier", resolvedAt: new Date() } : {}),
      });
    const linked = [await make("new"), await make("new"), await make("triaged"), await make("in_progress")];
    const closed = [await make("resolved"), await make("dismissed")];
    const unlinked = await make("new");
    const manager = await as("cx_manager");
    const { id } = await manager.actions.create({
      title: "Repack fragile items",
      ownerTeamId: ownTeam,
      kpi: "csat",
      feedbackIds: [...linked, ...closed].map((f) => f.id),
    });
    expect((await manager.actions.byId({ id })).linkedFeedback).toEqual({ total: 6, open: 4 });
    await expect(manager.actions.resolveFeedback({ id, customerContacted: true })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    for (const status of ["planned", "in_progress", "done", "verified"] as const) {
      await manager.actions.setStatus({ id, status });
    }
    const result = await manager.actions.resolveFeedback({ id, customerContacted: true });
    expect(result).toMatchObject({ resolved: 4, feedbackIds: linked.map((f) => f.id) });

    const rows = await handle.db.select().from(feedback).where(eq(feedback.workspaceId, ws));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const item of linked) {
      expect(byId.get(item.id)).toMatchObject({ status: "resolved", customerContacted: true });
      expect(byId.get(item.id)!.resolutionNote).toContain(`#${id} “Repack fragile items”`);
      expect(byId.get(item.id)!.version).toBeGreaterThan(1);
    }
    expect(byId.get(closed[0]!.id)).toMatchObject({ status: "resolved", resolutionNote: "Done earlier", version: 1 });
    expect(byId.get(closed[1]!.id)).toMatchObject({ status: "dismissed", version: 1 });
    expect(byId.get(unlinked.id)).toMatchObject({ status: "new", version: 1 });
    const resolves = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "feedback"), eq(auditEvents.action, "feedback.setStatus")));
    const resolvedIds = resolves
      .filter((a) => (a.after as { command?: string }).command === "resolve")
      .map((a) => Number(a.entityId));
    expect(resolvedIds.sort((a, b) => a - b)).toEqual(linked.map((f) => f.id));
    expect((await manager.actions.byId({ id })).linkedFeedback).toEqual({ total: 6, open: 0 });
    // a second run finds nothing left to resolve
    expect(await manager.actions.resolveFeedback({ id, customerContacted: false })).toMatchObject({ resolved: 0 });
    expect(await handle.db.select({ id: actions.id }).from(actions).where(eq(actions.id, id))).toHaveLength(1);
  });
});
