"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { CHANNELS, FEEDBACK_SOURCES, METRIC_KINDS, type MetricKind } from "@/server/domain/enums";
import type { FeedbackFilters, NpsCategory } from "@/server/domain/feedback/filters";
import type { MessageKey } from "@/server/i18n/core";
import { DateFilter } from "./date-filter";
import { languageName } from "./feedback-format";
import { FilterSelect } from "./filter-select";
import type { FeedbackFilterOptions } from "./use-filter-options";

export const FILTER_GRID = "grid grid-cols-2 gap-x-3 gap-y-2 sm:grid-cols-3 xl:grid-cols-6";

const CATEGORY_LABELS: Record<NpsCategory, MessageKey> = {
  promoter: "feedback.filters.categories.promoter",
  passive: "feedback.filters.categories.passive",
  detractor: "feedback.filters.categories.detractor",
};
const SCORES = Array.from({ length: 11 }, (_, score) => String(score));

export const toNumber = (value: string | undefined) => (value === undefined ? undefined : Number(value));

/** The filters behind "More filters": source, language, where on the journey, score and received dates. */
export function FeedbackMoreFilters({
  id,
  idPrefix,
  filters,
  options,
  languages: tags,
  set,
}: {
  id: string;
  /** Prefix of the controls' ids, unique on the page. */
  idPrefix: string;
  filters: FeedbackFilters;
  options: FeedbackFilterOptions;
  /** Languages offered (BCP 47 tags), named in the reader's language. */
  languages: readonly string[];
  set: (change: Partial<FeedbackFilters>) => void;
}) {
  const { t, locale } = useI18n();
  const stage = options.stages.find((s) => s.id === filters.stageId);
  const touchpoints = (stage ? [stage] : options.stages).flatMap((s) => s.touchpoints);
  const languages = tags
    .map((tag) => ({ value: tag, label: languageName(tag, locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  return (
    <div id={id} className={FILTER_GRID}>
      <FilterSelect
        id={`${idPrefix}-source`}
        label={t("feedback.filters.sources")}
        allLabel={t("feedback.filters.allSources")}
        value={filters.source}
        options={FEEDBACK_SOURCES.map((s) => ({ value: s, label: t(`enumLabels.feedbackSource.${s}`) }))}
        onChange={(value) => set({ source: value as FeedbackFilters["source"] })}
      />
      <FilterSelect
        id={`${idPrefix}-language`}
        label={t("feedback.filters.languages")}
        allLabel={t("feedback.filters.allLanguages")}
        value={filters.language}
        options={languages}
        onChange={(value) => set({ language: value })}
      />
      <FilterSelect
        id={`${idPrefix}-stage`}
        label={t("feedback.filters.stages")}
        allLabel={t("feedback.filters.allStages")}
        value={filters.stageId?.toString()}
        options={options.stages.map((s) => ({ value: String(s.id), label: s.name }))}
        onChange={(value) => set({ stageId: toNumber(value), touchpointId: undefined })}
      />
      <FilterSelect
        id={`${idPrefix}-touchpoint`}
        label={t("feedback.filters.touchpoints")}
        allLabel={t("feedback.filters.allTouchpoints")}
        value={filters.touchpointId?.toString()}
        options={touchpoints.map((tp) => ({ value: String(tp.id), label: tp.name }))}
        onChange={(value) => set({ touchpointId: toNumber(value) })}
      />
      <FilterSelect
        id={`${idPrefix}-channel`}
        label={t("feedback.filters.channels")}
        allLabel={t("feedback.filters.allChannels")}
        value={filters.channel}
        options={CHANNELS.map((c) => ({ value: c, label: t(`enumLabels.channel.${c}`) }))}
        onChange={(value) => set({ channel: value as FeedbackFilters["channel"] })}
      />
      <FilterSelect
        id={`${idPrefix}-region`}
        label={t("feedback.filters.regions")}
        allLabel={t("feedback.filters.allRegions")}
        value={filters.region}
        options={[
          ...(filters.region && !options.regions.includes(filters.region) ? [filters.region] : []),
          ...options.regions,
        ].map((r) => ({ value: r, label: r }))}
        onChange={(value) => set({ region: value })}
      />
      <FilterSelect
        id={`${idPrefix}-kind`}
        label={t("feedback.filters.kinds")}
        allLabel={t("feedback.filters.allKinds")}
        value={filters.metricKind}
        options={METRIC_KINDS.map((k) => ({ value: k, label: t(`enumLabels.metricKind.${k}`) }))}
        onChange={(value) =>
          set({
            metricKind: value as MetricKind | undefined,
            ...(value === "nps" ? {} : { npsCategory: undefined }),
          })
        }
      />
      <FilterSelect
        id={`${idPrefix}-category`}
        label={t("feedback.filters.npsCategory")}
        allLabel={t("feedback.filters.allCategories")}
        value={filters.npsCategory}
        options={(Object.keys(CATEGORY_LABELS) as NpsCategory[]).map((c) => ({
          value: c,
          label: t(CATEGORY_LABELS[c]),
        }))}
        onChange={(value) =>
          set({ npsCategory: value as NpsCategory | undefined, ...(value ? { metricKind: "nps" as const } : {}) })
        }
      />
      <FilterSelect
        id={`${idPrefix}-score-min`}
        label={t("feedback.filters.scoreMin")}
        allLabel={t("feedback.filters.anyScore")}
        value={filters.scoreMin?.toString()}
        options={SCORES.map((s) => ({
          value: s,
          label: s,
          disabled: filters.scoreMax !== undefined && Number(s) > filters.scoreMax,
        }))}
        onChange={(value) => set({ scoreMin: toNumber(value) })}
      />
      <FilterSelect
        id={`${idPrefix}-score-max`}
        label={t("feedback.filters.scoreMax")}
        allLabel={t("feedback.filters.anyScore")}
        value={filters.scoreMax?.toString()}
        options={SCORES.map((s) => ({
          value: s,
          label: s,
          disabled: filters.scoreMin !== undefined && Number(s) < filters.scoreMin,
        }))}
        onChange={(value) => set({ scoreMax: toNumber(value) })}
      />
      <DateFilter
        id={`${idPrefix}-from`}
        label={t("feedback.filters.dateFrom")}
        value={filters.from}
        max={filters.to}
        onCommit={(from) => set({ from })}
      />
      <DateFilter
        id={`${idPrefix}-to`}
        label={t("feedback.filters.dateTo")}
        value={filters.to}
        min={filters.from}
        onCommit={(to) => set({ to })}
      />
    </div>
  );
}
