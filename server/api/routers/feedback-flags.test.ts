import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createCustomer, createFeedback, createOrder } from "@/db/factories";
import { feedback, feedbackFlags } from "@/db/schema";
import { screenFeedback } from "@/db/screening";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { analyseFeedback } from "@/db/text-analysis";
import { callerFor, createRoleFixture } from "../testing/callers";

let handle: DbHandle;
let fixture: Awaited<ReturnType<typeof createRoleFixture>>;
let other: Awaited<ReturnType<typeof createRoleFixture>>;
const HOUR = 3_600_000;
const COPIED = "Absolutely the best shop in town, I recommend it to everyone I know!";
const ids: Record<string, number> = {};

const caller = (role: keyof typeof fixture.users, f = fixture) => callerFor(handle.db, f.users[role], f.workspace.id);

beforeAll(async () => {
  handle = await createTestDb();
  fixture = await createRoleFixture(handle.db, "Flags A");
  other = await createRoleFixture(handle.db, "Flags B");
  const ws = fixture.workspace.id;
  const buyer = await createCustomer(handle.db, ws);
  await createOrder(handle.db, ws, buyer.id, { orderedAt: new Date(Date.now() - 48 * HOUR) });
  const review = (key: string, overrides: Parameters<typeof createFeedback>[2]) =>
    createFeedback(handle.db, ws, {
      source: "review",
      metricKind: "rating",
      score: 4,
      receivedAt: new Date(Date.now() - HOUR),
      ...overrides,
    }).then((row) => (ids[key] = row.id));
  await review("honest", { customerId: buyer.id, text: "Good value, the staff were helpful." });
  await review("copyA", { customerId: buyer.id, text: COPIED, score: 5 });
  await review("copyB", { customerId: (await createCustomer(handle.db, ws)).id, text: COPIED, score: 5 });
  await review("silent", { customerId: buyer.id, score: 1, text: null });
  // a survey answered 10 without a comment is ordinary: surveys are not screened
  ids.survey = (await createFeedback(handle.db, ws, { metricKind: "nps", score: 10, text: null })).id;
  await analyseFeedback(handle.db, ws);
});
afterAll(() => handle.close());

describe(`suspicious feedback in the inbox (${testEngine()})`, () => {
  it("filters to flagged items, and marks them in the list", async () => {
    const manager = await caller("cx_manager");
    const flagged = await manager.feedback.list({ suspicious: true });
    expect(flagged.items.map((i) => i.id).sort((a, b) => a - b)).toEqual([ids.copyA, ids.copyB, ids.silent]);
    expect(flagged.items.every((i) => i.suspicious)).toBe(true);
    const fine = await manager.feedback.list({ suspicious: false });
    expect(fine.items.map((i) => i.id).sort((a, b) => a - b)).toEqual([ids.honest, ids.survey]);
    expect(fine.items.some((i) => i.suspicious)).toBe(false);
  });

  it("shows each reason in the detail, and who may review them", async () => {
    const detail = await (await caller("cx_manager")).feedback.detail({ id: ids.copyB! });
    expect(detail.flags.map((f) => [f.code, f.state, f.reason])).toEqual([
      ["duplicate_text", "open", "The same text came from 2 customers (2 items)."],
      ["unverified_review", "open", "A review from a customer who had placed no order by then."],
    ]);
    expect(detail.mayReviewFlags).toBe(true);
    const asExecutive = await (await caller("executive")).feedback.detail({ id: ids.copyB! });
    expect(asExecutive.flags).toHaveLength(2);
    expect(asExecutive.mayReviewFlags).toBe(false);
    const silent = await (await caller("admin")).feedback.detail({ id: ids.silent! });
    expect(silent.flags.map((f) => f.reason)).toEqual(["Rating 1 (the lowest score) with no comment."]);
  });

  it("clears an item's flags for good, confirms another's, and records both", async () => {
    const manager = await caller("cx_manager");
    expect(await manager.feedback.reviewFlags({ id: ids.copyA!, verdict: "clear" })).toEqual({
      suspicious: false,
      changed: 1,
    });
    expect(await manager.feedback.reviewFlags({ id: ids.copyB!, verdict: "confirm" })).toEqual({
      suspicious: true,
      changed: 2,
    });
    // a later screening raises nothing again on the cleared item and keeps the confirmation
    await screenFeedback(handle.db, fixture.workspace.id);
    const states = await handle.db
      .select({ id: feedbackFlags.feedbackId, code: feedbackFlags.code, state: feedbackFlags.state })
      .from(feedbackFlags)
      .where(eq(feedbackFlags.workspaceId, fixture.workspace.id));
    expect(states.filter((s) => s.id === ids.copyA).map((s) => s.state)).toEqual(["cleared"]);
    expect(states.filter((s) => s.id === ids.copyB).every((s) => s.state === "confirmed")).toBe(true);
    const [row] = await handle.db.select().from(feedback).where(eq(feedback.id, ids.copyA!));
    expect(row!.suspicious).toBe(false);

    const list = await manager.feedback.list({ suspicious: true });
    expect(list.items.map((i) => i.id).sort((a, b) => a - b)).toEqual([ids.copyB, ids.silent]);
    const detail = await manager.feedback.detail({ id: ids.copyB! });
    expect(detail.flags.every((f) => f.reviewedByName === fixture.users.cx_manager.name)).toBe(true);
    expect(detail.history[0]).toMatchObject({ action: "feedback.flags_confirm" });
  });

  it("refuses an item without flags, and one of another workspace as if it did not exist", async () => {
    const manager = await caller("cx_manager");
    await expect(manager.feedback.reviewFlags({ id: ids.honest!, verdict: "clear" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: `Feedback ${ids.honest} carries no suspicion flag; there is nothing to review.`,
    });
    const outsider = await caller("cx_manager", other);
    await expect(outsider.feedback.reviewFlags({ id: ids.silent!, verdict: "clear" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const [row] = await handle.db.select().from(feedback).where(eq(feedback.id, ids.silent!));
    expect(row!.suspicious).toBe(true);
  });
});
