import {
  formatMean,
  formatMoney,
  formatMoneyNumber,
  formatNps,
  formatPercent,
  formatPoints,
  NO_DATA,
} from "@/components/dashboard/format";
import type { Kpi } from "@/server/domain/enums";
import type { ImpactVerdict } from "@/server/domain/kpi/diff-in-diff";
import type { MessageKey } from "@/server/i18n/core";

/** How a verdict looks: a gain in the positive colour, a loss in the negative one, "cannot tell" as a warning. */
export type VerdictTone = "positive" | "negative" | "neutral" | "warning";

export const VERDICT_TONE: Readonly<Record<ImpactVerdict, VerdictTone>> = {
  improved: "positive",
  worsened: "negative",
  "no measurable change": "neutral",
  "cannot tell": "warning",
};

/** The verdict as a short heading, in plain words. */
export const VERDICT_LABEL: Readonly<Record<ImpactVerdict, MessageKey>> = {
  improved: "actions.impact.verdict.improved",
  worsened: "actions.impact.verdict.worsened",
  "no measurable change": "actions.impact.verdict.noChange",
  "cannot tell": "actions.impact.verdict.cannotTell",
};

/** The unit a KPI's change is said in: NPS points, percentage points, a CES mean, money per customer. */
export type ChangeUnit = "points" | "percentagePoints" | "mean" | "money";

export function changeUnit(kpi: Kpi): ChangeUnit {
  if (kpi === "nps") return "points";
  if (kpi === "csat" || kpi === "churn") return "percentagePoints";
  if (kpi === "ces") return "mean";
  return "money";
}

export const CHANGE_UNIT_LABEL: Readonly<Record<ChangeUnit, MessageKey>> = {
  points: "actions.impact.unit.points",
  percentagePoints: "actions.impact.unit.percentagePoints",
  mean: "actions.impact.unit.mean",
  money: "actions.impact.unit.money",
};

/**
 * A KPI value as stored or measured, in the KPI's own display: NPS "+42", CSAT and churn "87.5%",
 * CES "5.43", revenue in money. A stored value is numeric text ("35.00"); null or unreadable → "—".
 */
export function formatKpiValue(locale: string, kpi: Kpi, value: string | number | null, currency: string): string {
  if (value === null || value === "") return NO_DATA;
  if (kpi === "revenue" || kpi === "revenue_at_risk") {
    return typeof value === "string"
      ? formatMoney(locale, value, currency)
      : formatMoneyNumber(locale, value, currency);
  }
  const number = Number(value);
  if (!Number.isFinite(number)) return NO_DATA;
  if (kpi === "nps") return formatNps(locale, number);
  if (kpi === "ces") return formatMean(locale, number);
  return formatPercent(locale, number);
}

/** A change of the KPI, signed: points with one decimal, a CES mean with two, money with cents. */
export function formatKpiChange(locale: string, kpi: Kpi, value: number | null, currency: string): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA;
  const unit = changeUnit(kpi);
  if (unit === "money") return formatMoneyNumber(locale, value, currency, { cents: true, signed: true });
  if (unit === "mean") {
    return new Intl.NumberFormat(locale, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
      signDisplay: "exceptZero",
    }).format(value);
  }
  return formatPoints(locale, value);
}

/** Both ends of a 95% interval, formatted as {@link formatKpiChange}. */
export function formatKpiInterval(
  locale: string,
  kpi: Kpi,
  ci: readonly [number, number],
  currency: string,
): { low: string; high: string } {
  return { low: formatKpiChange(locale, kpi, ci[0], currency), high: formatKpiChange(locale, kpi, ci[1], currency) };
}

/** Whether a 95% interval includes no change (so the data do not show a difference). */
export function intervalIncludesZero(ci: readonly [number, number]): boolean {
  return ci[0] <= 0 && ci[1] >= 0;
}

/** What the Impact view's chart needs of an action: the money its change is worth, with the interval. */
export interface WorthSource {
  actionId: number;
  title: string;
  verdict: ImpactVerdict;
  worth: { estimate: string; ci95: readonly [string, string] } | null;
}

export interface WorthRow {
  actionId: number;
  title: string;
  verdict: ImpactVerdict;
  estimate: number;
  low: number;
  high: number;
  /** [low, high] for a floating bar. */
  range: [number, number];
}

/**
 * The chart's rows: actions whose change has a revenue worth, in the order given (the server's:
 * largest worth first). Money arrives as exact text; the chart needs numbers to place the bars
 * (the labels print the exact text).
 */
export function worthRows(items: readonly WorthSource[]): WorthRow[] {
  return items.flatMap((item) => {
    if (!item.worth) return [];
    const estimate = Number(item.worth.estimate);
    const a = Number(item.worth.ci95[0]);
    const b = Number(item.worth.ci95[1]);
    if (![estimate, a, b].every(Number.isFinite)) return [];
    const low = Math.min(a, b);
    const high = Math.max(a, b);
    return [
      { actionId: item.actionId, title: item.title, verdict: item.verdict, estimate, low, high, range: [low, high] },
    ];
  });
}
