"use client";

import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { CHANNELS, type Channel } from "@/server/domain/enums";
import {
  ROLLING_PERIODS,
  type RollingPeriod,
  type ThemeAnalyticsFilters,
  themeAnalyticsHref,
} from "./analytics-params";

export interface AnalyticsFilterOptions {
  segments: { id: number; name: string }[];
  stages: { id: number; name: string }[];
}

/**
 * The page's filters, kept in the URL: every change pushes a new URL (shareable; Back restores the
 * previous view) and the page reads the filters from it.
 */
export function AnalyticsFilters({
  filters,
  options,
}: {
  filters: ThemeAnalyticsFilters;
  options: AnalyticsFilterOptions;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const apply = (next: ThemeAnalyticsFilters) => router.push(themeAnalyticsHref(next), { scroll: false });
  const optional = (value: string) => (value === "" ? undefined : Number(value));

  return (
    <div role="group" aria-label={t("themeAnalytics.filtersLabel")} className="mb-6 flex flex-wrap items-end gap-3">
      <Field id="analytics-period" label={t("dashboardFilters.period")}>
        <NativeSelect
          id="analytics-period"
          value={filters.period}
          onChange={(event) => apply({ ...filters, period: event.target.value as RollingPeriod })}
        >
          {ROLLING_PERIODS.map((period) => (
            <option key={period} value={period}>
              {t(`dashboardFilters.${period}`)}
            </option>
          ))}
        </NativeSelect>
      </Field>
      {options.segments.length > 0 && (
        <Field id="analytics-segment" label={t("themeAnalytics.segment")}>
          <NativeSelect
            id="analytics-segment"
            value={filters.segmentId ?? ""}
            onChange={(event) => apply({ ...filters, segmentId: optional(event.target.value) })}
          >
            <option value="">{t("dashboardFilters.allSegments")}</option>
            {options.segments.map((segment) => (
              <option key={segment.id} value={segment.id}>
                {segment.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
      )}
      {options.stages.length > 0 && (
        <Field id="analytics-stage" label={t("dashboardFilters.stage")}>
          <NativeSelect
            id="analytics-stage"
            value={filters.stageId ?? ""}
            onChange={(event) => apply({ ...filters, stageId: optional(event.target.value) })}
          >
            <option value="">{t("dashboardFilters.allStages")}</option>
            {options.stages.map((stage) => (
              <option key={stage.id} value={stage.id}>
                {stage.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
      )}
      <Field id="analytics-channel" label={t("dashboardFilters.channel")}>
        <NativeSelect
          id="analytics-channel"
          value={filters.channel ?? ""}
          onChange={(event) =>
            apply({ ...filters, channel: event.target.value === "" ? undefined : (event.target.value as Channel) })
          }
        >
          <option value="">{t("dashboardFilters.allChannels")}</option>
          {CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(`enumLabels.channel.${channel}`)}
            </option>
          ))}
        </NativeSelect>
      </Field>
    </div>
  );
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-40 flex-col gap-1.5">
      <Label htmlFor={id} className="text-xs text-muted-foreground">
        {label}
      </Label>
      {children}
    </div>
  );
}
