import { CSAT_DIFFERENCE_TEST, type DifferenceTest, NPS_DIFFERENCE_TEST } from "@/server/domain/kpi/significance";
import type { Translate } from "@/server/i18n/core";

export type ComparedKpi = "nps" | "csat";

/** A p-value as people read it: "< 0.001", "0.003", "0.41". */
export function formatPValue(locale: string, p: number): string {
  const format = (value: number, digits: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  if (p < 0.001) return `< ${format(0.001, 3)}`;
  return `= ${format(p, p < 0.01 ? 3 : 2)}`;
}

/** A difference in points, at most one decimal, signed only when negative: "12", "4.5", "−3". */
export function formatGap(locale: string, value: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** The test's name in the reader's language; a test this module does not know keeps the server's name. */
function testName(t: Translate, test: string): string {
  if (test === NPS_DIFFERENCE_TEST) return t("segments.compare.tests.nps");
  if (test === CSAT_DIFFERENCE_TEST) return t("segments.compare.tests.csat");
  return test;
}

/**
 * The comparison of one KPI between segments a and b, said plainly with the test named:
 * "The NPS gap of 12 points (Enterprise higher) is significant (two-sample z-test, p = 0.003, 95% CI 4…20)."
 * / "… could be chance (…)." / "Cannot tell whether the NPS differs: too few responses (…)".
 * A tested gap with fewer than 30 responses on a side adds that the test is weak.
 */
export function significanceSentence(
  t: Translate,
  locale: string,
  kpi: ComparedKpi,
  result: DifferenceTest,
  names: { a: string; b: string },
): string {
  const metric = t(`segments.compare.kpi.${kpi}`);
  const test = testName(t, result.test);
  if (result.conclusion === "cannot tell" || result.difference === null || result.pValue === null || !result.ci95) {
    return t("segments.compare.cannotTell", {
      metric,
      test,
      a: names.a,
      b: names.b,
      na: new Intl.NumberFormat(locale).format(result.sampleSizes.a),
      nb: new Intl.NumberFormat(locale).format(result.sampleSizes.b),
    });
  }
  const gap = Math.abs(result.difference);
  const higher = result.difference > 0 ? names.a : result.difference < 0 ? names.b : null;
  const values = {
    metric,
    test,
    gap: formatGap(locale, gap),
    p: formatPValue(locale, result.pValue),
    low: formatGap(locale, result.ci95[0]),
    high: formatGap(locale, result.ci95[1]),
    higher: higher ?? "",
  };
  // a gap of exactly 0 has p = 1: it is never significant
  const key =
    result.conclusion === "significant" && higher
      ? "segments.compare.significant"
      : higher
        ? "segments.compare.chance"
        : "segments.compare.chanceEqual";
  const sentence = t(key, values);
  return result.lowSample
    ? `${sentence} ${t("segments.compare.lowSample", {
        a: names.a,
        b: names.b,
        na: new Intl.NumberFormat(locale).format(result.sampleSizes.a),
        nb: new Intl.NumberFormat(locale).format(result.sampleSizes.b),
      })}`
    : sentence;
}
