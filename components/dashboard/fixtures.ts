import { comparisonPeriod, resolvePeriod } from "@/server/domain/dashboard/periods";
import type {
  HeatmapCell,
  HeatmapPayload,
  KpiTilesPayload,
  MonthKey,
  SegmentSummary,
  SegmentsPayload,
  SparkPoint,
  TrendAnnotation,
  TrendPoint,
  TrendSeries,
  TrendsPayload,
} from "@/server/domain/dashboard/payload";
import {
  computeCategoryValue,
  computeCes,
  computeChurnRate,
  computeCsat,
  computeDelta,
  computeMoneyDelta,
  computeNps,
  computeRevenueAtRisk,
  type CsatFigure,
  makeFigure,
  moneyFromCents,
  type NpsFigure,
} from "@/server/domain/kpi";

/**
 * Realistic dashboard payloads for tests and for looking at the charts without a database: the
 * Northwind demo segments, Q3 2026 against Q2, 24 months of trends, a stage × segment heatmap.
 * Built with the KPI engine itself, so every figure is consistent (NPS from buckets, margins of
 * error, deltas, low-sample flags). Deterministic: a seeded generator, no clock.
 */

/** mulberry32: a tiny seeded generator so the fixtures never change between runs. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** NPS buckets of `n` answers with about the given NPS and share of passives. */
export function npsFigureOf(n: number, nps: number, passiveShare = 0.3): NpsFigure {
  const clamped = Math.max(-100, Math.min(100, nps));
  const rest = 1 - passiveShare;
  const promoters = Math.max(0, Math.min(n, Math.round((n * (rest + clamped / 100)) / 2)));
  const detractors = Math.max(0, Math.min(n - promoters, Math.round((n * (rest - clamped / 100)) / 2)));
  return computeNps({ promoters, detractors, passives: n - promoters - detractors });
}

export function csatFigureOf(n: number, percent: number): CsatFigure {
  return computeCsat({ satisfied: Math.round((n * percent) / 100), total: n });
}

const NOW = new Date("2026-10-02T09:00:00Z");
const PERIOD = resolvePeriod({ kind: "quarter", year: 2026, quarter: 3 }, NOW);
const COMPARISON = comparisonPeriod(PERIOD, "previous");
const CURRENCY = "USD";
const WINDOW = { from: "2025-10-01", to: "2026-09-30" };

/** The 24 months to September 2026, oldest first. */
export const FIXTURE_MONTHS: MonthKey[] = Array.from({ length: 24 }, (_, i) => {
  const date = new Date(Date.UTC(2024, 9 + i, 1));
  return date.toISOString().slice(0, 7);
});

function sparkline(values: (number | null)[]): SparkPoint[] {
  return FIXTURE_MONTHS.slice(-12).map((month, i) => ({ month, value: values[i] ?? null }));
}

const npsNow = npsFigureOf(1234, 31.4);
const npsBefore = npsFigureOf(1180, 27.9);
const csatNow = csatFigureOf(2210, 82.3);
const csatBefore = csatFigureOf(2088, 81.6);
const cesNow = computeCes({ sum: 4402, count: 845, easyCount: 601 });
const cesBefore = computeCes({ sum: 4190, count: 812, easyCount: 553 });
const churnNow = computeChurnRate({ churned: 412, activeAtStart: 5120 });
const churnBefore = computeChurnRate({ churned: 361, activeAtStart: 5013 });
const risk = computeRevenueAtRisk({
  detractorRevenue: "218940.10",
  detractorChurn: { churned: 96, activeAtStart: 611 },
  promoterChurn: { churned: 58, activeAtStart: 1320 },
});

const target = (id: number, value: number, status: "met" | "onTrack" | "behind" | null) => ({
  id,
  value,
  status,
  periodStart: "2026-07-01",
  periodEnd: "2026-12-31",
  reviewDate: "2026-11-15",
  scopeLabel: "all",
});

/** dashboard.kpis for Q3 2026 vs Q2 2026: a busy workspace, every tile filled. */
export const kpiTilesFixture: KpiTilesPayload = {
  period: PERIOD,
  comparison: COMPARISON,
  currency: CURRENCY,
  nps: {
    kpi: "nps",
    unit: "points",
    higherIsBetter: true,
    figure: npsNow,
    delta: computeDelta(npsNow, npsBefore),
    target: target(1, 35, "onTrack"),
    sparkline: sparkline([24.1, 25.3, 22.8, 26.4, 27.0, 28.9, 27.5, 29.8, 28.1, 30.6, 31.9, 31.2]),
    ignoredFilters: [],
  },
  csat: {
    kpi: "csat",
    unit: "percent",
    higherIsBetter: true,
    figure: csatNow,
    delta: computeDelta(csatNow, csatBefore),
    target: target(2, 80, "met"),
    sparkline: sparkline([79.2, 80.1, 80.4, 79.8, 81.0, 81.5, 82.2, 81.1, 81.9, 82.6, 82.0, 82.4]),
    ignoredFilters: [],
  },
  ces: {
    kpi: "ces",
    unit: "mean",
    higherIsBetter: true,
    figure: cesNow,
    delta: computeDelta(cesNow, cesBefore),
    target: target(3, 5.5, "behind"),
    sparkline: sparkline([5.0, 5.02, 5.1, 5.05, 5.12, 5.08, 5.15, 5.11, 5.18, 5.2, 5.22, 5.21]),
    ignoredFilters: [],
  },
  revenue: {
    kpi: "revenue",
    unit: "money",
    higherIsBetter: true,
    value: "1284530.45",
    sampleSize: 9821,
    lowSample: false,
    delta: computeMoneyDelta("1284530.45", "1229012.80"),
    target: target(4, 1_200_000, "met"),
    sparkline: sparkline([380e3, 392e3, 455e3, 510e3, 371e3, 362e3, 398e3, 401e3, 417e3, 422e3, 430e3, 432e3]),
    ignoredFilters: ["stage"],
  },
  churn: {
    kpi: "churn",
    unit: "percent",
    higherIsBetter: false,
    figure: { ...churnNow, churned: 412, activeAtStart: 5120 },
    delta: computeDelta(churnNow, churnBefore),
    target: target(5, 6, "behind"),
    sparkline: sparkline([2.1, 2.4, 2.2, 2.6, 2.5, 2.4, 2.3, 2.7, 2.6, 2.8, 2.7, 2.6]),
    ignoredFilters: ["stage", "channel"],
  },
  revenueAtRisk: {
    kpi: "revenue_at_risk",
    unit: "money",
    higherIsBetter: false,
    value: risk.revenueAtRisk,
    sampleSize: 611,
    lowSample: false,
    delta: computeMoneyDelta(risk.revenueAtRisk, "231004.55"),
    target: null,
    sparkline: sparkline([240e3, 238e3, 236e3, 239e3, 233e3, 231e3, 229e3, 226e3, 224e3, 221e3, 220e3, 218.9e3]),
    ignoredFilters: ["stage"],
    churnWeighted: risk.churnWeighted,
    churnGapPoints: risk.churnGapPoints,
    windowFrom: WINDOW.from,
    windowTo: WINDOW.to,
  },
};

/** A workspace with no answers or orders in the period: every figure `null`, nothing to compare. */
export const kpiTilesEmptyFixture: KpiTilesPayload = {
  ...kpiTilesFixture,
  comparison: null,
  nps: {
    ...kpiTilesFixture.nps,
    figure: computeNps({ promoters: 0, passives: 0, detractors: 0 }),
    delta: null,
    target: null,
    sparkline: sparkline([]),
  },
  csat: { ...kpiTilesFixture.csat, figure: csatFigureOf(0, 0), delta: null, target: null, sparkline: sparkline([]) },
  ces: {
    ...kpiTilesFixture.ces,
    figure: computeCes({ sum: 0, count: 0, easyCount: 0 }),
    delta: null,
    target: null,
    sparkline: sparkline([]),
  },
  revenue: {
    ...kpiTilesFixture.revenue,
    value: null,
    sampleSize: 0,
    lowSample: true,
    delta: null,
    target: null,
    sparkline: sparkline([]),
    ignoredFilters: [],
  },
  churn: {
    ...kpiTilesFixture.churn,
    figure: { ...computeChurnRate({ churned: 0, activeAtStart: 0 }), churned: 0, activeAtStart: 0 },
    delta: null,
    target: null,
    sparkline: sparkline([]),
    ignoredFilters: [],
  },
  revenueAtRisk: {
    ...kpiTilesFixture.revenueAtRisk,
    value: null,
    sampleSize: 0,
    lowSample: true,
    delta: null,
    churnWeighted: makeFigure<string>(null, 0),
    churnGapPoints: null,
    sparkline: sparkline([]),
    ignoredFilters: [],
  },
};

interface SegmentProfile {
  id: number | null;
  name: string;
  color: string | null;
  customers: number;
  nps: number;
  npsAnswers: number;
  csat: number;
  revenueCents: number;
  /** Mean trailing-12-month revenue per customer, in cents, for promoters; others scale down. */
  valueCents: number;
  churn: number;
}

const PROFILES: SegmentProfile[] = [
  {
    id: 1,
    name: "Enterprise",
    color: "#1d4ed8",
    customers: 212,
    nps: 46.2,
    npsAnswers: 24,
    csat: 88.1,
    revenueCents: 39_220_050,
    valueCents: 1_845_000,
    churn: 4.2,
  },
  {
    id: 2,
    name: "Small Business",
    color: "#0891b2",
    customers: 604,
    nps: 22.5,
    npsAnswers: 158,
    csat: 80.4,
    revenueCents: 25_410_020,
    valueCents: 402_000,
    churn: 9.8,
  },
  {
    id: 3,
    name: "Premium Shoppers",
    color: "#7c3aed",
    customers: 588,
    nps: 38.9,
    npsAnswers: 183,
    csat: 86.0,
    revenueCents: 18_030_075,
    valueCents: 198_000,
    churn: 7.1,
  },
  {
    id: 4,
    name: "Families",
    color: "#16a34a",
    customers: 1512,
    nps: 12.4,
    npsAnswers: 402,
    csat: 79.3,
    revenueCents: 24_310_400,
    valueCents: 88_000,
    churn: 11.9,
  },
  {
    id: 5,
    name: "Bargain Hunters",
    color: "#ea580c",
    customers: 1260,
    nps: -18.6,
    npsAnswers: 301,
    csat: 68.7,
    revenueCents: 12_844_010,
    valueCents: 39_000,
    churn: 21.4,
  },
  {
    id: 6,
    name: "Students",
    color: "#db2777",
    customers: 744,
    nps: -4.1,
    npsAnswers: 151,
    csat: 73.5,
    revenueCents: 5_120_990,
    valueCents: 21_000,
    churn: 18.3,
  },
  {
    id: null,
    name: "",
    color: null,
    customers: 41,
    nps: 5.0,
    npsAnswers: 15,
    csat: 75.0,
    revenueCents: 3_516_000,
    valueCents: 30_000,
    churn: 12.0,
  },
];

function segmentSummary(profile: SegmentProfile): SegmentSummary {
  const nps = npsFigureOf(profile.npsAnswers, profile.nps);
  const promoters = Math.round(profile.customers * 0.38);
  const detractors = Math.round(profile.customers * (profile.nps < 0 ? 0.36 : 0.18));
  const passives = Math.max(0, Math.round(profile.customers * 0.22));
  const value = computeCategoryValue({
    promoter: { customers: promoters, revenue: moneyFromCents(BigInt(Math.round(promoters * profile.valueCents))) },
    passive: { customers: passives, revenue: moneyFromCents(BigInt(Math.round(passives * profile.valueCents * 0.8))) },
    detractor: {
      customers: detractors,
      revenue: moneyFromCents(BigInt(Math.round(detractors * profile.valueCents * 0.62))),
    },
  });
  const risk = computeRevenueAtRisk({
    detractorRevenue: moneyFromCents(BigInt(Math.round(detractors * profile.valueCents * 0.62))),
    detractorChurn: { churned: Math.round(detractors * profile.churn * 0.017), activeAtStart: detractors },
    promoterChurn: { churned: Math.round(promoters * profile.churn * 0.006), activeAtStart: promoters },
  });
  const churned = Math.round((profile.customers * profile.churn) / 100);
  return {
    segmentId: profile.id,
    name: profile.name,
    color: profile.color,
    customers: profile.customers,
    nps,
    csat: csatFigureOf(Math.round(profile.npsAnswers * 1.7), profile.csat),
    revenue: moneyFromCents(BigInt(profile.revenueCents)),
    value: { ...value.meanRevenue, promoterMinusDetractor: value.promoterMinusDetractor },
    revenueAtRisk: risk.revenueAtRisk,
    revenueAtRiskChurnWeighted: risk.churnWeighted,
    churn: computeChurnRate({ churned, activeAtStart: profile.customers }),
  };
}

/** dashboard.segments for Q3 2026: six segments and the customers without one (unnamed, as the service sends it). */
export const segmentsFixture: SegmentsPayload = {
  period: PERIOD,
  currency: CURRENCY,
  windowFrom: WINDOW.from,
  windowTo: WINDOW.to,
  segments: PROFILES.map(segmentSummary),
};

function trendPoints(
  seed: number,
  baseNps: number,
  baseCsat: number,
  answers: number,
  revenueCents: number,
): TrendPoint[] {
  const next = random(seed);
  return FIXTURE_MONTHS.map((month, i) => {
    const drift = i * 0.35 + Math.sin(i / 2.3) * 3;
    // a bad delivery month (2025-11) and a recovery after it: something for the annotations to find
    const shock = month === "2025-11" ? -11 : month === "2025-12" ? -4 : 0;
    const n = Math.max(0, Math.round(answers * (0.8 + next() * 0.4)));
    const season = month.endsWith("-11") || month.endsWith("-12") ? 1.25 : 1;
    return {
      month,
      nps: npsFigureOf(n, baseNps + drift + shock + (next() - 0.5) * 4),
      csat: csatFigureOf(Math.round(n * 1.6), Math.min(99, baseCsat + drift / 4 + shock / 3 + (next() - 0.5) * 2)),
      revenue: moneyFromCents(BigInt(Math.round(revenueCents * season * (0.92 + next() * 0.16) * (1 + i / 80)))),
    };
  });
}

/** Months where NPS or CSAT moved by more than the combined margin of error (the service's rule). */
function findAnnotations(series: TrendSeries): TrendAnnotation[] {
  const found: TrendAnnotation[] = [];
  series.points.forEach((point, i) => {
    const before = series.points[i - 1];
    if (!before) return;
    for (const kpi of ["nps", "csat"] as const) {
      const delta = computeDelta(point[kpi], before[kpi]);
      const margin = Math.hypot(point[kpi].marginOfError ?? 0, before[kpi].marginOfError ?? 0);
      if (delta.significant && delta.absolute !== null) {
        found.push({
          month: point.month,
          kpi,
          change: delta.absolute,
          marginOfError: margin,
          segmentId: series.segmentId,
        });
      }
    }
  });
  return found;
}

const TOTAL_SERIES: TrendSeries = {
  segmentId: null,
  name: "",
  color: null,
  points: trendPoints(7, 19, 77, 900, 40_000_000),
};

const SEGMENT_SERIES: TrendSeries[] = PROFILES.filter((p) => p.id !== null).map((profile, index) => ({
  segmentId: profile.id,
  name: profile.name,
  color: profile.color,
  points: trendPoints(
    11 + index,
    profile.nps - 8,
    profile.csat - 4,
    Math.max(8, Math.round(profile.npsAnswers / 3)),
    profile.revenueCents / 3,
  ),
}));

/** dashboard.trends, the total only (`bySegment: false`), or with one series per segment. */
export function trendsFixture(bySegment = false): TrendsPayload {
  const series = bySegment ? [TOTAL_SERIES, ...SEGMENT_SERIES] : [TOTAL_SERIES];
  return {
    currency: CURRENCY,
    months: FIXTURE_MONTHS,
    series,
    annotations: series.flatMap(findAnnotations),
    targets: [
      { kpi: "nps", value: 30, periodStart: "2026-01-01", periodEnd: "2026-12-31" },
      { kpi: "csat", value: 80, periodStart: "2025-07-01", periodEnd: "2026-12-31" },
      { kpi: "revenue", value: 1_350_000, periodStart: "2026-07-01", periodEnd: "2026-09-30" },
    ],
  };
}

const STAGES = ["Awareness", "Consideration", "Purchase", "Delivery", "Use", "Service", "Loyalty"];
const STAGE_EFFECT = [12, 4, 8, -22, 3, -30, 0];

/** dashboard.heatmap for Q3 2026: seven stages and feedback without one, six segments and customers without one. */
export const heatmapFixture: HeatmapPayload = (() => {
  const next = random(3);
  const stages: HeatmapPayload["stages"] = [
    ...STAGES.map((name, i) => ({ id: 10 + i, name, position: i + 1 })),
    { id: null, name: "", position: null },
  ];
  const segments = PROFILES.map((p) => ({ id: p.id, name: p.name, color: p.color }));
  const cells: HeatmapCell[] = [];
  stages.forEach((stage, s) => {
    PROFILES.forEach((profile) => {
      const effect = STAGE_EFFECT[s] ?? 0;
      // Enterprise buyers rarely answer about awareness; nobody without a segment did about loyalty
      const silent = (profile.id === 1 && s === 0) || (profile.id === null && s === 6);
      const n = silent ? 0 : Math.round((profile.npsAnswers / 4) * (0.5 + next()) * (stage.id === null ? 0.3 : 1));
      cells.push({
        stageId: stage.id,
        segmentId: profile.id,
        nps: npsFigureOf(n, profile.nps + effect + (next() - 0.5) * 10),
        csat: csatFigureOf(Math.round(n * 1.5), Math.min(99, profile.csat + effect / 3 + (next() - 0.5) * 5)),
      });
    });
  });
  return { period: PERIOD, stages, segments, cells };
})();
