"use client";

import { usePathname, useRouter } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
// module paths, not the domain index: the index also carries the zod schemas (server code)
import { dashboardFiltersQuery } from "@/server/domain/dashboard/filter-query";
import type { DashboardFilters } from "@/server/domain/dashboard/filters";
import { CHANNELS, type Channel } from "@/server/domain/enums";
import { PeriodFilterForm } from "./period-filter-form";

export interface DashboardFilterOptions {
  segments: { id: number; name: string; color: string | null }[];
  stages: { id: number; name: string }[];
  regions: string[];
}

/**
 * The dashboard's filters, kept in the URL: every change pushes a new URL (shareable, and the back
 * button restores the previous view); the page reads the filters from it.
 */
export function DashboardFilterBar({
  filters,
  options,
}: {
  filters: DashboardFilters;
  options: DashboardFilterOptions;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const pathname = usePathname();

  const apply = (next: DashboardFilters) => {
    const query = dashboardFiltersQuery(next);
    router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
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

  return (
    <PeriodFilterForm
      label={t("dashboardFilters.label")}
      idPrefix="dashboard"
      className="mb-6"
      periodLabel={t("dashboardFilters.period")}
      compareLabel={t("dashboardFilters.compare")}
      period={filters.period}
      comparison={filters.comparison}
      onChange={(next) => apply({ ...filters, ...next })}
    >
      <div className="flex flex-col gap-1">
        <span className="text-sm font-medium" id="dashboard-segments-label">
          {t("dashboardFilters.segments")}
        </span>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button
              variant="outline"
              size="sm"
              className="h-9 min-w-40 justify-between"
              aria-labelledby="dashboard-segments-label dashboard-segments-value"
            >
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
                  <span
                    aria-hidden
                    className="inline-block size-3 rounded-sm"
                    style={{ background: segment.color ?? undefined }}
                  />
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
    </PeriodFilterForm>
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
      <NativeSelect
        id={props.id}
        className="w-auto"
        value={props.value ?? ""}
        onChange={(e) => props.onChange(e.target.value || undefined)}
      >
        <option value="">{props.allLabel}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
