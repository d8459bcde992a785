import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createCustomer, createFeedback, createOrder } from "@/db/factories";
import { actions, feedback } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { callerFor, createRoleFixture } from "../testing/callers";

let handle: DbHandle;
let fixture: Awaited<ReturnType<typeof createRoleFixture>>;

const DAY = 24 * 60 * 60 * 1000;
const WINDOW_DAYS = 30;
const completedAt = new Date(Date.now() - 60 * DAY);
const at = (offsetDays: number) => new Date(completedAt.getTime() + offsetDays * DAY);

/** mulberry32: a seeded generator, so the generated data (and the test) is the same on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** True satisfied shares (CSAT 4–5): the web channel (the scope) gains 20 points, the rest 5: the truth is 15. */
const TRUE_SHARE = { scopeBefore: 0.6, scopeAfter: 0.8, comparisonBefore: 0.7, comparisonAfter: 0.75 };
const TRUE_DID =
  100 * (TRUE_SHARE.scopeAfter - TRUE_SHARE.scopeBefore - (TRUE_SHARE.comparisonAfter - TRUE_SHARE.comparisonBefore));
const PER_GROUP = 500;
const satisfied = { scopeBefore: 0, scopeAfter: 0, comparisonBefore: 0, comparisonAfter: 0 };

async function doneAction(title: string, scope: object, kpi: "csat" | "nps" = "csat", doneAt = completedAt) {
  const manager = await callerFor(handle.db, fixture.users.cx_manager, fixture.workspace.id);
  const { id } = await manager.actions.create({ title, scope, kpi });
  for (const status of ["planned", "in_progress", "done"] as const) await manager.actions.setStatus({ id, status });
  // the workflow stamps completedAt = now; the measured data sits around an earlier completion
  await handle.db.update(actions).set({ completedAt: doneAt }).where(eq(actions.id, id));
  return id;
}

beforeAll(async () => {
  handle = await createTestDb();
  fixture = await createRoleFixture(handle.db, "Impact");
  const ws = fixture.workspace.id;
  const next = random(42);
  const rows: (typeof feedback.$inferInsert)[] = [];
  let n = 0;
  for (const group of Object.keys(TRUE_SHARE) as (keyof typeof TRUE_SHARE)[]) {
    const inScope = group.startsWith("scope");
    const after = group.endsWith("After");
    for (let i = 0; i < PER_GROUP; i++) {
      const happy = next() < TRUE_SHARE[group];
      if (happy) satisfied[group] += 1;
      rows.push({
        workspaceId: ws,
        source: "survey",
        externalId: `gen-${(n += 1)}`,
        metricKind: "csat",
        score: happy ? 4 + Math.floor(next() * 2) : 1 + Math.floor(next() * 3),
        channel: inScope ? "web" : "store",
        receivedAt: at((after ? 0 : -WINDOW_DAYS) + (next() * (WINDOW_DAYS - 1) + 0.5)),
      });
    }
  }
  await handle.db.insert(feedback).values(rows);
  // revenue model: 10 satisfied customers spent 300 each, 10 unsatisfied 100 each, in the trailing
  // year but outside both windows (their answers would otherwise count)
  for (const [score, amount] of [
    [5, "300.00"],
    [1, "100.00"],
  ] as const) {
    for (let i = 0; i < 10; i++) {
      const customer = await createCustomer(handle.db, ws, { createdAt: at(-200) });
      await createFeedback(handle.db, ws, {
        customerId: customer.id,
        metricKind: "csat",
        score,
        channel: "email",
        receivedAt: at(-100),
      });
      await createOrder(handle.db, ws, customer.id, { amount, orderedAt: at(-50) });
    }
  }
  // a thin scope: 10 answers per window on the chat channel
  for (const offset of [-WINDOW_DAYS + 1, 1]) {
    for (let i = 0; i < 10; i++) {
      await createFeedback(handle.db, ws, {
        metricKind: "csat",
        score: 5,
        channel: "chat",
        receivedAt: at(offset + i),
      });
    }
  }
});
afterAll(() => handle.close());

describe("actions.impact", () => {
  it("estimates the scope's gain over the comparison group by difference-in-differences, with a CI holding the truth", async () => {
    const id = await doneAction("Faster web checkout", { channel: "web" });
    const executive = await callerFor(handle.db, fixture.users.executive, fixture.workspace.id);
    const impact = await executive.actions.impact({ id, windowDays: WINDOW_DAYS });
    const share = (group: keyof typeof satisfied) => (100 * satisfied[group]) / PER_GROUP;
    const expected =
      share("scopeAfter") - share("scopeBefore") - (share("comparisonAfter") - share("comparisonBefore"));
    expect(impact.comparison).toBe(true);
    expect(impact.windows.lengthDays).toBe(WINDOW_DAYS);
    expect(impact.measurement?.method).toBe("difference-in-differences");
    // the comparison group is everything outside the scope: the store answers and the revenue model's and chat's (outside the windows or in them)
    expect(impact.measurement?.sampleSizes.scopeBefore).toBe(PER_GROUP);
    expect(impact.measurement?.sampleSizes.scopeAfter).toBe(PER_GROUP);
    expect(impact.measurement?.sampleSizes.comparisonBefore).toBe(PER_GROUP + 10);
    expect(impact.measurement?.sampleSizes.comparisonAfter).toBe(PER_GROUP + 10);
    const did = impact.headline!;
    // 10 extra all-satisfied chat answers per window in the comparison move it a little; recompute with them
    const comparison = (group: "comparisonBefore" | "comparisonAfter") =>
      (100 * (satisfied[group] + 10)) / (PER_GROUP + 10);
    const exact =
      share("scopeAfter") - share("scopeBefore") - (comparison("comparisonAfter") - comparison("comparisonBefore"));
    expect(did.estimate).toBeCloseTo(exact, 9);
    expect(Math.abs(exact - expected)).toBeLessThan(1);
    expect(did.ci95[0]).toBeLessThan(TRUE_DID);
    expect(did.ci95[1]).toBeGreaterThan(TRUE_DID);
    expect(did.ci95[0]).toBeGreaterThan(0);
    expect(impact.verdict).toBe("improved");
    expect(impact.explanation).toMatch(/^Improved: CSAT moved .* more than outside the scope/);
    // 20 customers by latest CSAT answer: satisfied spent 300, unsatisfied 100 → 20 × 200 / 100 per point
    expect(impact.worth).toMatchObject({ currency: "USD", perPoint: "40.00", customers: 20 });
    const cents = Math.round(did.estimate * 100) * 40;
    expect(impact.worth!.estimate).toBe((cents / 100).toFixed(2));
  });

  it("says plainly that the data cannot tell with too few responses", async () => {
    const id = await doneAction("Chat greeting", { channel: "chat" });
    const impact = await (
      await callerFor(handle.db, fixture.users.admin, fixture.workspace.id)
    ).actions.impact({ id, windowDays: WINDOW_DAYS });
    expect(impact.verdict).toBe("cannot tell");
    expect(impact.measurement?.tooFewResponses).toEqual([
      { group: "scopeBefore", sampleSize: 10 },
      { group: "scopeAfter", sampleSize: 10 },
    ]);
    expect(impact.explanation).toMatch(/The data cannot tell yet: the scope before has 10 responses/);
    expect(impact.worth).toBeNull();
  });

  it("cannot tell yet when the action was done under 14 days ago, and refuses an action not done", async () => {
    const id = await doneAction("Just shipped", { channel: "web" }, "csat", new Date(Date.now() - 5 * DAY));
    const admin = await callerFor(handle.db, fixture.users.admin, fixture.workspace.id);
    const impact = await admin.actions.impact({ id, windowDays: WINDOW_DAYS });
    expect(impact).toMatchObject({ verdict: "cannot tell", measurement: null });
    expect(impact.explanation).toMatch(/Only 5 days since the action was done/);
    const open = await admin.actions.create({ title: "Not yet", kpi: "csat" });
    await expect(admin.actions.impact({ id: open.id, windowDays: WINDOW_DAYS })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });

  it("rolls done actions up on the Impact view, the valued gain first", async () => {
    const admin = await callerFor(handle.db, fixture.users.admin, fixture.workspace.id);
    const { items } = await admin.actions.impactOverview({ windowDays: WINDOW_DAYS });
    expect(items[0]).toMatchObject({ title: "Faster web checkout", verdict: "improved" });
    expect(items.slice(1).map((i) => i.verdict)).toEqual(["cannot tell", "cannot tell"]);
  });
});

describe("actions.upForReview", () => {
  it("lists actions whose review date has come and that are not final", async () => {
    const admin = await callerFor(handle.db, fixture.users.admin, fixture.workspace.id);
    const past = new Date(Date.now() - DAY).toISOString().slice(0, 10);
    const due = await admin.actions.create({ title: "Review me", kpi: "nps", reviewDate: past });
    const later = await admin.actions.create({ title: "Not yet due", kpi: "nps" });
    const final = await admin.actions.create({ title: "Dropped", kpi: "nps", reviewDate: past });
    await admin.actions.setStatus({ id: final.id, status: "dropped", reason: "Merged" });
    const { actions: listed } = await admin.actions.upForReview();
    const ids = listed.map((a) => a.id);
    expect(ids).toContain(due.id);
    expect(ids).not.toContain(later.id);
    expect(ids).not.toContain(final.id);
  });
});
