"use client";

import { usePathname, useRouter } from "next/navigation";
import { useState, type ChangeEvent } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
// module paths, not the domain index: the index also carries the zod schemas (server code)
import { quarterOf } from "@/server/domain/dashboard/calendar";
import { DASHBOARD_COMPARISONS, dashboardFiltersQuery } from "@/server/domain/dashboard/filter-query";
import type { DashboardFilters, DashboardPeriod } from "@/server/domain/dashboard/filters";
import { zonedDay } from "@/server/domain/dashboard/time-zone";
import { CHANNELS, type Channel } from "@/server/domain/enums";

export interface DashboardFilterOptions {
  segments: { id: number; name: string; color: string | null }[];
  stages: { id: number; name: string }[];
  regions: string[];
}

const SELECT =
  "h-9 rounded-md border border-input bg-background px-2 text-sm shadow-xs focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

/** The last six calendar quarters, newest first, as "2026-Q4" values. */
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

function periodValue(period: DashboardPeriod): string {
  if (period.kind === "quarter") return `${period.year}-Q${period.quarter}`;
  return period.kind;
}

/**
 * The dashboard's filters, kept in the URL: every change pushes a new URL (shareable, and the back
 * button restores the previous view); the page reads the filters from it.
 */
export function DashboardFilterBar({ filters, options }: { filters: DashboardFilters; options: DashboardFilterOptions }) {
  const { t } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const custom = filters.period.kind === "custom" ? filters.period : null;
  const [range, setRange] = useState({ from: custom?.from ?? "", to: custom?.to ?? "" });
  const [showCustom, setShowCustom] = useState(custom !== null);

  const apply = (next: DashboardFilters) => {
    const query = dashboardFiltersQuery(next);
    router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  const quarters = recentQuarters(new Date());

  const onPeriod = (event: ChangeEvent<HTMLSelectElement>) => {
    const value = event.target.value;
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

  const toggleSegment = (id: number) => {
    const has = filters.segmentIds.includes(id);
    apply({ ...filters, segmentIds: has ? filters.segmentIds.filter((s) => s !== id) : [...filters.segmentIds, id] });
  };
  const segmentSummary =
    filters.segmentIds.length === 0
      ? t("dashboardFilters.allSegments")
      : filters.segmentIds.length === 1
        ? (options.segments.find((s) => s.id === filters.segmentIds[0])?.name ?? t("dashboardFilters.oneSegment"))
        : t("dashboardFilters.segmentsSelected", { count: filters.segmentIds.length });

  const rangeInvalid = !range.from || !range.to || range.to < range.from;

  return (
    <form
      aria-label={t("dashboardFilters.label")}
      className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border bg-card p-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (!rangeInvalid) apply({ ...filters, period: { kind: "custom", from: range.from, to: range.to } });
      }}
    >
      <div className="flex flex-col gap-1">
        <Label htmlFor="dashboard-period">{t("dashboardFilters.period")}</Label>
        <select
          id="dashboard-period"
          className={SELECT}
          value={showCustom ? "custom" : periodValue(filters.period)}
          onChange={onPeriod}
        >
          <option value="last30">{t("dashboardFilters.last30")}</option>
          <option value="last90">{t("dashboardFilters.last90")}</option>
          <option value="last365">{t("dashboardFilters.last365")}</option>
          {quarters.map(({ year, quarter }) => (
            <option key={`${year}-Q${quarter}`} value={`${year}-Q${quarter}`}>
              {t("dashboardFilters.quarter", { year, quarter })}
            </option>
          ))}
          <option value="custom">{t("dashboardFilters.custom")}</option>
        </select>
      </div>
      {showCustom && (
        <>
          <div className="flex flex-col gap-1">
            <Label htmlFor="dashboard-from">{t("dashboardFilters.from")}</Label>
            <Input
              id="dashboard-from"
              type="date"
              className="h-9 w-40"
              value={range.from}
              onChange={(e) => setRange({ ...range, from: e.target.value })}
            />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="dashboard-to">{t("dashboardFilters.to")}</Label>
            <Input
              id="dashboard-to"
              type="date"
              className="h-9 w-40"
              value={range.to}
              aria-invalid={range.from !== "" && range.to !== "" && range.to < range.from}
              onChange={(e) => setRange({ ...range, to: e.target.value })}
            />
          </div>
          <Button type="submit" size="sm" disabled={rangeInvalid}>
            {t("dashboardFilters.applyRange")}
          </Button>
        </>
      )}
      <div className="flex flex-col gap-1">
        <Label htmlFor="dashboard-compare">{t("dashboardFilters.compare")}</Label>
        <select
          id="dashboard-compare"
          className={SELECT}
          value={filters.comparison}
          onChange={(e) => apply({ ...filters, comparison: e.target.value as DashboardFilters["comparison"] })}
        >
          {DASHBOARD_COMPARISONS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`dashboardFilters.comparison.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <span className="text-sm font-medium" id="dashboard-segments-label">
          {t("dashboardFilters.segments")}
        </span>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="outline" size="sm" className="h-9 min-w-40 justify-between" aria-labelledby="dashboard-segments-label dashboard-segments-value">
              <span id="dashboard-segments-value" className="truncate">
                {segmentSummary}
              </span>
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="start">
            <DropdownMenuItem onSelect={() => apply({ ...filters, segmentIds: [] })}>
              {t("dashboardFilters.allSegments")}
            </DropdownMenuItem>
            {options.segments.map((segment) => {
              const checked = filters.segmentIds.includes(segment.id);
              return (
                <DropdownMenuItem
                  key={segment.id}
                  role="menuitemcheckbox"
                  aria-checked={checked}
                  onSelect={(event) => {
                    event.preventDefault();
                    toggleSegment(segment.id);
                  }}
                >
                  <span aria-hidden className="inline-block size-3 rounded-sm" style={{ background: segment.color ?? undefined }} />
                  <bdi className="flex-1">{segment.name}</bdi>
                  <span aria-hidden>{checked ? "✓" : ""}</span>
                </DropdownMenuItem>
              );
            })}
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
      <OptionalSelect
        id="dashboard-channel"
        label={t("dashboardFilters.channel")}
        allLabel={t("dashboardFilters.allChannels")}
        value={filters.channel}
        options={CHANNELS.map((channel) => ({ value: channel, label: t(`enumLabels.channel.${channel}`) }))}
        onChange={(value) => apply({ ...filters, channel: value as Channel | undefined })}
      />
      <OptionalSelect
        id="dashboard-region"
        label={t("dashboardFilters.region")}
        allLabel={t("dashboardFilters.allRegions")}
        value={filters.region}
        options={options.regions.map((region) => ({ value: region, label: region }))}
        onChange={(value) => apply({ ...filters, region: value })}
      />
      <OptionalSelect
        id="dashboard-stage"
        label={t("dashboardFilters.stage")}
        allLabel={t("dashboardFilters.allStages")}
        value={filters.stageId === undefined ? undefined : String(filters.stageId)}
        options={options.stages.map((stage) => ({ value: String(stage.id), label: stage.name }))}
        onChange={(value) => apply({ ...filters, stageId: value === undefined ? undefined : Number(value) })}
      />
    </form>
  );
}

/** A labelled select whose first option ("All …") means the filter is off (`undefined`). */
function OptionalSelect(props: {
  id: string;
  label: string;
  allLabel: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={props.id}>{props.label}</Label>
      <select
        id={props.id}
        className={SELECT}
        value={props.value ?? ""}
        onChange={(e) => props.onChange(e.target.value || undefined)}
      >
        <option value="">{props.allLabel}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
