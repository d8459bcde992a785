import type { KpiUnit, MonthKey } from "@/server/domain/dashboard/payload";

/**
 * Display formatting of dashboard figures, pure and locale-aware (the locale of the i18n provider).
 * `null` is "no data" and always prints {@link NO_DATA}, never 0. Rounding happens here only.
 */
export const NO_DATA = "—";

/** numeric(14, 2) as text: an optional "-", digits, up to 2 decimals. */
const MONEY_TEXT = /^-?\d+(\.\d{1,2})?$/;

type Intl2 = Intl.NumberFormatOptions;
const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl2): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

export interface MoneyFormat {
  /** "$1.2M" instead of "$1,234,568" (axes, tight labels). */
  compact?: boolean;
  /** Show cents (tooltips and exact figures); default whole currency units. */
  cents?: boolean;
  /** "+$1,234" for changes. */
  signed?: boolean;
}

/**
 * An exact money string in `currency`: the string goes to Intl as a decimal, never through a float,
 * so "12345678901234.55" prints its own digits. Rounds half away from zero to whole units unless
 * `cents`. A malformed amount prints {@link NO_DATA} rather than a wrong figure.
 */
export function formatMoney(
  locale: string,
  amount: string | null,
  currency: string,
  options: MoneyFormat = {},
): string {
  if (amount === null || !MONEY_TEXT.test(amount)) return NO_DATA;
  return moneyFormat(locale, currency, options).format(amount as `${number}`);
}

/** A money amount already converted to a number (chart axes, KPI targets). */
export function formatMoneyNumber(
  locale: string,
  value: number | null,
  currency: string,
  options: MoneyFormat = {},
): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA;
  return moneyFormat(locale, currency, options).format(value);
}

function moneyFormat(locale: string, currency: string, { compact, cents, signed }: MoneyFormat): Intl.NumberFormat {
  const signDisplay = signed ? "exceptZero" : "auto";
  // compact: three significant digits whatever the size ("$546", "$18.5K", "$1.28M")
  if (compact)
    return numberFormat(locale, {
      style: "currency",
      currency,
      notation: "compact",
      maximumSignificantDigits: 3,
      signDisplay,
    });
  const digits = cents ? 2 : 0;
  return numberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay,
  });
}

/** NPS in points: signed, one decimal only when it is not a whole number ("+42", "+42.3", "−5", "0"). */
export function formatNps(locale: string, value: number | null): string {
  if (value === null) return NO_DATA;
  return numberFormat(locale, { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(value);
}

/** A percentage given in percent (0–100), with one decimal: "87.5%". */
export function formatPercent(locale: string, value: number | null): string {
  if (value === null) return NO_DATA;
  return numberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    value / 100,
  );
}

/** A CES mean on the 1–7 scale, two decimals: "5.43". */
export function formatMean(locale: string, value: number | null): string {
  if (value === null) return NO_DATA;
  return numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** A change or margin in points with one decimal; `signed` adds "+" ("+3.2", "−0.4", "0.0"). */
export function formatPoints(locale: string, value: number | null, signed = true): string {
  if (value === null) return NO_DATA;
  return numberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: signed ? "exceptZero" : "auto",
  }).format(value);
}

/** A signed relative change in percent: "+4.5%". */
export function formatRelativePercent(locale: string, value: number | null): string {
  if (value === null) return NO_DATA;
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(
    value / 100,
  );
}

/**
 * A figure rounded for export (CSV): `digits` decimals, half away from zero; `null` stays `null`.
 * The charts' figures are unrounded ratios (45.833333333333336); a file reads better with 2 decimals.
 */
export function roundTo(value: number | null, digits: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const factor = 10 ** digits;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
}

/** A count with grouping: "1,234". */
export function formatCount(locale: string, value: number): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A KPI value in its unit: NPS points, a percentage, a CES mean. */
export function formatScore(locale: string, unit: Exclude<KpiUnit, "money">, value: number | null): string {
  if (unit === "points") return formatNps(locale, value);
  if (unit === "percent") return formatPercent(locale, value);
  return formatMean(locale, value);
}

/** The absolute change of a score KPI: NPS and percentages in points (1 decimal), a CES mean with 2 decimals. */
export function formatScoreChange(locale: string, unit: Exclude<KpiUnit, "money">, value: number | null): string {
  if (unit !== "mean") return formatPoints(locale, value);
  if (value === null) return NO_DATA;
  return numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: "exceptZero" }).format(
    value,
  );
}

const MONTH_KEY = /^(\d{4})-(\d{2})$/;

/** "2026-03" → "Mar 2026" (`long`) or "Mar 26" (`short`), in UTC so no time zone shifts the month. */
export function formatMonth(locale: string, month: MonthKey, style: "short" | "long" = "long"): string {
  const match = MONTH_KEY.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(locale, {
    month: style === "short" ? "short" : "long",
    year: style === "short" ? "2-digit" : "numeric",
    timeZone: "UTC",
  }).format(date);
}

/** "2026-09-30" → "30 Sep 2026" in the locale's order (UTC, the date as written). */
export function formatDay(locale: string, day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    date,
  );
}

/** "stage and channel", joined as the locale joins a list. */
export function formatList(locale: string, items: readonly string[]): string {
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(items);
}
