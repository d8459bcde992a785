"use client";

import { type ReactNode, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
// module paths, not the domain index: the index also carries the zod schemas (server code)
import { quarterOf } from "@/server/domain/dashboard/calendar";
import { DASHBOARD_COMPARISONS, type DashboardComparison } from "@/server/domain/dashboard/filter-query";
import type { DashboardPeriod } from "@/server/domain/dashboard/filters";
import { zonedDay } from "@/server/domain/dashboard/time-zone";

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

/** The period's option value: "last90", "2026-Q4", "custom". */
const periodValue = (period: DashboardPeriod) =>
  period.kind === "quarter" ? `${period.year}-Q${period.quarter}` : period.kind;

/**
 * A filter bar whose first fields are the period (last 30/90/365 days, one of the last six
 * quarters, or a custom range applied with its button once it is valid) and the comparison; the
 * page's own filters follow as `children`. Each choice is handed to `onChange`, which writes the
 * URL. `idPrefix` names the fields' ids (`…-period`, `…-from`, `…-to`, `…-compare`).
 */
export function PeriodFilterForm({
  label,
  idPrefix,
  className,
  periodLabel,
  compareLabel,
  period,
  comparison,
  onChange,
  children,
}: {
  label: string;
  idPrefix: string;
  className?: string;
  periodLabel: string;
  compareLabel: string;
  period: DashboardPeriod;
  comparison: DashboardComparison;
  onChange: (next: { period: DashboardPeriod } | { comparison: DashboardComparison }) => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const custom = period.kind === "custom" ? period : null;
  const [range, setRange] = useState({ from: custom?.from ?? "", to: custom?.to ?? "" });
  const [showCustom, setShowCustom] = useState(custom !== null);
  const rangeInvalid = !range.from || !range.to || range.to < range.from;

  const onPeriod = (value: string) => {
    if (value === "custom") {
      setShowCustom(true);
      return;
    }
    setShowCustom(false);
    const quarter = /^(\d{4})-Q(\d)$/.exec(value);
    onChange({
      period: quarter
        ? { kind: "quarter", year: Number(quarter[1]), quarter: Number(quarter[2]) }
        : { kind: value as "last30" | "last90" | "last365" },
    });
  };

  return (
    <form
      aria-label={label}
      className={cn("flex flex-wrap items-end gap-3 rounded-lg border bg-card p-3", className)}
      onSubmit={(event) => {
        event.preventDefault();
        if (!rangeInvalid) onChange({ period: { kind: "custom", from: range.from, to: range.to } });
      }}
    >
      <div className="flex flex-col gap-1">
        <Label htmlFor={`${idPrefix}-period`}>{periodLabel}</Label>
        <NativeSelect
          id={`${idPrefix}-period`}
          className="w-auto"
          value={showCustom ? "custom" : periodValue(period)}
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
            <Label htmlFor={`${idPrefix}-from`}>{t("dashboardFilters.from")}</Label>
            <Input
              id={`${idPrefix}-from`}
              type="date"
              className="h-9 w-40"
              value={range.from}
              onChange={(event) => setRange({ ...range, from: event.target.value })}
            />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor={`${idPrefix}-to`}>{t("dashboardFilters.to")}</Label>
            <Input
              id={`${idPrefix}-to`}
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
        <Label htmlFor={`${idPrefix}-compare`}>{compareLabel}</Label>
        <NativeSelect
          id={`${idPrefix}-compare`}
          className="w-auto"
          value={comparison}
          onChange={(event) => onChange({ comparison: event.target.value as DashboardComparison })}
        >
          {DASHBOARD_COMPARISONS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`dashboardFilters.comparison.${kind}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      {children}
    </form>
  );
}
