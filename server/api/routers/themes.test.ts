import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createFeedback } from "@/db/factories";
import { feedback, feedbackThemes, themes } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { analyseFeedback } from "@/db/text-analysis";
import { testEngine } from "@/db/test-engine";
import { computeNps } from "../../domain/kpi/nps";
import { callerFor, createRoleFixture } from "../testing/callers";

describe(`themes and SLA policy (${testEngine()})`, () => {
  let handle: DbHandle;
  let fixture: Awaited<ReturnType<typeof createRoleFixture>>;
  let other: Awaited<ReturnType<typeof createRoleFixture>>;
  const HOUR = 3_600_000;

  beforeAll(async () => {
    handle = await createTestDb();
    fixture = await createRoleFixture(handle.db, "Themes");
    other = await createRoleFixture(handle.db, "Other themes");
  });
  afterAll(() => handle.close());
  const manager = () => callerFor(handle.db, fixture.users.cx_manager, fixture.workspace.id);

  it("keeps a library: create, rename, refuse a duplicate name, remove; never another workspace's", async () => {
    const api = await manager();
    const { id } = await api.themes.create({ name: "Late delivery", keywords: { en: ["late"], he: ["באיחור"] } });
    await expect(api.themes.create({ name: "Late delivery", keywords: { en: ["slow"] } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await api.themes.update({ id, name: "Delivery delay", keywords: { en: ["late", "delayed"] } });
    expect((await api.themes.list()).find((t) => t.id === id)).toMatchObject({
      name: "Delivery delay",
      keywords: { en: ["late", "delayed"] },
      items: 0,
    });
    const [theirs] = await handle.db
      .insert(themes)
      .values({ workspaceId: other.workspace.id, name: "Theirs" })
      .returning({ id: themes.id });
    await expect(api.themes.remove({ id: theirs!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await api.themes.remove({ id });
    expect((await api.themes.list()).some((t) => t.id === id)).toBe(false);
    const executive = await callerFor(handle.db, fixture.users.executive, fixture.workspace.id);
    await expect(executive.themes.create({ name: "X", keywords: { en: ["x"] } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("links the stored feedback when a theme is created or its keywords change", async () => {
    const db = handle.db;
    const api = await manager();
    const texts: Array<[string, string]> = [
      ["The courier was delayed twice.", "en"],
      ["My parcel was delayed again and again.", "en"],
      ["השליח הגיע באיחור", "he"],
      ["快递延误了三天", "zh"],
      ["Great delivery, right on time.", "en"],
    ];
    const ids: number[] = [];
    for (const [text, language] of texts) {
      ids.push(
        (await createFeedback(db, fixture.workspace.id, { text, language, metricKind: "none", score: null })).id,
      );
    }
    await analyseFeedback(db, fixture.workspace.id, { ids });
    // "delay" finds "delayed" (an inflection), Hebrew and Chinese keywords find their comments
    const created = await api.themes.create({
      name: "Delays",
      keywords: { en: ["delay"], he: ["איחור"], zh: ["延误"] },
    });
    const linked = async (themeId: number) =>
      (await db.select().from(feedbackThemes).where(eq(feedbackThemes.themeId, themeId)))
        .map((l) => l.feedbackId)
        .sort((a, b) => a - b);
    expect(created.items).toBe(4);
    expect(await linked(created.id)).toEqual(ids.slice(0, 4));
    await api.themes.update({ id: created.id, name: "Delays", keywords: { en: ["courier"] } });
    expect(await linked(created.id)).toEqual([ids[0]]);
  });

  it("computes each theme's frequency and impact on NPS from the responses in scope", async () => {
    const db = handle.db;
    const api = await manager();
    const { id: staff } = await api.themes.create({ name: "Staff", keywords: { en: ["rude"] } });
    const { id: price } = await api.themes.create({ name: "Price", keywords: { en: ["expensive"] } });
    const at = new Date(Date.now() - 2 * 86_400_000);
    const scores = [0, 2, 5, 6, 7, 9, 10, 10, 9, 8];
    const ids: number[] = [];
    for (const score of scores) {
      ids.push((await createFeedback(db, fixture.workspace.id, { metricKind: "nps", score, receivedAt: at })).id);
    }
    // staff: the three worst answers; price: one promoter and one passive; plus a CSAT item on staff
    const csat = await createFeedback(db, fixture.workspace.id, { metricKind: "csat", score: 1, receivedAt: at });
    await db
      .insert(feedbackThemes)
      .values([
        ...[0, 1, 2].map((i) => ({ feedbackId: ids[i]!, themeId: staff })),
        { feedbackId: csat.id, themeId: staff },
        { feedbackId: ids[5]!, themeId: price },
        { feedbackId: ids[4]!, themeId: price },
      ]);
    // out of scope: last year
    await createFeedback(db, fixture.workspace.id, { metricKind: "nps", score: 0, receivedAt: new Date("2025-01-01") });

    const from = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const result = await api.themes.impact({ from });
    expect(result.responses).toBe(10);
    const all = computeNps({ promoters: 4, passives: 2, detractors: 4 }).value!;
    const byName = new Map(result.themes.map((t) => [t.name, t]));
    const staffRow = byName.get("Staff")!;
    expect(staffRow.mentions).toBe(4);
    expect(staffRow.impact.sampleSize).toBe(3);
    expect(staffRow.impact.frequencyPercent).toBeCloseTo(30, 9);
    expect(staffRow.impact.value).toBeCloseTo(all - computeNps({ promoters: 4, passives: 2, detractors: 1 }).value!, 9);
    expect(byName.get("Price")!.impact.value).toBeCloseTo(
      all - computeNps({ promoters: 3, passives: 1, detractors: 4 }).value!,
      9,
    );
    // worst first
    expect(result.themes[0]!.name).toBe("Staff");
  });

  it("suggests distinctive phrases of negative feedback that no theme covers", async () => {
    const db = handle.db;
    const api = await manager();
    for (let i = 0; i < 8; i++) {
      await createFeedback(db, fixture.workspace.id, {
        text: `The checkout page froze again, order ${i} lost.`,
        language: "en",
        sentimentLabel: "negative",
        metricKind: "none",
        score: null,
      });
      await createFeedback(db, fixture.workspace.id, {
        text: `Lovely shop and friendly people ${i}.`,
        language: "en",
        sentimentLabel: "positive",
        metricKind: "none",
        score: null,
      });
    }
    const suggestions = await api.themes.suggestions({});
    expect(suggestions.some((s) => s.phrase.includes("checkout") || s.phrase.includes("froze"))).toBe(true);
    expect(suggestions.every((s) => !s.phrase.includes("friendly"))).toBe(true);
  });

  it("keeps an SLA policy per priority that triage then follows", async () => {
    const api = await manager();
    const before = await api.sla.get();
    expect(before.find((r) => r.priority === "high")).toMatchObject({ isDefault: true });
    await expect(
      api.sla.update([{ priority: "high", firstResponseHours: 10, resolutionHours: 5 }]),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await api.sla.update([{ priority: "high", firstResponseHours: 2, resolutionHours: 12 }]);
    expect((await api.sla.get()).find((r) => r.priority === "high")).toMatchObject({
      firstResponseHours: 2,
      resolutionHours: 12,
      isDefault: false,
    });
    await api.sla.reset({ priority: "low" });
    expect((await api.sla.get()).find((r) => r.priority === "low")).toMatchObject({ isDefault: true });
    const item = await createFeedback(handle.db, fixture.workspace.id, { receivedAt: new Date(Date.now() - HOUR) });
    await api.feedback.triage({ id: item.id, version: 1, command: { type: "triage", priority: "high" } });
    const [row] = await handle.db.select().from(feedback).where(eq(feedback.id, item.id));
    expect(row!.dueAt!.getTime()).toBe(item.receivedAt.getTime() + 12 * HOUR);
  });
});
