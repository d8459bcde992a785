import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createCustomer, createFeedback, createSegment, createStage } from "@/db/factories";
import { feedback } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import type { Channel, FeedbackStatus, MetricKind } from "../../domain/enums";
import {
  type FeedbackFilters,
  type FeedbackFiltersInput,
  feedbackFiltersInput,
  NPS_CATEGORY_SCORES,
} from "../../domain/feedback";
import { callerFor, createRoleFixture } from "../testing/callers";

/** What a filter can see of one stored row, to compute the expected answer in plain TypeScript. */
interface Row {
  id: number;
  /** Exact UTC instant with microseconds, as stored; sorts like the timestamp. */
  at: string;
  hasCustomer: boolean;
  segmentId: number | null;
  region: string | null;
  stageId: number | null;
  channel: Channel | null;
  metricKind: MetricKind;
  score: number | null;
  status: FeedbackStatus;
}

type Caller = Awaited<ReturnType<typeof callerFor>>;

/** The oracle: which rows `filters` keep, in the inbox's order (newest first, id breaking ties). */
function expected(rows: Row[], filters: FeedbackFilters): number[] {
  const day = (row: Row) => row.at.slice(0, 10);
  const category = filters.npsCategory ? NPS_CATEGORY_SCORES[filters.npsCategory] : undefined;
  return rows
    .filter(
      (row) =>
        (filters.status === undefined || row.status === filters.status) &&
        (filters.segmentIds.length === 0 || filters.segmentIds.includes(row.segmentId)) &&
        (filters.stageId === undefined || row.stageId === filters.stageId) &&
        (filters.channel === undefined || row.channel === filters.channel) &&
        (filters.region === undefined || row.region === filters.region) &&
        (filters.metricKind === undefined || row.metricKind === filters.metricKind) &&
        (category === undefined || (row.score !== null && row.score >= category.min && row.score <= category.max)) &&
        (filters.from === undefined || day(row) >= filters.from) &&
        (filters.to === undefined || day(row) <= filters.to),
    )
    .sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1))
    .map((row) => row.id);
}

/** Every page of the list under `filters`, `limit` rows at a time, following nextCursor to the end. */
async function allPages(caller: Caller, filters: FeedbackFiltersInput, limit: number): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const page: Awaited<ReturnType<Caller["feedback"]["list"]>> = await caller.feedback.list({
      ...filters,
      limit,
      cursor,
    });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error("more than 100 pages: the cursor does not advance");
}

// Instants around the month of March 2026 (UTC), microsecond-exact at the edges.
const INSTANTS = [
  "2026-02-28T23:59:59.999999Z",
  "2026-03-01T00:00:00.000000Z",
  "2026-03-01T00:00:00.000000Z", // a tie: the id decides
  "2026-03-15T12:30:00.250000Z",
  "2026-03-31T23:59:59.999999Z",
  "2026-04-01T00:00:00.000000Z",
  "2026-04-10T08:00:00.000001Z",
];
const CHANNELS: (Channel | null)[] = ["web", "app", "store", null];
const SCORES: [MetricKind, number | null][] = [
  ["nps", 10],
  ["nps", 8],
  ["nps", 3],
  ["csat", 4],
  ["none", null],
  ["nps", 9],
  ["nps", 0],
  ["ces", 5],
  ["nps", 7],
  ["nps", 6],
];
const STATUSES: FeedbackStatus[] = ["new", "triaged", "resolved"];

describe(`feedback.list filters (${testEngine()})`, () => {
  let handle: DbHandle;
  let caller: Caller;
  let member: Caller;
  let theirCaller: Caller;
  let ours: Row[];
  let theirs: Row[];
  let ids: { enterprise: number; smb: number; delivery: number; onboarding: number };
  let their: { segment: number; stage: number };

  /** Feedback in `workspaceId` covering every combination the filters look at, and what each row is. */
  async function seedRows(
    workspaceId: number,
    customers: { id: number; segmentId: number | null; region: string | null }[],
    stages: (number | null)[],
    count: number,
  ): Promise<Row[]> {
    const rows: Row[] = [];
    for (let i = 0; i < count; i++) {
      const customer = i % (customers.length + 1) === customers.length ? null : customers[i % (customers.length + 1)]!;
      const stageId = stages[i % stages.length]!;
      const channel = CHANNELS[i % CHANNELS.length]!;
      const [metricKind, score] = SCORES[i % SCORES.length]!;
      const status = STATUSES[i % STATUSES.length]!;
      const at = INSTANTS[i % INSTANTS.length]!;
      const created = await createFeedback(handle.db, workspaceId, {
        customerId: customer?.id ?? null,
        stageId,
        channel,
        metricKind,
        score,
        status,
        receivedAt: new Date(at),
      });
      await handle.db
        .update(feedback)
        .set({ receivedAt: sql`${at}::timestamptz` })
        .where(eq(feedback.id, created.id));
      rows.push({
        id: created.id,
        at,
        hasCustomer: customer !== null,
        segmentId: customer?.segmentId ?? null,
        region: customer?.region ?? null,
        stageId,
        channel,
        metricKind,
        score,
        status,
      });
    }
    return rows;
  }

  beforeAll(async () => {
    handle = await createTestDb();
    const { db } = handle;
    const a = await createRoleFixture(db, "Filters A");
    const b = await createRoleFixture(db, "Filters B");
    // an executive reads every item of the workspace (a team member only their own and their teams')
    caller = await callerFor(db, a.users.executive, a.workspace.id);
    member = await callerFor(db, a.users.team_member, a.workspace.id);
    theirCaller = await callerFor(db, b.users.admin, b.workspace.id);

    const enterprise = await createSegment(db, a.workspace.id, { name: "Enterprise" });
    const smb = await createSegment(db, a.workspace.id, { name: "SMB" });
    const delivery = await createStage(db, a.workspace.id, { name: "Delivery" });
    const onboarding = await createStage(db, a.workspace.id, { name: "Onboarding" });
    ids = { enterprise: enterprise.id, smb: smb.id, delivery: delivery.id, onboarding: onboarding.id };
    const customers = [
      { segmentId: enterprise.id, region: "Europe" },
      { segmentId: enterprise.id, region: "Latin America" },
      { segmentId: smb.id, region: "Europe" },
      { segmentId: null, region: "Europe" },
      { segmentId: smb.id, region: null },
    ];
    const ourCustomers = [];
    for (const c of customers) ourCustomers.push({ ...c, id: (await createCustomer(db, a.workspace.id, c)).id });
    ours = await seedRows(a.workspace.id, ourCustomers, [delivery.id, onboarding.id, null], 70);

    // another workspace with look-alike data: same regions, channels, dates and scores
    const theirSegment = await createSegment(db, b.workspace.id, { name: "Enterprise" });
    const theirStage = await createStage(db, b.workspace.id, { name: "Delivery" });
    their = { segment: theirSegment.id, stage: theirStage.id };
    const theirCustomer = await createCustomer(db, b.workspace.id, { segmentId: theirSegment.id, region: "Europe" });
    theirs = await seedRows(
      b.workspace.id,
      [{ id: theirCustomer.id, segmentId: theirSegment.id, region: "Europe" }],
      [theirStage.id, null],
      20,
    );
  });
  afterAll(() => handle.close());

  const CASES: [
    string,
    (ids: { enterprise: number; smb: number; delivery: number; onboarding: number }) => FeedbackFiltersInput,
  ][] = [
    ["nothing", () => ({})],
    ["status", () => ({ status: "triaged" })],
    ["one segment", (s) => ({ segmentIds: [s.enterprise] })],
    ["two segments", (s) => ({ segmentIds: [s.enterprise, s.smb] })],
    ["no segment (customers without one and anonymous feedback)", () => ({ segmentIds: [null] })],
    ["a segment or none", (s) => ({ segmentIds: [s.smb, null] })],
    ["stage", (s) => ({ stageId: s.delivery })],
    ["channel", () => ({ channel: "web" })],
    ["region", () => ({ region: "Europe" })],
    ["metric kind", () => ({ metricKind: "csat" })],
    ["no score", () => ({ metricKind: "none" })],
    ["NPS promoters", () => ({ metricKind: "nps", npsCategory: "promoter" })],
    ["NPS passives", () => ({ metricKind: "nps", npsCategory: "passive" })],
    ["NPS detractors", () => ({ metricKind: "nps", npsCategory: "detractor" })],
    ["a month, edges included", () => ({ from: "2026-03-01", to: "2026-03-31" })],
    ["one day", () => ({ from: "2026-03-01", to: "2026-03-01" })],
    ["from a day on", () => ({ from: "2026-04-01" })],
    ["up to a day", () => ({ to: "2026-02-28" })],
    ["a range without feedback", () => ({ from: "2025-01-01", to: "2025-12-31" })],
    ["stage and month", (s) => ({ stageId: s.onboarding, from: "2026-03-01", to: "2026-03-31" })],
    ["segment, region and channel", (s) => ({ segmentIds: [s.enterprise], region: "Europe", channel: "store" })],
    [
      "everything at once",
      (s) => ({
        status: "new",
        segmentIds: [s.enterprise, s.smb, null],
        stageId: s.delivery,
        metricKind: "nps",
        npsCategory: "detractor",
        from: "2026-03-01",
        to: "2026-04-30",
      }),
    ],
  ];

  it.each(CASES)("filters by %s, only in the caller's workspace", async (_name, build) => {
    const filters = build(ids);
    const want = expected(ours, feedbackFiltersInput.parse(filters));
    const page = await caller.feedback.list({ ...filters, limit: 100 });
    expect(page.items.map((item) => item.id)).toEqual(want);
    expect(page.nextCursor).toBeNull();
  });

  it("covers both matches and misses with its data (each case above is non-trivial)", () => {
    const counts = CASES.map(([name, build]) => [name, expected(ours, feedbackFiltersInput.parse(build(ids))).length]);
    const trivial = counts.filter(([name, n]) => name !== "a range without feedback" && (n === 0 || n === ours.length));
    expect(trivial).toEqual([["nothing", ours.length]]);
  });

  it.each([1, 2, 7])("pages through every filter %i rows at a time, each row once and in order", async (limit) => {
    for (const [, build] of CASES) {
      const filters = build(ids);
      expect(await allPages(caller, filters, limit)).toEqual(expected(ours, feedbackFiltersInput.parse(filters)));
    }
  });

  it("keeps another workspace's feedback out, even with its segment and stage ids", async () => {
    const theirIds = new Set(theirs.map((row) => row.id));
    const everything = await allPages(caller, {}, 50);
    expect(everything.some((id) => theirIds.has(id))).toBe(false);
    expect((await caller.feedback.list({ segmentIds: [their.segment], limit: 100 })).items).toEqual([]);
    expect((await caller.feedback.list({ stageId: their.stage, limit: 100 })).items).toEqual([]);
    // and the other way round: their caller sees only theirs under the same filters
    const europe = await theirCaller.feedback.list({
      region: "Europe",
      from: "2026-03-01",
      to: "2026-03-31",
      limit: 100,
    });
    expect(europe.items.map((item) => item.id)).toEqual(
      expected(theirs, feedbackFiltersInput.parse({ region: "Europe", from: "2026-03-01", to: "2026-03-31" })),
    );
    expect((await theirCaller.feedback.list({ stageId: ids.delivery, limit: 100 })).items).toEqual([]);
  });

  it("rejects filters that break the rules, saying why", async () => {
    await expect(caller.feedback.list({ from: "2026-03-31", to: "2026-03-01", limit: 10 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("The date range ends (2026-03-01) before it starts (2026-03-31)"),
    });
    await expect(caller.feedback.list({ npsCategory: "promoter", limit: 10 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  describe("feedback.filterLabels", () => {
    it("names this workspace's segments and stage, for a role that cannot list segments", async () => {
      const labels = await member.feedback.filterLabels({
        segmentIds: [ids.smb, null, ids.enterprise, their.segment],
        stageId: ids.onboarding,
      });
      expect([...labels.segments].sort((x, y) => x.id - y.id)).toEqual(
        [
          { id: ids.enterprise, name: "Enterprise" },
          { id: ids.smb, name: "SMB" },
        ].sort((x, y) => x.id - y.id),
      );
      expect(labels.stages).toEqual([{ id: ids.onboarding, name: "Onboarding" }]);
    });

    it("does not name another workspace's records", async () => {
      expect(await member.feedback.filterLabels({ segmentIds: [their.segment], stageId: their.stage })).toEqual({
        segments: [],
        stages: [],
      });
      expect(await member.feedback.filterLabels({})).toEqual({ segments: [], stages: [] });
    });
  });
});
