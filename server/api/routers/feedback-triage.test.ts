import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { queryRows } from "@/db/client";
import { createCustomer, createFeedback, createOrder, createTeam } from "@/db/factories";
import { auditEvents, feedback, feedbackThemes, slaPolicies, teamMembers, themes } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { analyseFeedback } from "@/db/text-analysis";
import { DEFAULT_SLA_POLICY } from "../../domain/triage";
import { callerFor, createRoleFixture } from "../testing/callers";

let handle: DbHandle;
let fixture: Awaited<ReturnType<typeof createRoleFixture>>;
let other: Awaited<ReturnType<typeof createRoleFixture>>;
const HOUR = 3_600_000;

const caller = (role: keyof typeof fixture.users) => callerFor(handle.db, fixture.users[role], fixture.workspace.id);
const item = (overrides: Parameters<typeof createFeedback>[2] = {}) =>
  createFeedback(handle.db, fixture.workspace.id, {
    receivedAt: new Date(Date.now() - HOUR),
    ...overrides,
  });
const rowOf = async (id: number) => (await handle.db.select().from(feedback).where(eq(feedback.id, id)))[0]!;

beforeAll(async () => {
  handle = await createTestDb();
  fixture = await createRoleFixture(handle.db, "Triage A");
  other = await createRoleFixture(handle.db, "Triage B");
});
afterAll(() => handle.close());

describe("feedback.triage", () => {
  it("moves an item through the workflow, with SLA due dates, versions and the audit log", async () => {
    const manager = await caller("cx_manager");
    const { id, receivedAt } = await item({ metricKind: "nps", score: 3 });
    const triaged = await manager.feedback.triage({
      id,
      version: 1,
      command: { type: "triage", priority: "high" },
    });
    expect(triaged).toEqual({ id, version: 2, changed: true });
    let row = await rowOf(id);
    expect(row).toMatchObject({
      status: "triaged",
      priority: "high",
      updatedBy: fixture.users.cx_manager.id,
      version: 2,
    });
    expect(row.firstTriagedAt).not.toBeNull();
    // triaged: the resolution clock of the high priority, from when the item came in
    expect(row.dueAt?.getTime()).toBe(receivedAt.getTime() + DEFAULT_SLA_POLICY.high.resolutionHours * HOUR);

    await manager.feedback.triage({
      id,
      version: 2,
      command: { type: "start" },
    });
    const resolved = await manager.feedback.triage({
      id,
      version: 3,
      command: {
        type: "resolve",
        resolutionNote: "Called the customer and refunded the delivery.",
        customerContacted: true,
      },
    });
    expect(resolved.version).toBe(4);
    row = await rowOf(id);
    expect(row).toMatchObject({
      status: "resolved",
      customerContacted: true,
      assigneeId: fixture.users.cx_manager.id,
    });
    expect(row.resolutionNote).toBe("Called the customer and refunded the delivery.");
    expect(row.resolvedAt).not.toBeNull();

    const events = await handle.db
      .select({
        action: auditEvents.action,
        before: auditEvents.before,
        after: auditEvents.after,
      })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "feedback"), eq(auditEvents.entityId, String(id))))
      .orderBy(auditEvents.id);
    expect(events.map((e) => e.action)).toEqual(["feedback.setStatus", "feedback.setStatus", "feedback.setStatus"]);
    expect(events[0]!.before).toMatchObject({
      status: "new",
      priority: "normal",
    });
    expect(events[2]!.after).toMatchObject({
      status: "resolved",
      customerContacted: true,
      command: "resolve",
    });
  });

  it("refuses an illegal transition with the rule, and changes nothing", async () => {
    const manager = await caller("cx_manager");
    const { id } = await item({ status: "dismissed", dismissReason: "spam" });
    await expect(
      manager.feedback.triage({
        id,
        version: 1,
        command: {
          type: "resolve",
          resolutionNote: "Done",
          customerContacted: false,
        },
      }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/dismissed item cannot be resolved; reopen it first/i),
    });
    expect((await rowOf(id)).version).toBe(1);
  });

  it("answers the second of two concurrent saves with CONFLICT naming who changed the item", async () => {
    const first = await caller("cx_manager");
    const second = await caller("admin");
    const { id } = await item();
    // both opened version 1; the manager saves first
    await first.feedback.triage({
      id,
      version: 1,
      command: { type: "setPriority", priority: "urgent" },
    });
    const late = second.feedback.triage({
      id,
      version: 1,
      command: { type: "setPriority", priority: "low" },
    });
    await expect(late).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(late).rejects.toThrow(fixture.users.cx_manager.name);
    expect((await rowOf(id)).priority).toBe("urgent");
  });

  it("lets two transactions race for one item: exactly one wins, the other gets CONFLICT", async () => {
    const a = await caller("cx_manager");
    const b = await caller("admin");
    const { id } = await item();
    const results = await Promise.allSettled([
      a.feedback.triage({
        id,
        version: 1,
        command: { type: "setPriority", priority: "high" },
      }),
      b.feedback.triage({
        id,
        version: 1,
        command: { type: "setPriority", priority: "low" },
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.reason).toMatchObject({ code: "CONFLICT" });
    expect((await rowOf(id)).version).toBe(2);
  });

  it("follows the workspace's own SLA policy", async () => {
    await handle.db.insert(slaPolicies).values({
      workspaceId: fixture.workspace.id,
      priority: "low",
      firstResponseHours: 10,
      resolutionHours: 20,
    });
    const manager = await caller("cx_manager");
    const { id, receivedAt } = await item();
    await manager.feedback.triage({
      id,
      version: 1,
      command: { type: "triage", priority: "low" },
    });
    expect((await rowOf(id)).dueAt?.getTime()).toBe(receivedAt.getTime() + 20 * HOUR);
  });

  it("only assigns members of the workspace and its own teams", async () => {
    const manager = await caller("cx_manager");
    const { id } = await item();
    const stranger = other.users.cx_manager.id;
    await expect(
      manager.feedback.triage({
        id,
        version: 1,
        command: { type: "assign", assigneeId: stranger },
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("not a member"),
    });
    const theirTeam = await createTeam(handle.db, other.workspace.id);
    await expect(
      manager.feedback.triage({
        id,
        version: 1,
        command: { type: "assign", teamId: theirTeam.id },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await rowOf(id)).version).toBe(1);
  });

  it("never reaches another workspace's feedback", async () => {
    const manager = await caller("cx_manager");
    const theirs = await createFeedback(handle.db, other.workspace.id);
    await expect(
      manager.feedback.triage({
        id: theirs.id,
        version: 1,
        command: { type: "triage" },
      }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      manager.feedback.bulkTriage({
        ids: [theirs.id],
        command: { type: "triage" },
      }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("feedback.bulkTriage", () => {
  it("changes every selected item in one go, one audit event each", async () => {
    const manager = await caller("cx_manager");
    const items = await Promise.all(Array.from({ length: 5 }, () => item()));
    const ids = items.map((i) => i.id);
    const team = await createTeam(handle.db, fixture.workspace.id);
    expect(
      await manager.feedback.bulkTriage({
        ids,
        command: { type: "triage", teamId: team.id },
      }),
    ).toEqual({
      changed: 5,
      unchanged: 0,
    });
    const rows = await handle.db.select().from(feedback).where(inArray(feedback.id, ids));
    expect(rows.every((r) => r.status === "triaged" && r.teamId === team.id && r.version === 2)).toBe(true);
    const [{ n }] = (await queryRows<{ n: number }>(
      handle.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'feedback' AND entity_id IN (${sql.join(
        ids.map((id) => sql`${String(id)}`),
        sql`, `,
      )})`,
    )) as [{ n: number }];
    expect(n).toBe(5);
  });

  it("is all or nothing: one item that cannot take the command leaves the whole selection unchanged", async () => {
    const manager = await caller("cx_manager");
    const open = await Promise.all([item({ status: "triaged" }), item({ status: "in_progress" })]);
    const closed = await item({
      status: "resolved",
      resolvedAt: new Date(),
      resolutionNote: "done",
      customerContacted: false,
    });
    const ids = [...open.map((i) => i.id), closed.id];
    const call = manager.feedback.bulkTriage({
      ids,
      command: {
        type: "resolve",
        resolutionNote: "Bulk fix shipped",
        customerContacted: false,
      },
    });
    await expect(call).rejects.toThrow(/1 of 3 items cannot be resolved, so none were changed/);
    const rows = await handle.db.select().from(feedback).where(inArray(feedback.id, ids));
    expect(rows.map((r) => r.version)).toEqual([1, 1, 1]);
    expect(rows.filter((r) => r.status === "resolved")).toHaveLength(1);
  });
});

describe("team members", () => {
  it("see and triage only items assigned to them or to their team", async () => {
    const member = fixture.users.team_member;
    const team = await createTeam(handle.db, fixture.workspace.id);
    await handle.db.insert(teamMembers).values({ teamId: team.id, userId: member.id });
    const mine = await item({ assigneeId: member.id, status: "triaged" });
    const ourTeams = await item({ teamId: team.id, status: "triaged" });
    const someoneElses = await item({
      assigneeId: fixture.users.cx_manager.id,
      status: "triaged",
    });

    const caller = await callerFor(handle.db, member, fixture.workspace.id);
    const seen = new Set<number>();
    let cursor: string | null | undefined;
    do {
      const page = await caller.feedback.list({
        limit: 100,
        cursor: cursor ?? undefined,
      });
      page.items.forEach((i) => seen.add(i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.has(mine.id) && seen.has(ourTeams.id)).toBe(true);
    expect(seen.has(someoneElses.id)).toBe(false);

    await caller.feedback.triage({
      id: mine.id,
      version: 1,
      command: { type: "start" },
    });
    await caller.feedback.triage({
      id: ourTeams.id,
      version: 1,
      command: { type: "start" },
    });
    await expect(
      caller.feedback.triage({
        id: someoneElses.id,
        version: 1,
        command: { type: "start" },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      caller.feedback.bulkTriage({
        ids: [mine.id, someoneElses.id],
        command: { type: "setPriority", priority: "high" },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await rowOf(mine.id)).priority).toBe("normal");
  });

  it("an executive reads the inbox but cannot triage", async () => {
    const executive = await caller("executive");
    const { id } = await item();
    expect((await executive.feedback.list({ limit: 5 })).items.length).toBeGreaterThan(0);
    await expect(
      executive.feedback.triage({
        id,
        version: 1,
        command: { type: "triage" },
      }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("feedback.detail, comments and themes", () => {
  it("shows the item with its customer, timeline, history, comments and the commands one may run", async () => {
    const db = handle.db;
    const customer = await createCustomer(db, fixture.workspace.id, { name: "Noa Cohen" });
    await createOrder(db, fixture.workspace.id, customer.id, {
      amount: "10.10",
      orderedAt: new Date(Date.now() - 3 * HOUR),
    });
    await createOrder(db, fixture.workspace.id, customer.id, {
      kind: "refund",
      amount: "-0.20",
      orderedAt: new Date(Date.now() - 2 * HOUR),
    });
    const earlier = await item({ customerId: customer.id, receivedAt: new Date(Date.now() - 5 * HOUR) });
    const { id } = await item({ customerId: customer.id, text: "השליח הגיע באיחור", language: "he" });
    const manager = await caller("cx_manager");
    await manager.feedback.triage({ id, version: 1, command: { type: "triage", priority: "high" } });
    await manager.feedback.addComment({ id, body: "  Called her, waiting for the courier.  " });

    const detail = await manager.feedback.detail({ id });
    expect(detail.item).toMatchObject({ id, status: "triaged", priority: "high", language: "he", version: 2 });
    expect(detail.item.updatedByName).toBe(fixture.users.cx_manager.name);
    expect(detail.customer).toMatchObject({ name: "Noa Cohen", revenueToDate: "9.90" });
    expect(detail.customer!.timeline.map((e) => `${e.kind}:${e.id}`)).toEqual([
      `feedback:${id}`,
      ...detail.customer!.timeline.filter((e) => e.kind === "order").map((e) => `order:${e.id}`),
      `feedback:${earlier.id}`,
    ]);
    expect(detail.history.map((h) => h.action)).toEqual(["feedback.comment", "feedback.setStatus"]);
    expect(detail.comments).toMatchObject([
      { body: "Called her, waiting for the courier.", authorName: fixture.users.cx_manager.name },
    ]);
    expect(detail.commands).toEqual(expect.arrayContaining(["start", "dismiss", "setPriority", "assign"]));
    expect(detail.commands).not.toContain("triage");

    // an executive reads it but may do nothing; a team member does not see it at all
    const executive = await (await caller("executive")).feedback.detail({ id });
    expect(executive.commands).toEqual([]);
    expect(executive.mayComment).toBe(false);
    const member = await caller("team_member");
    await expect(member.feedback.detail({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // the customer's timeline shows a team member only the items they may read
    const theirs = await item({ customerId: customer.id, assigneeId: fixture.users.team_member.id });
    const seen = await member.feedback.detail({ id: theirs.id });
    expect(seen.customer!.timeline.filter((e) => e.kind === "feedback").map((e) => e.id)).toEqual([theirs.id]);
    expect(
      (await manager.feedback.detail({ id: theirs.id })).customer!.timeline.filter((e) => e.kind === "feedback"),
    ).toHaveLength(3);
    await expect(member.feedback.addComment({ id, body: "hi" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("adds and removes themes on a selection; a manual link survives the text analysis", async () => {
    const db = handle.db;
    const [delivery] = await db
      .insert(themes)
      .values({ workspaceId: fixture.workspace.id, name: "Late delivery", keywords: { en: ["late"] } })
      .returning();
    const [staff] = await db
      .insert(themes)
      .values({ workspaceId: fixture.workspace.id, name: "Staff", keywords: { en: ["rude"] } })
      .returning();
    const [theirs] = await db.insert(themes).values({ workspaceId: other.workspace.id, name: "Theirs" }).returning();
    const a = await item({ text: "Parcel arrived late.", language: "en" });
    const b = await item({ text: "Nothing to say." });
    await analyseFeedback(db, fixture.workspace.id, { ids: [a.id, b.id] });
    const manager = await caller("cx_manager");
    await manager.feedback.themesBulk({ ids: [a.id, b.id], add: [staff!.id] });
    const linksOf = async (id: number) =>
      (await db.select().from(feedbackThemes).where(eq(feedbackThemes.feedbackId, id)))
        .map((l) => `${l.themeId}:${l.origin}`)
        .sort();
    expect(await linksOf(a.id)).toEqual([`${delivery!.id}:rule`, `${staff!.id}:manual`].sort());
    expect(await linksOf(b.id)).toEqual([`${staff!.id}:manual`]);
    await analyseFeedback(db, fixture.workspace.id, { ids: [a.id, b.id], all: true });
    expect(await linksOf(b.id)).toEqual([`${staff!.id}:manual`]);
    await manager.feedback.themesBulk({ ids: [a.id], remove: [delivery!.id] });
    expect(await linksOf(a.id)).toEqual([`${staff!.id}:manual`]);
    await expect(manager.feedback.themesBulk({ ids: [a.id], add: [theirs!.id] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      manager.feedback.themesBulk({ ids: [a.id], add: [staff!.id], remove: [staff!.id] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
