import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { queryRows } from "@/db/client";
import { createCustomer, createSegment } from "@/db/factories";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { compareCsat, compareNps, CSAT_DIFFERENCE_TEST, NPS_DIFFERENCE_TEST } from "../../domain/kpi";
import { segmentFiltersInput } from "../../domain/segments";
import { callerFor, createRoleFixture } from "../testing/callers";
import { rawSegmentFigures, rollupSnapshot, seedSegmentData } from "../testing/segments";

let handle: DbHandle;
let fixture: Awaited<ReturnType<typeof createRoleFixture>>;
let other: Awaited<ReturnType<typeof createRoleFixture>>;
let data: Awaited<ReturnType<typeof seedSegmentData>>;
let foreignSegmentId: number;

const admin = () => callerFor(handle.db, fixture.users.admin, fixture.workspace.id);
const executive = () => callerFor(handle.db, fixture.users.executive, fixture.workspace.id);

beforeAll(async () => {
  handle = await createTestDb();
  fixture = await createRoleFixture(handle.db, "Segments A");
  other = await createRoleFixture(handle.db, "Segments B");
  data = await seedSegmentData(handle.db, fixture.workspace.id, 11);
  // the other workspace has data too, with a segment of the same name
  await seedSegmentData(handle.db, other.workspace.id, 12);
  foreignSegmentId = (await createSegment(handle.db, other.workspace.id, { name: "Foreign" })).id;
});
afterAll(() => handle.close());

const FILTERS: Array<[string, () => object]> = [
  ["the default: last 365 days vs the 365 before", () => ({})],
  [
    "last 90 days vs a year before, one region",
    () => ({ period: { kind: "last90" }, comparison: "yoy", region: "North" }),
  ],
  [
    "a custom range, one channel and a stage, no comparison",
    () => ({
      period: {
        kind: "custom",
        from: new Date(Date.now() - 500 * 86_400_000).toISOString().slice(0, 10),
        to: new Date().toISOString().slice(0, 10),
      },
      comparison: "none",
      channel: "web",
      stageId: data.stageId,
    }),
  ],
];

async function expectFiguresMatchRaw(input: object) {
  const caller = await executive();
  const list = await caller.segments.list(input);
  const raw = await rawSegmentFigures(handle.db, fixture.workspace.id, segmentFiltersInput.parse(input));
  expect(list.items.map((s) => s.name)).toEqual(expect.arrayContaining(["Consumer", "Enterprise", "SMB"]));
  for (const item of list.items) {
    const expected = raw(item.id);
    expect(item.current).toEqual(expected.current);
    expect(item.previous).toEqual(expected.previous);
    expect(item.revenue).toBe(expected.current.revenue);
  }
  return list;
}

describe(`segments.list equals the raw tables (${testEngine()})`, () => {
  it.each(FILTERS)("%s", async (_name, input) => {
    const list = await expectFiguresMatchRaw(input());
    if (Object.keys(input()).length === 0) {
      // the generated data exercises every figure, so none of the comparisons above is vacuous
      const enterprise = list.items.find((s) => s.name === "Enterprise")!;
      const all = list.items.map((s) => s.current);
      expect(enterprise.current.nps.sampleSize).toBeGreaterThan(0);
      expect(enterprise.current.ces.value).not.toBeNull();
      expect(all.some((f) => f.churn.churned > 0)).toBe(true);
      expect(all.some((f) => f.revenueAtRisk.value !== "0.00")).toBe(true);
      expect(all.some((f) => f.revenueAtRisk.churnWeighted.value !== null)).toBe(true);
      expect(all.some((f) => f.value.promoterMinusDetractor !== null)).toBe(true);
      expect(enterprise.change?.revenue.absolute).not.toBeNull();
      expect(enterprise.change?.nps.absolute).toBeCloseTo(
        enterprise.current.nps.value! - enterprise.previous!.nps.value!,
        9,
      );
    }
  });

  it("reports headcounts now, churned customers included in the total", async () => {
    const { items } = await (await executive()).segments.list();
    const counts = await queryRows<{ segmentId: number; all: number; active: number }>(
      handle.db,
      sql`SELECT segment_id AS "segmentId", count(*)::int AS all, count(*) FILTER (WHERE churned_at IS NULL)::int AS active
        FROM customers WHERE workspace_id = ${fixture.workspace.id} AND segment_id IS NOT NULL GROUP BY 1`,
    );
    for (const item of items) {
      const row = counts.find((c) => c.segmentId === item.id)!;
      expect([item.customerCount, item.activeCustomerCount]).toEqual([row.all, row.active]);
    }
  });

  it("agrees with dashboard.segments on the figures both show", async () => {
    const caller = await executive();
    const [list, dashboard] = await Promise.all([
      caller.segments.list({ period: { kind: "last90" } }),
      caller.dashboard.segments({ period: { kind: "last90" } }),
    ]);
    for (const item of list.items) {
      const row = dashboard.segments.find((s) => s.segmentId === item.id)!;
      expect(item.current.nps).toEqual(row.nps);
      expect(item.current.csat).toEqual(row.csat);
      expect(item.current.revenue).toBe(row.revenue);
      expect(item.current.churn.value).toBe(row.churn.value);
      expect(item.current.value.promoterMinusDetractor).toBe(row.value.promoterMinusDetractor);
      expect(item.current.revenueAtRisk.value).toBe(row.revenueAtRisk);
      expect(item.current.revenueAtRisk.churnWeighted).toEqual(row.revenueAtRiskChurnWeighted);
    }
  });

  it("never mixes in another workspace's segments", async () => {
    const { items } = await (await callerFor(handle.db, other.users.admin, other.workspace.id)).segments.list();
    expect(items.map((s) => s.name)).toEqual(["Consumer", "Enterprise", "Foreign", "SMB"]);
    expect(items.every((s) => !data.segmentIds.includes(s.id))).toBe(true);
  });
});

describe("segments.byId", () => {
  it("returns one segment's persona, colour and the figures of the list", async () => {
    const caller = await executive();
    const [id] = data.segmentIds;
    await (
      await admin()
    ).segments.update({ id: id!, description: "Large accounts, yearly contracts", color: "#1D4ED8" });
    const [one, list] = await Promise.all([caller.segments.byId({ id: id! }), caller.segments.list({})]);
    expect(one.segment).toEqual(list.items.find((s) => s.id === id));
    expect(one.segment).toMatchObject({
      name: "Enterprise",
      description: "Large accounts, yearly contracts",
      color: "#1d4ed8",
    });
    expect(one.period.label).toBe("Last 365 days");
    expect(one.comparison?.days).toBe(365);
  });

  it("answers NOT_FOUND for another workspace's segment and for a missing one", async () => {
    const caller = await executive();
    await expect(caller.segments.byId({ id: foreignSegmentId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.segments.byId({ id: 2_000_000_000 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("segments.compare", () => {
  it("puts two segments side by side with the NPS and CSAT significance tests, named", async () => {
    const caller = await executive();
    const [a, b] = data.segmentIds as [number, number];
    const input = { a, b, period: { kind: "last365" as const } };
    const result = await caller.segments.compare(input);
    const raw = await rawSegmentFigures(handle.db, fixture.workspace.id, segmentFiltersInput.parse(input));
    expect(result.a.current).toEqual(raw(a).current);
    expect(result.b.current).toEqual(raw(b).current);
    expect(result.a.previous).toEqual(raw(a).previous);
    expect(result.tests.nps).toEqual(compareNps(raw(a).current.nps, raw(b).current.nps));
    expect(result.tests.csat).toEqual(compareCsat(raw(a).current.csat, raw(b).current.csat));
    expect(result.tests.nps.test).toBe(NPS_DIFFERENCE_TEST);
    expect(result.tests.csat.test).toBe(CSAT_DIFFERENCE_TEST);
    expect(result.tests.nps.difference).toBeCloseTo(raw(a).current.nps.value! - raw(b).current.nps.value!, 9);
    expect(result.tests.nps.pValue).not.toBeNull();
    expect(["significant", "not significant"]).toContain(result.tests.nps.conclusion);
  });

  it("says it cannot tell when a segment has no responses", async () => {
    const empty = await (await admin()).segments.create({ name: "Empty" });
    const result = await (await executive()).segments.compare({ a: data.segmentIds[0]!, b: empty.id });
    expect(result.tests.nps).toMatchObject({ conclusion: "cannot tell", difference: null, significant: false });
    expect(result.b.current.customers).toBe(0);
  });

  it("refuses the same segment twice and another workspace's segment", async () => {
    const caller = await executive();
    const [a] = data.segmentIds as [number];
    await expect(caller.segments.compare({ a, b: a })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.segments.compare({ a, b: foreignSegmentId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("segments.create and segments.update", () => {
  it("creates a segment with a persona and colour, audited", async () => {
    const created = await (
      await admin()
    ).segments.create({ name: "  Loyal fans ", description: "Buy monthly", color: "#AABBCC" });
    expect(created).toMatchObject({ name: "Loyal fans", description: "Buy monthly", color: "#aabbcc" });
    const [event] = await queryRows<{ action: string; after: unknown }>(
      handle.db,
      sql`SELECT action, after FROM audit_events WHERE entity_type = 'segment' AND entity_id = ${String(created.id)}`,
    );
    expect(event).toEqual({
      action: "segments.create",
      after: { name: "Loyal fans", description: "Buy monthly", color: "#aabbcc" },
    });
  });

  it("answers CONFLICT for a name taken in the workspace, whatever its case; other workspaces do not count", async () => {
    const caller = await admin();
    await expect(caller.segments.create({ name: "enterprise" })).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "A segment named “Enterprise” already exists in this workspace; choose another name or edit that segment.",
    });
    await expect(caller.segments.update({ id: data.segmentIds[1]!, name: "CONSUMER" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    // renaming to its own name in another case is fine
    await expect(caller.segments.update({ id: data.segmentIds[1]!, name: "smb" })).resolves.toMatchObject({
      name: "smb",
    });
    await caller.segments.update({ id: data.segmentIds[1]!, name: "SMB" });
    await expect(caller.segments.create({ name: "Foreign" })).resolves.toMatchObject({ name: "Foreign" });
  });

  it("validates the colour and the name", async () => {
    const caller = await admin();
    await expect(caller.segments.create({ name: "X", color: "blue" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.segments.create({ name: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.segments.update({ id: data.segmentIds[0]! })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("answers NOT_FOUND when editing another workspace's segment", async () => {
    await expect((await admin()).segments.update({ id: foreignSegmentId, name: "Mine" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe(`segments.reassign keeps every figure exact (${testEngine()})`, () => {
  async function segmentOf(externalIds: string[]) {
    const rows = await queryRows<{ externalId: string; segmentId: number | null }>(
      handle.db,
      sql`SELECT external_id AS "externalId", segment_id AS "segmentId" FROM customers
        WHERE workspace_id = ${fixture.workspace.id} ORDER BY id`,
    );
    return rows.filter((r) => externalIds.length === 0 || externalIds.includes(r.externalId));
  }

  async function expectRollupsExact() {
    const kept = await rollupSnapshot(handle.db);
    await handle.db.execute(sql`SELECT rollups_rebuild()`);
    expect(await rollupSnapshot(handle.db)).toEqual(kept);
  }

  it("moves customers by a rule on region and current segment, counting those already there", async () => {
    const [enterprise, smb] = data.segmentIds as [number, number];
    const count = async () =>
      (
        await queryRows<{ n: number }>(
          handle.db,
          sql`SELECT count(*)::int AS n FROM customers WHERE workspace_id = ${fixture.workspace.id} AND region = 'North' AND segment_id = ${smb}`,
        )
      )[0]!.n;
    const expected = await count();
    expect(expected).toBeGreaterThan(0);
    const result = await (
      await admin()
    ).segments.reassign({
      segmentId: enterprise,
      by: { kind: "rule", rule: { region: "North", currentSegmentId: smb } },
    });
    expect(result).toEqual({
      segmentId: enterprise,
      matched: expected,
      moved: expected,
      alreadyThere: 0,
      unknownIds: [],
    });
    expect(await count()).toBe(0);
    await expectFiguresMatchRaw({});
    await expectRollupsExact();
  });

  it("moves customers by a rule on creation date and preferred channel", async () => {
    const [, , consumer] = data.segmentIds as [number, number, number];
    const cut = new Date(Date.now() - 400 * 86_400_000);
    const input = {
      segmentId: consumer,
      by: { kind: "rule" as const, rule: { createdBefore: cut, preferredChannel: "web" as const } },
    };
    const [expected] = await queryRows<{ matched: number; there: number }>(
      handle.db,
      sql`SELECT count(*)::int AS matched, count(*) FILTER (WHERE segment_id = ${consumer})::int AS there FROM customers
        WHERE workspace_id = ${fixture.workspace.id} AND created_at < ${cut.toISOString()}::timestamptz AND preferred_channel = 'web'`,
    );
    const result = await (await admin()).segments.reassign(input);
    expect(result).toEqual({
      segmentId: consumer,
      matched: expected!.matched,
      moved: expected!.matched - expected!.there,
      alreadyThere: expected!.there,
      unknownIds: [],
    });
    // again: everyone is there now
    expect(await (await admin()).segments.reassign(input)).toMatchObject({ moved: 0, alreadyThere: expected!.matched });
    await expectFiguresMatchRaw({ period: { kind: "last90" }, comparison: "yoy" });
    await expectRollupsExact();
  });

  it("moves the customers a CSV names and reports unknown ids, audited", async () => {
    const [enterprise, smb] = data.segmentIds as [number, number];
    const ids = ["GEN-11-1", "GEN-11-2", "GEN-11-3"];
    await (await admin()).segments.reassign({ segmentId: smb, by: { kind: "rule", rule: { currentSegmentId: null } } });
    const before = await segmentOf(ids);
    const csv = `name,External ID\nA,GEN-11-1\nB,GEN-11-2\nC,GEN-11-3\nD,NOPE-1\nE,GEN-12-1\nF,GEN-11-1\n`;
    const result = await (await admin()).segments.reassign({ segmentId: enterprise, by: { kind: "csv", csv } });
    const there = before.filter((b) => b.segmentId === enterprise).length;
    // GEN-12-1 belongs to the other workspace: unknown here
    expect(result).toEqual({
      segmentId: enterprise,
      matched: 3,
      moved: 3 - there,
      alreadyThere: there,
      unknownIds: ["NOPE-1", "GEN-12-1"],
    });
    expect((await segmentOf(ids)).every((r) => r.segmentId === enterprise)).toBe(true);
    const [event] = await queryRows<{ actorId: number; before: unknown; after: unknown }>(
      handle.db,
      sql`SELECT actor_id AS "actorId", before, after FROM audit_events WHERE action = 'segments.reassign'
        AND workspace_id = ${fixture.workspace.id} ORDER BY id DESC LIMIT 1`,
    );
    expect(event).toMatchObject({
      actorId: fixture.users.admin.id,
      after: { by: { csvIds: 5, unknown: 2 }, matched: 3, moved: 3 - there, alreadyThere: there },
    });
    await expectFiguresMatchRaw({});
    await expectRollupsExact();
  });

  it("with onUnknown abort, changes nothing at all when an id is unknown", async () => {
    const [, smb] = data.segmentIds as [number, number];
    const customersBefore = await segmentOf([]);
    const rollupsBefore = await rollupSnapshot(handle.db);
    const [{ n: eventsBefore }] = (await queryRows<{ n: number }>(
      handle.db,
      sql`SELECT count(*)::int AS n FROM audit_events`,
    )) as [{ n: number }];
    const call = (await admin()).segments.reassign({
      segmentId: smb,
      by: { kind: "csv", csv: "GEN-11-1\nGEN-11-4\nMISSING-9\n", onUnknown: "abort" },
    });
    await expect(call).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "1 of the 3 ids match no customer (MISSING-9); nothing was moved. Fix the file or skip unknown ids.",
    });
    expect(await segmentOf([])).toEqual(customersBefore);
    expect(await rollupSnapshot(handle.db)).toEqual(rollupsBefore);
    const [{ n: eventsAfter }] = (await queryRows<{ n: number }>(
      handle.db,
      sql`SELECT count(*)::int AS n FROM audit_events`,
    )) as [{ n: number }];
    expect(eventsAfter).toBe(eventsBefore);
  });

  it("refuses another workspace's segment, as target or as rule, and an empty rule or CSV", async () => {
    const caller = await admin();
    const [enterprise] = data.segmentIds as [number];
    await expect(
      caller.segments.reassign({ segmentId: foreignSegmentId, by: { kind: "csv", csv: "GEN-11-1" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      caller.segments.reassign({
        segmentId: enterprise,
        by: { kind: "rule", rule: { currentSegmentId: foreignSegmentId } },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      caller.segments.reassign({ segmentId: enterprise, by: { kind: "rule", rule: {} } }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      caller.segments.reassign({ segmentId: enterprise, by: { kind: "csv", csv: "id\n" } }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    // the other workspace's customer GEN-12-5 kept its segment
    const [row] = await queryRows<{ segmentId: number | null }>(
      handle.db,
      sql`SELECT segment_id AS "segmentId" FROM customers WHERE external_id = 'GEN-12-5'`,
    );
    expect(data.segmentIds).not.toContain(row!.segmentId);
  });
});

describe("a customer created later lands in its segment's figures", () => {
  it("counts a new customer of a segment at once", async () => {
    const [enterprise] = data.segmentIds as [number];
    const before = (await (await executive()).segments.byId({ id: enterprise })).segment.current.customers;
    await createCustomer(handle.db, fixture.workspace.id, {
      segmentId: enterprise,
      createdAt: new Date(Date.now() - 86_400_000),
    });
    const after = (await (await executive()).segments.byId({ id: enterprise })).segment.current.customers;
    expect(after).toBe(before + 1);
  });
});
