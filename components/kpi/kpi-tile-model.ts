import type { KpiTilesPayload, MoneyDelta, SparkPoint, TileTarget } from "@/server/domain/dashboard/payload";
import type { Kpi } from "@/server/domain/enums";
import type { Delta, TargetStatus } from "@/server/domain/kpi";
import type { Translate } from "@/server/i18n/core";
import {
  formatCount,
  formatDay,
  formatList,
  formatMoney,
  formatMoneyNumber,
  formatPercent,
  formatPoints,
  formatScore,
} from "@/components/dashboard/format";
import { type DeltaView, moneyDeltaView, scoreDeltaView } from "./delta-view";

export { deltaTone, type Tone } from "./delta-view";

/**
 * How far a value has come toward its target, 0–1, for the progress bar: value / target when
 * higher is better, target / value when lower is better (1 once met). An NPS at or below 0, or a
 * target at or below 0 that is not met, shows no progress. `null` without a value.
 */
export function targetProgress(value: number | null, target: number, higherIsBetter: boolean): number | null {
  if (value === null) return null;
  const met = higherIsBetter ? value >= target : value <= target;
  if (met) return 1;
  if (target <= 0 || value <= 0) return 0;
  return Math.min(1, Math.max(0, higherIsBetter ? value / target : target / value));
}

export interface TileDeltaView extends DeltaView {
  notSignificant: boolean;
}

export interface TileTargetView {
  text: string;
  status: TargetStatus | null;
  statusText: string;
  progress: number | null;
  /** "Target for all customers, period 1 Jul 2026 – 31 Dec 2026, review on 15 Nov 2026". */
  detail: string;
}

/** Everything a KPI tile shows, formatted; built by {@link buildTileViews} from the payload. */
export interface TileView {
  kpi: Kpi;
  label: string;
  about: string;
  value: string;
  /** Lines under the value: margin of error, easy share, churned of active, churn-weighted figure. */
  details: { text: string; lowSample?: boolean }[];
  sampleText: string;
  sampleTitle: string;
  lowSample: boolean;
  delta: TileDeltaView | null;
  comparisonText: string;
  target: TileTargetView | null;
  sparkline: SparkPoint[];
  sparklineSummary: string;
  ignoredNote: string | null;
  higherIsBetter: boolean;
}

type SampleUnit = "responses" | "orders" | "customers";

interface Context {
  t: Translate;
  locale: string;
  currency: string;
  comparisonText: string;
}

function scoreDelta(
  ctx: Context,
  unit: "points" | "percent" | "mean",
  delta: Delta | null,
  higherIsBetter: boolean,
): TileDeltaView | null {
  const view = scoreDeltaView(ctx, unit, delta, higherIsBetter);
  return view && { ...view, notSignificant: delta?.significant === false };
}

function moneyDelta(ctx: Context, delta: MoneyDelta | null, higherIsBetter: boolean): TileDeltaView | null {
  const view = moneyDeltaView(ctx, delta, higherIsBetter);
  return view && { ...view, notSignificant: false };
}

function targetView(
  ctx: Context,
  target: TileTarget | null,
  value: number | null,
  higherIsBetter: boolean,
  format: (value: number) => string,
): TileTargetView | null {
  if (!target) return null;
  const statusText =
    target.status === null
      ? ctx.t("dashboard.kpi.targetStatus.none")
      : ctx.t(`dashboard.kpi.targetStatus.${target.status}`);
  const scope = target.scopeLabel === "all" ? ctx.t("dashboard.kpi.scopeAll") : target.scopeLabel;
  return {
    text: ctx.t("dashboard.kpi.target", { value: format(target.value) }),
    status: target.status,
    statusText,
    progress: targetProgress(value, target.value, higherIsBetter),
    detail: ctx.t("dashboard.kpi.targetDetail", {
      scope,
      from: formatDay(ctx.locale, target.periodStart),
      to: formatDay(ctx.locale, target.periodEnd),
      review: formatDay(ctx.locale, target.reviewDate),
    }),
  };
}

function sample(ctx: Context, size: number, unit: SampleUnit) {
  const count = formatCount(ctx.locale, size);
  return {
    sampleText: ctx.t("dashboard.sampleSize", { count }),
    sampleTitle: ctx.t(`dashboard.kpi.sample.${unit}`, { count }),
  };
}

function sparklineSummary(ctx: Context, points: SparkPoint[], format: (value: number) => string): string {
  const values = points.map((point) => point.value).filter((value): value is number => value !== null);
  const first = values[0];
  const last = values.at(-1);
  if (first === undefined || last === undefined) return ctx.t("dashboard.kpi.sparklineEmpty");
  return ctx.t("dashboard.kpi.sparklineSummary", { first: format(first), last: format(last) });
}

function ignoredNote(ctx: Context, ignored: readonly ("stage" | "channel")[]): string | null {
  if (ignored.length === 0) return null;
  const names = ignored.map((filter) =>
    ctx.t(filter === "stage" ? "dashboard.kpi.filterStage" : "dashboard.kpi.filterChannel"),
  );
  return ctx.t("dashboard.kpi.ignoredFilters", { filters: formatList(ctx.locale, names) });
}

/** The six tiles of dashboard.kpis, formatted for the locale: NPS, CSAT, CES, revenue, churn, revenue at risk. */
export function buildTileViews(data: KpiTilesPayload, t: Translate, locale: string): TileView[] {
  const ctx: Context = {
    t,
    locale,
    currency: data.currency,
    comparisonText: data.comparison
      ? t("dashboard.kpi.vsComparison", { period: data.comparison.label })
      : t("dashboard.kpi.noComparison"),
  };
  const money = (value: number) => formatMoneyNumber(locale, value, data.currency, { compact: true });
  const common = (kpi: Kpi, higherIsBetter: boolean) => ({
    kpi,
    label: t(`enumLabels.kpi.${kpi}`),
    about: t(`dashboard.kpi.about.${kpi}`),
    comparisonText: ctx.comparisonText,
    higherIsBetter,
  });

  const { nps, csat, ces, revenue, churn, revenueAtRisk: risk } = data;
  const npsFormat = (value: number) => formatScore(locale, "points", value);
  const percentFormat = (value: number) => formatPercent(locale, value);
  const meanFormat = (value: number) => formatScore(locale, "mean", value);
  const margin = (value: number | null) =>
    value === null ? [] : [{ text: t("dashboard.kpi.marginOfError", { value: formatPoints(locale, value, false) }) }];

  const views: TileView[] = [
    {
      ...common("nps", nps.higherIsBetter),
      value: formatScore(locale, "points", nps.figure.value),
      details: margin(nps.figure.marginOfError),
      ...sample(ctx, nps.figure.sampleSize, "responses"),
      lowSample: nps.figure.lowSample,
      delta: scoreDelta(ctx, "points", nps.delta, nps.higherIsBetter),
      target: targetView(ctx, nps.target, nps.figure.value, nps.higherIsBetter, npsFormat),
      sparkline: nps.sparkline,
      sparklineSummary: sparklineSummary(ctx, nps.sparkline, npsFormat),
      ignoredNote: ignoredNote(ctx, nps.ignoredFilters),
    },
    {
      ...common("csat", csat.higherIsBetter),
      value: formatScore(locale, "percent", csat.figure.value),
      details: margin(csat.figure.marginOfError),
      ...sample(ctx, csat.figure.sampleSize, "responses"),
      lowSample: csat.figure.lowSample,
      delta: scoreDelta(ctx, "percent", csat.delta, csat.higherIsBetter),
      target: targetView(ctx, csat.target, csat.figure.value, csat.higherIsBetter, percentFormat),
      sparkline: csat.sparkline,
      sparklineSummary: sparklineSummary(ctx, csat.sparkline, percentFormat),
      ignoredNote: ignoredNote(ctx, csat.ignoredFilters),
    },
    {
      ...common("ces", ces.higherIsBetter),
      value: formatScore(locale, "mean", ces.figure.value),
      details:
        ces.figure.easyPercent === null
          ? []
          : [{ text: t("dashboard.kpi.cesEasy", { value: formatPercent(locale, ces.figure.easyPercent) }) }],
      ...sample(ctx, ces.figure.sampleSize, "responses"),
      lowSample: ces.figure.lowSample,
      delta: scoreDelta(ctx, "mean", ces.delta, ces.higherIsBetter),
      target: targetView(ctx, ces.target, ces.figure.value, ces.higherIsBetter, meanFormat),
      sparkline: ces.sparkline,
      sparklineSummary: sparklineSummary(ctx, ces.sparkline, meanFormat),
      ignoredNote: ignoredNote(ctx, ces.ignoredFilters),
    },
    {
      ...common("revenue", revenue.higherIsBetter),
      value: formatMoney(locale, revenue.value, data.currency),
      details: [],
      ...sample(ctx, revenue.sampleSize, "orders"),
      lowSample: revenue.lowSample,
      delta: moneyDelta(ctx, revenue.delta, revenue.higherIsBetter),
      target: targetView(
        ctx,
        revenue.target,
        revenue.value === null ? null : Number(revenue.value),
        revenue.higherIsBetter,
        money,
      ),
      sparkline: revenue.sparkline,
      sparklineSummary: sparklineSummary(ctx, revenue.sparkline, money),
      ignoredNote: ignoredNote(ctx, revenue.ignoredFilters),
    },
    {
      ...common("churn", churn.higherIsBetter),
      value: formatPercent(locale, churn.figure.value),
      details:
        churn.figure.activeAtStart === 0
          ? []
          : [
              {
                text: t("dashboard.kpi.churnDetail", {
                  churned: formatCount(locale, churn.figure.churned),
                  active: formatCount(locale, churn.figure.activeAtStart),
                }),
              },
            ],
      ...sample(ctx, churn.figure.sampleSize, "customers"),
      lowSample: churn.figure.lowSample,
      delta: scoreDelta(ctx, "percent", churn.delta, churn.higherIsBetter),
      target: targetView(ctx, churn.target, churn.figure.value, churn.higherIsBetter, percentFormat),
      sparkline: churn.sparkline,
      sparklineSummary: sparklineSummary(ctx, churn.sparkline, percentFormat),
      ignoredNote: ignoredNote(ctx, churn.ignoredFilters),
    },
    {
      ...common("revenue_at_risk", risk.higherIsBetter),
      value: formatMoney(locale, risk.value, data.currency),
      details: [
        {
          text: t("dashboard.kpi.churnWeighted", {
            value: formatMoney(locale, risk.churnWeighted.value, data.currency),
          }),
          lowSample: risk.churnWeighted.lowSample,
        },
        ...(risk.churnGapPoints === null
          ? []
          : [{ text: t("dashboard.kpi.churnGap", { value: formatPoints(locale, risk.churnGapPoints, false) }) }]),
        {
          text: t("dashboard.kpi.riskWindow", {
            from: formatDay(locale, risk.windowFrom),
            to: formatDay(locale, risk.windowTo),
          }),
        },
      ],
      ...sample(ctx, risk.sampleSize, "customers"),
      lowSample: risk.lowSample,
      delta: moneyDelta(ctx, risk.delta, risk.higherIsBetter),
      target: targetView(ctx, risk.target, risk.value === null ? null : Number(risk.value), risk.higherIsBetter, money),
      sparkline: risk.sparkline,
      sparklineSummary: sparklineSummary(ctx, risk.sparkline, money),
      ignoredNote: ignoredNote(ctx, risk.ignoredFilters),
    },
  ];
  return views;
}
