"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { formatDay } from "@/components/dashboard/format";
import type { SegmentPeriods } from "@/server/domain/segments/figures";

/** Which period the figures cover and what their changes compare with; the trailing window of value and risk. */
export function PeriodSummary({ periods }: { periods: SegmentPeriods }) {
  const { t, locale } = useI18n();
  const { period, comparison } = periods;
  return (
    <div className="mb-3 text-sm text-muted-foreground">
      <p>
        {comparison
          ? t("segments.periodSummary", {
              period: period.label,
              range: period.rangeLabel,
              comparison: comparison.label,
              comparisonRange: comparison.rangeLabel,
            })
          : t("segments.periodSummaryNoComparison", { period: period.label, range: period.rangeLabel })}
      </p>
      <p className="text-xs">{t("segments.windowNote", { to: formatDay(locale, periods.windowTo) })}</p>
    </div>
  );
}
