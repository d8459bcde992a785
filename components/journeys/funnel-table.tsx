"use client";

import { formatCount, formatPercent, NO_DATA } from "@/components/dashboard/format";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { FunnelRow } from "./funnel-data";

/** The funnel's figures as a table, in journey order: what the chart shows, for every reader. */
export function FunnelTable({ rows, caption }: { rows: readonly FunnelRow[]; caption: string }) {
  const { t, locale } = useI18n();
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b text-xs text-muted-foreground">
          <th scope="col" className="py-1.5 text-start font-medium">
            {t("journeys.funnel.stage")}
          </th>
          <th scope="col" className="py-1.5 text-end font-medium">
            {t("journeys.funnel.reachedColumn")}
          </th>
          <th scope="col" className="py-1.5 text-end font-medium">
            {t("journeys.funnel.dropColumn")}
          </th>
          <th scope="col" className="py-1.5 text-end font-medium">
            {t("journeys.funnel.dropPercentColumn")}
          </th>
          <th scope="col" className="py-1.5 text-end font-medium">
            {t("journeys.funnel.conversionColumn")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.stageId} className="border-b last:border-0">
            <th scope="row" className="max-w-40 truncate py-1.5 text-start font-medium" dir="auto">
              {row.name}
            </th>
            <td className="py-1.5 text-end tabular-nums">{formatCount(locale, row.reached)}</td>
            <td className="py-1.5 text-end tabular-nums">
              {row.dropCount === null ? NO_DATA : formatCount(locale, row.dropCount)}
            </td>
            <td className="py-1.5 text-end tabular-nums">{formatPercent(locale, row.dropPercent)}</td>
            <td className="py-1.5 text-end tabular-nums">{formatPercent(locale, row.conversionPercent)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
