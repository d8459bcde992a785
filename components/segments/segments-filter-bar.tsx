"use client";

import { usePathname, useRouter } from "next/navigation";
import { useId } from "react";
import { PeriodFilterForm } from "@/components/dashboard/period-filter-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { segmentsFilterParams, type SegmentsUrlFilters } from "./segments-url";

/**
 * Period and comparison of the segments pages, kept in the URL (`?period=…&compare=…`): a change
 * pushes a new URL, so it can be shared and the back button restores the previous view. `keep`
 * holds the page's own parameters (the compared segments).
 */
export function SegmentsFilterBar({
  filters,
  keep = {},
}: {
  filters: SegmentsUrlFilters;
  keep?: Record<string, string>;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();

  const apply = (next: SegmentsUrlFilters) => {
    const params = new URLSearchParams(keep);
    for (const [key, value] of segmentsFilterParams(next)) params.set(key, value);
    const query = params.toString();
    router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };

  return (
    <PeriodFilterForm
      label={t("segments.filters.label")}
      idPrefix={id}
      className="mb-4"
      periodLabel={t("segments.filters.period")}
      compareLabel={t("segments.filters.compare")}
      period={filters.period}
      comparison={filters.comparison}
      onChange={(next) => apply({ ...filters, ...next })}
    />
  );
}
