"use client";

import { ChartTooltipBox } from "@/components/dashboard/chart-tooltip";
import { formatCount, formatNps, formatPercent } from "@/components/dashboard/format";
import { useI18n } from "@/components/i18n/i18n-provider";
import { QUADRANT_COLORS } from "./matrix-theme";
import { type MatrixPoint, negativeShare } from "./priority-matrix";

/** A dot's figures: impact, frequency, NPS with and without the theme, its sample and mentions. */
export function MatrixTooltip({ point, canOpen }: { point: MatrixPoint | undefined; canOpen: boolean }) {
  const { t, locale } = useI18n();
  if (!point) return null;
  const { impact } = point;
  return (
    <ChartTooltipBox
      title={point.name}
      rows={[
        {
          label: t("themeAnalytics.matrix.impact"),
          value: t("themeAnalytics.matrix.impactValue", { value: formatNps(locale, point.y) }),
          color: QUADRANT_COLORS[point.quadrant],
          shape: impact.lowSample ? "hollow" : "dot",
        },
        { label: t("themeAnalytics.matrix.frequency"), value: formatPercent(locale, point.x) },
        { label: t("themeAnalytics.matrix.npsAll"), value: formatNps(locale, impact.npsAll) },
        { label: t("themeAnalytics.matrix.npsWithout"), value: formatNps(locale, impact.npsWithoutTheme) },
        {
          label: t("themeAnalytics.matrix.sample"),
          value: formatCount(locale, impact.sampleSize),
          detail: impact.lowSample ? t("dashboard.lowSampleLegend") : undefined,
        },
        {
          label: t("themeAnalytics.matrix.mentions"),
          value: formatCount(locale, point.mentions),
          detail: t("themeAnalytics.matrix.negativeDetail", { share: formatPercent(locale, negativeShare(point)) }),
        },
      ]}
      footer={
        <>
          <span className="block font-medium" style={{ color: QUADRANT_COLORS[point.quadrant] }}>
            {t(`themeAnalytics.quadrant.${point.quadrant}`)}
          </span>
          {impact.lowSample && <span className="block">{t("dashboard.lowSampleHint")}</span>}
          {canOpen && <span className="block">{t("themeAnalytics.matrix.open")}</span>}
        </>
      }
    />
  );
}
