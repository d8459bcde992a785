"use client";

import { roundTo } from "@/components/dashboard/format";
import { toCsv } from "@/components/dashboard/csv";
import { useI18n } from "@/components/i18n/i18n-provider";
import { type MatrixPoint, negativeShare, type ThemeImpactRow } from "./priority-matrix";

/** The matrix's CSV export: every theme of the table, with its quadrant when it is plotted. */
export function useImpactCsv(rows: readonly ThemeImpactRow[], points: readonly MatrixPoint[]): () => string {
  const { t } = useI18n();
  return () => {
    const quadrants = new Map(points.map((p) => [p.themeId, p.quadrant]));
    return toCsv(rows, [
      { header: t("themeAnalytics.csv.theme"), value: (row) => row.name },
      {
        header: t("themeAnalytics.csv.priority"),
        value: (row) => {
          const quadrant = quadrants.get(row.themeId);
          return quadrant ? t(`themeAnalytics.quadrant.${quadrant}`) : t("themeAnalytics.table.notPlotted");
        },
      },
      { header: t("themeAnalytics.csv.mentions"), value: (row) => row.mentions },
      { header: t("themeAnalytics.csv.negativeMentions"), value: (row) => row.negativeMentions },
      { header: t("themeAnalytics.csv.negativeShare"), value: (row) => roundTo(negativeShare(row), 2) },
      { header: t("themeAnalytics.csv.frequency"), value: (row) => roundTo(row.impact.frequencyPercent, 2) },
      { header: t("themeAnalytics.csv.impact"), value: (row) => roundTo(row.impact.value, 2) },
      { header: t("themeAnalytics.csv.npsAll"), value: (row) => roundTo(row.impact.npsAll, 2) },
      { header: t("themeAnalytics.csv.npsWithout"), value: (row) => roundTo(row.impact.npsWithoutTheme, 2) },
      { header: t("themeAnalytics.csv.sample"), value: (row) => row.impact.sampleSize },
      { header: t("themeAnalytics.csv.lowSample"), value: (row) => row.impact.lowSample },
    ]);
  };
}
