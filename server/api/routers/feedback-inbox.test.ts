import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { queryRows } from "@/db/client";
import { createCustomer, createFeedback, createTeam } from "@/db/factories";
import { feedback, feedbackThemes, themes } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { analyseFeedback } from "@/db/text-analysis";
import { CHANNELS, FEEDBACK_SOURCES, PRIORITIES } from "../../domain/enums";
import type { FeedbackFiltersInput } from "../../domain/feedback";
import { callerFor, createRoleFixture } from "../testing/callers";

const NOW = new Date("2026-11-23T12:00:00Z");
const DAY = 86_400_000;

const TEXTS: Array<[string, string | null]> = [
  ["The delivery was late again and nobody answered the phone.", "en"],
  ["Great service, the staff were friendly and helpful!", "en"],
  ["Terrible app, it crashes every time I pay.", "en"],
  ["השליח הגיע באיחור של שלושה ימים", "he"],
  ["שירות מצוין, תודה רבה", "he"],
  ["快递延误了三天，客服也不回复。", "zh"],
  ["服务很好，谢谢！", "zh"],
  ["پشتیبانی خیلی کند بود", "fa"],
  ["Livraison en retard, très déçu.", "fr"],
  ["", null],
];

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe(`feedback inbox: filters, search and orders (${testEngine()})`, () => {
  let handle: DbHandle;
  let fixture: Awaited<ReturnType<typeof createRoleFixture>>;
  let caller: Awaited<ReturnType<typeof callerFor>>;
  let teamId: number;
  let themeId: number;
  type Row = typeof feedback.$inferSelect & { themeIds: number[] };
  let rows: Row[];

  beforeAll(async () => {
    handle = await createTestDb();
    const db = handle.db;
    fixture = await createRoleFixture(db, "Inbox");
    const other = await createRoleFixture(db, "Elsewhere");
    caller = await callerFor(db, fixture.users.cx_manager, fixture.workspace.id);
    teamId = (await createTeam(db, fixture.workspace.id)).id;
    const [theme] = await db
      .insert(themes)
      .values({
        workspaceId: fixture.workspace.id,
        name: "Delivery delay",
        keywords: {
          en: ["late"],
          he: ["באיחור"],
          zh: ["延误"],
          fr: ["en retard"],
        },
      })
      .returning();
    themeId = theme!.id;
    const customer = await createCustomer(db, fixture.workspace.id);
    const rnd = prng(4242);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
    for (let i = 0; i < 160; i++) {
      const [text, language] = pick(TEXTS);
      const kind = pick(["nps", "csat", "none"] as const);
      const status = pick(["new", "new", "triaged", "in_progress", "resolved"] as const);
      await createFeedback(db, fixture.workspace.id, {
        customerId: rnd() < 0.5 ? customer.id : null,
        text: text || null,
        language: rnd() < 0.5 ? language : null,
        metricKind: kind,
        score: kind === "nps" ? Math.floor(rnd() * 11) : kind === "csat" ? 1 + Math.floor(rnd() * 5) : null,
        source: pick(FEEDBACK_SOURCES),
        channel: pick(CHANNELS),
        priority: pick(PRIORITIES),
        status,
        ...(status === "resolved"
          ? {
              resolvedAt: NOW,
              resolutionNote: "done",
              customerContacted: false,
            }
          : {}),
        assigneeId: rnd() < 0.3 ? fixture.users.team_member.id : null,
        teamId: rnd() < 0.3 ? teamId : null,
        dueAt: rnd() < 0.5 ? new Date(NOW.getTime() + (rnd() - 0.5) * 4 * DAY) : null,
        // many items share a second: the orders must still be total
        receivedAt: new Date(NOW.getTime() - Math.floor(rnd() * 40) * 3_600_000),
      });
    }
    // another workspace's item with the same words never shows
    await createFeedback(db, other.workspace.id, {
      text: "The delivery was late",
      language: "en",
    });
    await analyseFeedback(db, fixture.workspace.id, { now: NOW });
    await analyseFeedback(db, other.workspace.id, { now: NOW });
    const all = await db.select().from(feedback).where(eq(feedback.workspaceId, fixture.workspace.id));
    const links = await db.select().from(feedbackThemes);
    rows = all.map((r) => ({
      ...r,
      themeIds: links.filter((l) => l.feedbackId === r.id).map((l) => l.themeId),
    }));
  });
  afterAll(() => handle.close());

  async function listAll(input: FeedbackFiltersInput & { sort?: "newest" | "priority" | "negative" }, limit = 7) {
    const items = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof caller.feedback.list>> = await caller.feedback.list({
        ...input,
        limit,
        cursor,
      });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  const open = (r: Row) => ["new", "triaged", "in_progress"].includes(r.status);
  const FILTERS: Array<[string, FeedbackFiltersInput, (r: Row) => boolean]> = [
    ["priority", { priority: "high" }, (r) => r.priority === "high"],
    ["source", { source: "review" }, (r) => r.source === "review"],
    ["score range", { scoreMin: 0, scoreMax: 6 }, (r) => r.score !== null && r.score <= 6],
    ["sentiment", { sentiment: "negative" }, (r) => r.sentimentLabel === "negative"],
    ["language and its regional forms", { language: "he" }, (r) => r.language === "he"],
    ["theme", { themeId: -1 }, (r) => r.themeIds.includes(themeId)],
    ["assignee", { assigneeId: -1 }, (r) => r.assigneeId === fixture.users.team_member.id],
    ["team", { teamId: -1 }, (r) => r.teamId === teamId],
    ["overdue", { overdue: true }, (r) => open(r) && r.dueAt !== null && r.dueAt < NOW],
    ["channel and status", { channel: "web", status: "new" }, (r) => r.channel === "web" && r.status === "new"],
  ];

  it.each(FILTERS)("%s returns exactly the matching rows", async (_, raw, keep) => {
    const input = { ...raw };
    if (input.themeId === -1) input.themeId = themeId;
    if (input.assigneeId === -1) input.assigneeId = fixture.users.team_member.id;
    if (input.teamId === -1) input.teamId = teamId;
    // "overdue" is judged at the request's time; the data was dated around NOW, so compare with now
    const now = new Date();
    const expected = rows.filter((r) => (raw.overdue ? open(r) && r.dueAt !== null && r.dueAt < now : keep(r)));
    const got = await listAll(input);
    expect(got.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected.map((r) => r.id).sort((a, b) => a - b));
    expect(expected.length).toBeGreaterThan(0);
  });

  it.each([
    ["English", "late", (r: Row) => /\blate\b/i.test(r.text ?? "")],
    ["two English words, both required", "delivery LATE", (r: Row) => /delivery was late/.test(r.text ?? "")],
    ["Hebrew", "באיחור", (r: Row) => (r.text ?? "").includes("באיחור")],
    ["Chinese", "延误", (r: Row) => (r.text ?? "").includes("延误")],
    // "באיחור" is "in delay": the bare word finds it, as people search
    ["Hebrew, a word without its attached particle", "איחור", (r: Row) => (r.text ?? "").includes("באיחור")],
    ["Persian", "پشتیبانی", (r: Row) => (r.text ?? "").includes("پشتیبانی")],
    ["French with accents folded", "DECU", (r: Row) => (r.text ?? "").includes("déçu")],
    ["a word nobody wrote", "zeppelin", () => false],
  ])("search in %s finds exactly the items with the words", async (_, q, keep) => {
    const got = await listAll({ q });
    expect(got.map((r) => r.id).sort((a, b) => a - b)).toEqual(
      rows
        .filter(keep)
        .map((r) => r.id)
        .sort((a, b) => a - b),
    );
  });

  const ORDERS: Array<["newest" | "priority" | "negative", (a: Row, b: Row) => number]> = [
    ["newest", (a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || b.id - a.id],
    [
      "priority",
      (a, b) =>
        PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority) ||
        b.receivedAt.getTime() - a.receivedAt.getTime() ||
        b.id - a.id,
    ],
    [
      "negative",
      (a, b) =>
        (a.sentiment ?? 2) - (b.sentiment ?? 2) || b.receivedAt.getTime() - a.receivedAt.getTime() || b.id - a.id,
    ],
  ];

  it.each(ORDERS)("pages in %s order return every row once, in order", async (sort, compare) => {
    for (const limit of [1, 7, 100]) {
      const got = await listAll({ sort }, limit);
      expect(got.map((r) => r.id)).toEqual([...rows].sort(compare).map((r) => r.id));
    }
  });

  it("refuses a cursor of another order", async () => {
    const page = await caller.feedback.list({ sort: "priority", limit: 5 });
    await expect(
      caller.feedback.list({
        sort: "newest",
        limit: 5,
        cursor: page.nextCursor,
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("another order"),
    });
  });

  it("the analysis links themes, finds languages and opens detractors as high with an SLA due date", async () => {
    const hebrew = rows.find((r) => r.text?.includes("באיחור"))!;
    expect(hebrew.language).toBe("he");
    expect(hebrew.themeIds).toContain(themeId);
    expect(hebrew.searchTerms).toContain("באיחור");
    const [opened] = await queryRows<{ n: number }>(
      handle.db,
      sql`SELECT count(*)::int AS n FROM feedback
        WHERE workspace_id = ${fixture.workspace.id} AND analysed_at IS NOT NULL AND search_terms = '{}' AND text IS NOT NULL AND text <> ''`,
    );
    expect(opened!.n).toBe(0);
    // a new, normal-priority NPS detractor after its first analysis
    const item = await createFeedback(handle.db, fixture.workspace.id, {
      metricKind: "nps",
      score: 2,
      text: "Terrible, rude staff and the order never arrived. Awful!",
      receivedAt: NOW,
    });
    await analyseFeedback(handle.db, fixture.workspace.id, {
      ids: [item.id],
      now: NOW,
    });
    const [after] = await handle.db.select().from(feedback).where(eq(feedback.id, item.id));
    expect(after!.priority).toBe("urgent");
    expect(after!.sentimentLabel).toBe("negative");
    expect(after!.sentimentSource).toBe("text");
    expect(after!.dueAt?.getTime()).toBe(NOW.getTime() + 3_600_000);
    // a second analysis never lowers or moves what triage set
    await handle.db.update(feedback).set({ priority: "low", dueAt: null }).where(eq(feedback.id, item.id));
    await analyseFeedback(handle.db, fixture.workspace.id, {
      ids: [item.id],
      all: true,
      now: NOW,
    });
    const [again] = await handle.db.select().from(feedback).where(eq(feedback.id, item.id));
    expect(again).toMatchObject({ priority: "low", dueAt: null });
  });
});
