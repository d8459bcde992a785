import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CHANNELS, FEEDBACK_SOURCES, METRIC_KINDS } from "../../server/domain/enums";
import { isAmountSignValid, isScoreInRange } from "../../server/domain/scores";
import { LANGUAGES, STAGES } from "./catalog";
import { COMMENTS } from "./comments";
import { buildReferenceData, generateActivity, planDemo, type ActivityBatch, type WorkspaceStats } from "./generate";
import { formatCents } from "./generate-orders";
import { buildPlanning } from "./planning";
import type { DemoUserRef } from "./rows";
import { THEMES, THEME_KEYS, matchThemes } from "./themes";

const NOW = new Date("2025-06-15T00:00:00Z");
const USERS: DemoUserRef[] = [
  { id: 1, email: "admin@x.test", role: "admin" },
  { id: 2, email: "exec@x.test", role: "executive" },
  { id: 3, email: "cx@x.test", role: "cx_manager" },
  { id: 4, email: "team@x.test", role: "team_member" },
];

function generate(seed: number, scale = 0.05, batchSize = 1_000) {
  const plan = planDemo({ seed, now: NOW, scale });
  const reference = buildReferenceData(plan, USERS);
  const stats = new Map<number, WorkspaceStats>();
  const batches: ActivityBatch[] = [...generateActivity(plan, reference, { batchSize, stats })];
  return {
    plan,
    reference,
    stats,
    batches,
    customers: batches.flatMap((b) => b.customers),
    orders: batches.flatMap((b) => b.orders),
    feedback: batches.flatMap((b) => b.feedback),
    links: batches.flatMap((b) => b.feedbackThemes),
  };
}

const digest = (rows: readonly unknown[], limit = 3_000) =>
  createHash("sha256")
    .update(JSON.stringify(rows.slice(0, limit)))
    .digest("hex");

const run = generate(42);

describe("demo generator", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const again = generate(42);
    const other = generate(7);
    for (const key of ["customers", "orders", "feedback", "links"] as const) {
      expect(digest(again[key]), key).toBe(digest(run[key]));
      expect(digest(other[key]), key).not.toBe(digest(run[key]));
    }
  });

  it("does not depend on the batch size", () => {
    const small = generate(42, 0.05, 97);
    expect(digest(small.feedback, Infinity)).toBe(digest(run.feedback, Infinity));
    expect(digest(small.orders, Infinity)).toBe(digest(run.orders, Infinity));
  });

  it("emits exactly the planned totals, bounded batches and unique ids", () => {
    expect(run.customers).toHaveLength(run.plan.totals.customers);
    expect(run.orders).toHaveLength(run.plan.totals.orders);
    expect(run.feedback).toHaveLength(run.plan.totals.feedback);
    for (const batch of run.batches) expect(batch.feedback.length).toBeLessThanOrEqual(1_000);
    expect(new Set(run.feedback.map((f) => f.id)).size).toBe(run.feedback.length);
    expect(new Set(run.orders.map((o) => o.id)).size).toBe(run.orders.length);
    const keys = run.feedback.map((f) => `${f.workspaceId}/${f.source}/${f.externalId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("gives the second workspace 40–60 % of the first one's customers, with other segments and prices", () => {
    const [first, second] = run.plan.workspaces;
    expect(second!.customers / first!.customers).toBeGreaterThanOrEqual(0.4);
    expect(second!.customers / first!.customers).toBeLessThanOrEqual(0.6);
    expect(first!.profile.currency).not.toBe(second!.profile.currency);
    for (const ws of run.plan.workspaces) {
      const segments = run.reference.segments.filter((s) => s.workspaceId === ws.workspaceId);
      expect(segments).toHaveLength(6);
      for (const s of segments) expect(s.color).toMatch(/^#[0-9a-f]{6}$/i);
    }
    const names = (i: number) => run.reference.segments.filter((s) => s.workspaceId === i).map((s) => s.name);
    expect(names(1)).not.toEqual(names(2));
  });

  it("keeps scores, amounts and dates valid", () => {
    for (const f of run.feedback) {
      expect(isScoreInRange(f.metricKind, f.score), `${f.metricKind} ${f.score}`).toBe(true);
      expect(f.sentiment).toBeGreaterThanOrEqual(-1);
      expect(f.sentiment).toBeLessThanOrEqual(1);
      expect(Date.parse(f.receivedAt)).toBeLessThanOrEqual(NOW.getTime());
      for (const t of [f.firstTriagedAt, f.resolvedAt, f.updatedAt]) {
        if (t) expect(Date.parse(t)).toBeLessThanOrEqual(NOW.getTime());
      }
      if (f.status === "dismissed") expect(f.dismissReason?.trim()).toBeTruthy();
      if (f.text === null) expect(f.language).toBeNull();
    }
    for (const o of run.orders) expect(isAmountSignValid(o.kind, o.amount), `${o.kind} ${o.amount}`).toBe(true);
    const customers = new Map(run.customers.map((c) => [c.id, c]));
    for (const c of run.customers) {
      if (c.churnedAt) expect(Date.parse(c.churnedAt)).toBeGreaterThanOrEqual(Date.parse(c.createdAt));
    }
    for (const o of run.orders) {
      const c = customers.get(o.customerId)!;
      expect(Date.parse(o.orderedAt)).toBeGreaterThanOrEqual(Date.parse(c.createdAt));
      if (c.churnedAt) expect(Date.parse(o.orderedAt)).toBeLessThanOrEqual(Date.parse(c.churnedAt));
    }
  });

  it("handles tiny and lopsided sizes", () => {
    const count = (options: Parameters<typeof planDemo>[0]) => {
      const plan = planDemo({ now: NOW, ...options });
      const batches = [...generateActivity(plan, buildReferenceData(plan, USERS))];
      return {
        customers: batches.reduce((n, b) => n + b.customers.length, 0),
        orders: batches.reduce((n, b) => n + b.orders.length, 0),
        feedback: batches.reduce((n, b) => n + b.feedback.length, 0),
      };
    };
    expect(count({ scale: 0.0001 })).toEqual({ customers: 1, orders: 6, feedback: 4 });
    expect(count({ customers: 0, orders: 0, feedback: 10 })).toEqual({ customers: 0, orders: 0, feedback: 10 });
    expect(count({ customers: 3, orders: 0, feedback: 0 })).toEqual({ customers: 3, orders: 0, feedback: 0 });
    expect(() => planDemo({ customers: 0, orders: 5 })).toThrow(/orders need customers/);
    expect(() => planDemo({ scale: 0 })).toThrow(/scale/);
  });

  it("formats cents exactly", () => {
    expect(formatCents(0)).toBe("0.00");
    expect(formatCents(5)).toBe("0.05");
    expect(formatCents(-1250)).toBe("-12.50");
    expect(formatCents(123456789)).toBe("1234567.89");
  });

  it("has 3–5 % refunds", () => {
    const refunds = run.orders.filter((o) => o.kind === "refund").length / run.orders.length;
    expect(refunds).toBeGreaterThanOrEqual(0.03);
    expect(refunds).toBeLessThanOrEqual(0.05);
  });

  it("covers every source, channel, stage, metric kind and language", () => {
    expect(new Set(run.feedback.map((f) => f.source))).toEqual(new Set(FEEDBACK_SOURCES));
    expect(new Set(run.feedback.map((f) => f.channel))).toEqual(new Set(CHANNELS));
    const stages = new Set(run.feedback.map((f) => f.stageId).filter((id) => id !== null));
    expect(stages.size).toBe(STAGES.length * run.plan.workspaces.length);
    expect(run.feedback.some((f) => f.stageId === null)).toBe(true);
    expect(new Set(run.feedback.map((f) => f.metricKind))).toEqual(new Set(METRIC_KINDS));
    expect(new Set(run.feedback.map((f) => f.language).filter(Boolean))).toEqual(new Set(LANGUAGES));
    expect(run.feedback.some((f) => f.customerId === null)).toBe(true);
    expect(new Set(run.feedback.map((f) => f.status)).size).toBe(5);
  });

  it("makes churned customers lean detractor", () => {
    const churned = new Set(run.customers.filter((c) => c.churnedAt).map((c) => c.id));
    const share = (want: boolean) => {
      const nps = run.feedback.filter(
        (f) => f.metricKind === "nps" && f.customerId !== null && churned.has(f.customerId) === want,
      );
      return nps.filter((f) => f.score! <= 6).length / nps.length;
    };
    expect(share(true)).toBeGreaterThan(share(false) + 0.1);
  });

  it("labels sentiment consistently with NPS categories and prioritises detractors", () => {
    for (const f of run.feedback.filter((x) => x.metricKind === "nps")) {
      const expected = f.score! <= 6 ? "negative" : f.score! <= 8 ? "neutral" : "positive";
      expect(f.sentimentLabel).toBe(expected);
      if (expected === "negative") expect(["high", "urgent"]).toContain(f.priority);
    }
  });

  it("links feedback to exactly the themes its comment matches", () => {
    const themeKeyById = new Map(run.reference.themes.map((t) => [t.id, THEMES.find((d) => d.name === t.name)!.key]));
    const linked = new Map<number, string[]>();
    for (const link of run.links)
      linked.set(link.feedbackId, [...(linked.get(link.feedbackId) ?? []), themeKeyById.get(link.themeId)!]);
    for (const f of run.feedback) {
      const expected = f.text ? matchThemes(f.text, f.language as (typeof LANGUAGES)[number]) : [];
      expect(linked.get(f.id) ?? []).toEqual(expected);
    }
    expect(run.links.length).toBeGreaterThan(run.feedback.length * 0.1);
  });

  it("writes comment templates whose keywords match their theme only", () => {
    for (const language of LANGUAGES) {
      const pool = COMMENTS[language];
      for (const theme of THEME_KEYS) {
        for (const text of pool.negative[theme]) expect(matchThemes(text, language), text).toContain(theme);
      }
      for (const text of [...pool.neutral, ...pool.positive, ...pool.negative.generic, ...pool.employeePositive]) {
        expect(matchThemes(text, language), text).toEqual([]);
      }
    }
  });

  it("plans targets with a valid scope shape and actions with status histories", () => {
    const planning = buildPlanning(run.plan, run.reference, run.stats);
    for (const t of planning.kpiTargets) {
      const set = [t.segmentId, t.stageId, t.channel].filter((x) => x !== null).length;
      expect(set).toBe(t.scope === "all" ? 0 : 1);
    }
    for (const a of planning.actions) {
      const history = planning.actionStatusChanges.filter((c) => c.actionId === a.id);
      expect(history.at(-1)?.toStatus).toBe(a.status);
      expect(history[0]?.fromStatus).toBeNull();
      if (a.status === "dropped") expect(a.droppedReason).toBeTruthy();
    }
    expect(planning.actionFeedback.length).toBeGreaterThan(0);
  });
});
