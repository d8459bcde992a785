import { describe, expect, it } from "vitest";
import { computeDelta, computeMoneyDelta } from "@/server/domain/kpi/delta";
import type { SegmentFigures } from "@/server/domain/segments/figures";
import { createTranslator } from "@/server/i18n/core";
import { en } from "@/server/i18n/messages/en";
import { buildSegmentMetrics, SEGMENT_METRICS } from "./segment-metrics";

const t = createTranslator(en);
const ctx = { t, locale: "en", currency: "USD" };

function figures(overrides: Partial<SegmentFigures> = {}): SegmentFigures {
  return {
    customers: 120,
    activeCustomers: 130,
    revenue: "12345.67",
    orders: 40,
    arpc: { value: "94.97", sampleSize: 130, lowSample: false },
    churn: { value: 5, sampleSize: 100, lowSample: false, churned: 5, activeAtStart: 100 },
    nps: {
      value: 20,
      sampleSize: 25,
      lowSample: true,
      promoters: 10,
      passives: 10,
      detractors: 5,
      marginOfError: 28.4,
    },
    csat: { value: 80, sampleSize: 50, lowSample: false, satisfied: 40, total: 50, marginOfError: 11.1 },
    ces: { value: 5.5, sampleSize: 40, lowSample: false, sum: 220, count: 40, easyCount: 30, easyPercent: 75 },
    value: {
      promoter: { value: "300.00", sampleSize: 40, lowSample: false },
      passive: { value: "200.00", sampleSize: 40, lowSample: false },
      detractor: { value: "120.50", sampleSize: 12, lowSample: true },
      promoterMinusDetractor: "179.50",
    },
    revenueAtRisk: {
      value: "1446.00",
      detractors: 12,
      churnWeighted: { value: "144.60", sampleSize: 12, lowSample: true },
      churnGapPoints: 10,
    },
    ...overrides,
  } as SegmentFigures;
}

describe("buildSegmentMetrics", () => {
  it("formats every figure in the table's order, marking low samples", () => {
    const views = buildSegmentMetrics({ current: figures(), change: null }, ctx);
    expect(views.map((v) => v.metric)).toEqual([...SEGMENT_METRICS]);
    const by = Object.fromEntries(views.map((v) => [v.metric, v]));
    expect(by.customers).toMatchObject({ value: "120", detail: "130 active in the period", delta: null });
    expect(by.revenue?.value).toBe("$12,346");
    expect(by.arpc?.value).toBe("$94.97");
    expect(by.churn).toMatchObject({ value: "5.0%", detail: "5 of 100 customers" });
    expect(by.nps).toMatchObject({ value: "+20", lowSample: true, sample: "n = 25", detail: "±28.4 pts (95%)" });
    expect(by.csat).toMatchObject({ value: "80.0%", lowSample: false });
    expect(by.ces).toMatchObject({ value: "5.50", detail: "75.0% found it easy (5–7)" });
    expect(by.value).toMatchObject({
      value: "+$180",
      lowSample: true,
      detail: "Promoter $300 · detractor $121 per customer",
    });
    expect(by.revenueAtRisk).toMatchObject({ value: "$1,446", sample: "12 detractors" });
  });

  it("prints missing figures as a dash, never 0", () => {
    const empty = figures({
      arpc: { value: null, sampleSize: 0, lowSample: true },
      nps: { ...figures().nps, value: null, sampleSize: 0, marginOfError: null },
    });
    const by = Object.fromEntries(buildSegmentMetrics({ current: empty, change: null }, ctx).map((v) => [v.metric, v]));
    expect(by.arpc?.value).toBe("—");
    expect(by.nps).toMatchObject({ value: "—", detail: null });
  });

  it("colours changes by which way is good: churn and revenue at risk should fall", () => {
    const current = figures();
    const previous = figures({
      customers: 100,
      churn: { ...current.churn, value: 3 },
      nps: { ...current.nps, value: 25 },
      revenueAtRisk: { ...current.revenueAtRisk, value: "2000.00" },
    });
    const change = {
      customers: computeDelta({ value: 120 }, { value: 100 }),
      revenue: computeMoneyDelta("12345.67", "10000.00"),
      arpc: computeMoneyDelta("94.97", null),
      churn: computeDelta(current.churn, previous.churn),
      nps: computeDelta(current.nps, previous.nps),
      csat: computeDelta(current.csat, current.csat),
      ces: computeDelta(current.ces, current.ces),
      promoterMinusDetractor: computeMoneyDelta("179.50", "179.50"),
      revenueAtRisk: computeMoneyDelta("1446.00", "2000.00"),
    };
    const by = Object.fromEntries(buildSegmentMetrics({ current, change }, ctx).map((v) => [v.metric, v.delta]));
    expect(by.customers).toMatchObject({ text: "+20", tone: "good", direction: "up" });
    expect(by.revenue).toMatchObject({ text: "+$2,346 (+23.5%)", tone: "good" });
    expect(by.arpc).toBeNull();
    expect(by.churn).toMatchObject({ text: "+2.0 pts", tone: "bad", meaning: "worse" });
    expect(by.nps).toMatchObject({ text: "-5.0 pts", tone: "bad" });
    expect(by.csat).toMatchObject({ tone: "neutral", meaning: "unchanged" });
    expect(by.revenueAtRisk).toMatchObject({ text: "-$554 (-27.7%)", tone: "good", meaning: "better" });
  });
});
