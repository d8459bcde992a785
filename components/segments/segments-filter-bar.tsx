"use client";

import { usePathname, useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { quarterOf } from "@/server/domain/dashboard/calendar";
import { DASHBOARD_COMPARISONS, type DashboardComparison } from "@/server/domain/dashboard/filter-query";
import type { DashboardPeriod } from "@/server/domain/dashboard/filters";
import { zonedDay } from "@/server/domain/dashboard/time-zone";
import { segmentsFilterParams, type SegmentsUrlFilters } from "./segments-url";

/** The last six calendar quarters, newest first. */
function recentQuarters(now: Date): { year: number; quarter: number }[] {
  let { year, quarter } = quarterOf(zonedDay(now));
  const list = [];
  for (let i = 0; i < 6; i++) {
    list.push({ year, quarter });
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return list;
}

const periodValue = (period: DashboardPeriod) =>
  period.kind === "quarter" ? `${period.year}-Q${period.quarter}` : period.kind;

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
  const custom = filters.period.kind === "custom" ? filters.period : null;
  const [range, setRange] = useState({ from: custom?.from ?? "", to: custom?.to ?? "" });
  const [showCustom, setShowCustom] = useState(custom !== null);
  const rangeInvalid = !range.from || !range.to || range.to < range.from;

  const apply = (next: SegmentsUrlFilters) => {
    const params = new URLSearchParams(keep);
    for (const [key, value] of segmentsFilterParams(next)) params.set(key, value);
    const query = params.toString();
    router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };

  const onPeriod = (value: string) => {
    if (value === "custom") {
      setShowCustom(true);
      return;
    }
    setShowCustom(false);
    const quarter = /^(\d{4})-Q(\d)$/.exec(value);
    const period: DashboardPeriod = quarter
      ? { kind: "quarter", year: Number(quarter[1]), quarter: Number(quarter[2]) }
      : { kind: value as "last30" | "last90" | "last365" };
    apply({ ...filters, period });
  };

  return (
    <form
      aria-label={t("segments.filters.label")}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border bg-card p-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (!rangeInvalid) apply({ ...filters, period: { kind: "custom", from: range.from, to: range.to } });
      }}
    >
      <div className="flex flex-col gap-1">
        <Label htmlFor={`${id}-period`}>{t("segments.filters.period")}</Label>
        <NativeSelect
          id={`${id}-period`}
          className="w-auto"
          value={showCustom ? "custom" : periodValue(filters.period)}
          onChange={(event) => onPeriod(event.target.value)}
        >
          <option value="last30">{t("dashboardFilters.last30")}</option>
          <option value="last90">{t("dashboardFilters.last90")}</option>
          <option value="last365">{t("dashboardFilters.last365")}</option>
          {recentQuarters(new Date()).map(({ year, quarter }) => (
            <option key={`${year}-Q${quarter}`} value={`${year}-Q${quarter}`}>
              {t("dashboardFilters.quarter", { year, quarter })}
            </option>
          ))}
          <option value="custom">{t("dashboardFilters.custom")}</option>
        </NativeSelect>
      </div>
      {showCustom && (
        <>
          <div className="flex flex-col gap-1">
            <Label htmlFor={`${id}-from`}>{t("dashboardFilters.from")}</Label>
            <Input
              id={`${id}-from`}
              type="date"
              className="h-9 w-40"
              value={range.from}
              onChange={(event) => setRange({ ...range, from: event.target.value })}
            />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor={`${id}-to`}>{t("dashboardFilters.to")}</Label>
            <Input
              id={`${id}-to`}
              type="date"
              className="h-9 w-40"
              value={range.to}
              aria-invalid={range.from !== "" && range.to !== "" && range.to < range.from}
              onChange={(event) => setRange({ ...range, to: event.target.value })}
            />
          </div>
          <Button type="submit" size="sm" disabled={rangeInvalid}>
            {t("dashboardFilters.applyRange")}
          </Button>
        </>
      )}
      <div className="flex flex-col gap-1">
        <Label htmlFor={`${id}-compare`}>{t("segments.filters.compare")}</Label>
        <NativeSelect
          id={`${id}-compare`}
          className="w-auto"
          value={filters.comparison}
          onChange={(event) => apply({ ...filters, comparison: event.target.value as DashboardComparison })}
        >
          {DASHBOARD_COMPARISONS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`dashboardFilters.comparison.${kind}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
    </form>
  );
}
