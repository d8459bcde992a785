import { formatCount, formatMoney, formatPercent, formatPoints, formatScore } from "@/components/dashboard/format";
import { type DeltaContext, type DeltaView, moneyDeltaView, scoreDeltaView } from "@/components/kpi/delta-view";
import type { SegmentFiguresRow } from "@/server/domain/segments/figures";

/** The figures of a segment, in the order the table, the detail page and the comparison show them. */
export const SEGMENT_METRICS = [
  "customers",
  "revenue",
  "arpc",
  "churn",
  "nps",
  "csat",
  "ces",
  "value",
  "revenueAtRisk",
] as const;
export type SegmentMetric = (typeof SEGMENT_METRICS)[number];

/** Which way is good: churn and revenue at risk should go down. */
export const HIGHER_IS_BETTER: Record<SegmentMetric, boolean> = {
  customers: true,
  revenue: true,
  arpc: true,
  churn: false,
  nps: true,
  csat: true,
  ces: true,
  value: true,
  revenueAtRisk: false,
};

export interface MetricView {
  metric: SegmentMetric;
  label: string;
  /** The figure, "—" without data. */
  value: string;
  /** Fewer than 30 answers or customers behind it. */
  lowSample: boolean;
  /** "n = 45", or null where a sample size says nothing (money totals). */
  sample: string | null;
  /** A second line: margin of error, churned of active, promoter and detractor means… */
  detail: string | null;
  delta: DeltaView | null;
}

export type MetricContext = DeltaContext;

/**
 * Every figure of one segment for the period, formatted, with its change against the comparison
 * period (none when the comparison is off or a side has no data). `null` figures print "—", never 0.
 */
export function buildSegmentMetrics(
  row: Pick<SegmentFiguresRow, "current" | "change">,
  ctx: MetricContext,
): MetricView[] {
  const { t, locale, currency } = ctx;
  const { current: f, change } = row;
  const money = (value: string | null) => formatMoney(locale, value, currency);
  const n = (count: number) => t("dashboard.sampleSize", { count: formatCount(locale, count) });
  const margin = (value: number | null) =>
    value === null ? null : t("segments.metricDetail.margin", { value: formatPoints(locale, value, false) });
  const label = (metric: SegmentMetric) => t(`segments.metrics.${metric}`);
  const views: Record<SegmentMetric, Omit<MetricView, "metric" | "label">> = {
    customers: {
      value: formatCount(locale, f.customers),
      lowSample: false,
      sample: null,
      detail: t("segments.metricDetail.activeInPeriod", { count: formatCount(locale, f.activeCustomers) }),
      delta: scoreDeltaView(ctx, "count", change?.customers, true),
    },
    revenue: {
      value: money(f.revenue),
      lowSample: false,
      sample: null,
      detail: t("segments.metricDetail.orders", { count: formatCount(locale, f.orders) }),
      delta: moneyDeltaView(ctx, change?.revenue, true),
    },
    arpc: {
      value: formatMoney(locale, f.arpc.value, currency, { cents: true }),
      lowSample: f.arpc.lowSample,
      sample: t("segments.metricDetail.customersSample", { count: formatCount(locale, f.arpc.sampleSize) }),
      detail: null,
      delta: moneyDeltaView(ctx, change?.arpc, true),
    },
    churn: {
      value: formatPercent(locale, f.churn.value),
      lowSample: f.churn.lowSample,
      sample: null,
      detail:
        f.churn.activeAtStart === 0
          ? null
          : t("dashboard.kpi.churnDetail", {
              churned: formatCount(locale, f.churn.churned),
              active: formatCount(locale, f.churn.activeAtStart),
            }),
      delta: scoreDeltaView(ctx, "percent", change?.churn, false),
    },
    nps: {
      value: formatScore(locale, "points", f.nps.value),
      lowSample: f.nps.lowSample,
      sample: n(f.nps.sampleSize),
      detail: margin(f.nps.marginOfError),
      delta: scoreDeltaView(ctx, "points", change?.nps, true),
    },
    csat: {
      value: formatScore(locale, "percent", f.csat.value),
      lowSample: f.csat.lowSample,
      sample: n(f.csat.sampleSize),
      detail: margin(f.csat.marginOfError),
      delta: scoreDeltaView(ctx, "percent", change?.csat, true),
    },
    ces: {
      value: formatScore(locale, "mean", f.ces.value),
      lowSample: f.ces.lowSample,
      sample: n(f.ces.sampleSize),
      detail:
        f.ces.easyPercent === null
          ? null
          : t("dashboard.kpi.cesEasy", { value: formatPercent(locale, f.ces.easyPercent) }),
      delta: scoreDeltaView(ctx, "mean", change?.ces, true),
    },
    value: {
      value: formatMoney(locale, f.value.promoterMinusDetractor, currency, { signed: true }),
      lowSample: f.value.promoter.lowSample || f.value.detractor.lowSample,
      sample: null,
      detail: t("segments.metricDetail.value", {
        promoter: money(f.value.promoter.value),
        detractor: money(f.value.detractor.value),
      }),
      delta: moneyDeltaView(ctx, change?.promoterMinusDetractor, true),
    },
    revenueAtRisk: {
      value: money(f.revenueAtRisk.value),
      lowSample: false,
      sample: t("segments.metricDetail.detractors", { count: formatCount(locale, f.revenueAtRisk.detractors) }),
      detail: t("dashboard.kpi.churnWeighted", { value: money(f.revenueAtRisk.churnWeighted.value) }),
      delta: moneyDeltaView(ctx, change?.revenueAtRisk, false),
    },
  };
  return SEGMENT_METRICS.map((metric) => ({ metric, label: label(metric), ...views[metric] }));
}
