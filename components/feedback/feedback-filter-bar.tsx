"use client";

import { Keyboard, SlidersHorizontal } from "lucide-react";
import { useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { CHANNELS, FEEDBACK_SOURCES, METRIC_KINDS, type MetricKind } from "@/server/domain/enums";
import type { FeedbackInboxState } from "@/server/domain/feedback/filter-query";
import type { FeedbackFilters, NpsCategory } from "@/server/domain/feedback/filters";
import type { FeedbackSort } from "@/server/domain/feedback/list";
import type { MessageKey } from "@/server/i18n/core";
import { FeedbackActiveFilters } from "./feedback-active-filters";
import type { FeedbackChipLabels } from "./feedback-filter-chips";
import { languageName } from "./feedback-format";
import { PRIORITY_ORDER, SENTIMENT_LABELS, SENTIMENTS, SORT_LABELS, SORTS } from "./feedback-labels";
import { FeedbackSearch } from "./feedback-search";
import { FeedbackStatusFilter } from "./feedback-status-filter";
import { DateFilter } from "./date-filter";
import { FilterField, FilterSelect } from "./filter-select";
import type { HistoryMode } from "./use-inbox-url";
import type { FeedbackFilterOptions } from "./use-filter-options";

const CATEGORY_LABELS: Record<NpsCategory, MessageKey> = {
  promoter: "feedback.filters.categories.promoter",
  passive: "feedback.filters.categories.passive",
  detractor: "feedback.filters.categories.detractor",
};
const SCORES = Array.from({ length: 11 }, (_, score) => String(score));
const GRID = "grid grid-cols-2 gap-x-3 gap-y-2 sm:grid-cols-3 xl:grid-cols-6";

const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));

interface FeedbackFilterBarProps {
  state: FeedbackInboxState & { sort: FeedbackSort };
  options: FeedbackFilterOptions;
  chipLabels: FeedbackChipLabels;
  /** Languages offered by the language filter (BCP 47 tags). */
  languages: readonly string[];
  me: { id: number; name: string };
  searchMaxLength: number;
  onFilters: (filters: FeedbackFilters, mode?: HistoryMode) => void;
  onSort: (sort: FeedbackSort) => void;
  onShowShortcuts: () => void;
}

/**
 * Every filter of the inbox, each a control that writes the URL: the search, the order, the status
 * buttons, the triage filters in view and the rest behind "More filters", and the active ones as chips.
 */
export function FeedbackFilterBar(props: FeedbackFilterBarProps) {
  const { state, options, me, onFilters } = props;
  const { filters } = state;
  const { t, locale } = useI18n();
  const id = useId();
  const moreSet = [
    filters.source,
    filters.language,
    filters.stageId,
    filters.touchpointId,
    filters.channel,
    filters.region,
    filters.metricKind,
    filters.scoreMin,
    filters.scoreMax,
    filters.from,
    filters.to,
  ].some((value) => value !== undefined);
  const [showMore, setShowMore] = useState(moreSet);
  const set = (change: Partial<FeedbackFilters>) => onFilters({ ...filters, ...change });

  const owner =
    filters.assigneeId !== undefined && filters.teamId !== undefined
      ? "several"
      : filters.assigneeId !== undefined
        ? `u:${filters.assigneeId}`
        : filters.teamId !== undefined
          ? `t:${filters.teamId}`
          : undefined;
  // who may not assign has no list of people and teams (feedback.assignees): the chips still name an owner in the URL
  const showOwner = options.users.length + options.teams.length > 0;
  const segment =
    filters.segmentIds.length > 1
      ? "several"
      : filters.segmentIds[0] === null
        ? "none"
        : filters.segmentIds[0]?.toString();
  const stage = options.stages.find((s) => s.id === filters.stageId);
  const touchpoints = (stage ? [stage] : options.stages).flatMap((s) => s.touchpoints);
  const languages = props.languages
    .map((tag) => ({ value: tag, label: languageName(tag, locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));

  return (
    <section aria-label={t("feedback.filters.bar")} className="mb-4 flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-2">
        <FeedbackSearch
          value={filters.q}
          maxLength={props.searchMaxLength}
          onSearch={(q, mode) => onFilters({ ...filters, q }, mode)}
        />
        <div className="flex items-center gap-2">
          <label htmlFor={`${id}-sort`} className="sr-only">
            {t("feedback.sort.label")}
          </label>
          <NativeSelect
            id={`${id}-sort`}
            className="w-auto"
            value={state.sort}
            onChange={(event) => props.onSort(event.target.value as FeedbackSort)}
          >
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(SORT_LABELS[sort])}
              </option>
            ))}
          </NativeSelect>
          <Button
            type="button"
            variant="outline"
            aria-expanded={showMore}
            aria-controls={`${id}-more`}
            onClick={() => setShowMore((open) => !open)}
          >
            <SlidersHorizontal aria-hidden />
            {showMore ? t("feedback.filters.fewer") : t("feedback.filters.more")}
          </Button>
          <Button
            type="button"
            variant="ghost"
            size="icon"
            aria-label={t("feedback.shortcuts.open")}
            title={t("feedback.shortcuts.open")}
            onClick={props.onShowShortcuts}
          >
            <Keyboard aria-hidden />
          </Button>
        </div>
      </div>
      <FeedbackStatusFilter state={state} />
      <div className={GRID}>
        <FilterSelect
          id={`${id}-priority`}
          label={t("feedback.filters.priorities")}
          allLabel={t("feedback.filters.allPriorities")}
          value={filters.priority}
          options={PRIORITY_ORDER.map((p) => ({ value: p, label: t(`enumLabels.priority.${p}`) }))}
          onChange={(value) => set({ priority: value as FeedbackFilters["priority"] })}
        />
        <FilterSelect
          id={`${id}-sentiment`}
          label={t("feedback.sentiment.label")}
          allLabel={t("feedback.filters.allSentiments")}
          value={filters.sentiment}
          options={SENTIMENTS.map((s) => ({ value: s, label: t(SENTIMENT_LABELS[s]) }))}
          onChange={(value) => set({ sentiment: value as FeedbackFilters["sentiment"] })}
        />
        {showOwner && (
          <FilterSelect
            id={`${id}-owner`}
            label={t("feedback.filters.owner")}
            allLabel={t("feedback.filters.anyOwner")}
            value={owner}
            options={[
              ...(owner === "several"
                ? [{ value: "several", label: t("feedback.filters.owner"), disabled: true }]
                : []),
              { value: `u:${me.id}`, label: t("feedback.filters.me", { name: me.name }) },
            ]}
            groups={[
              {
                label: t("feedback.filters.people"),
                options: options.users
                  .filter((u) => u.id !== me.id)
                  .map((u) => ({ value: `u:${u.id}`, label: u.name })),
              },
              {
                label: t("feedback.filters.teams"),
                options: options.teams.map((team) => ({ value: `t:${team.id}`, label: team.name })),
              },
            ]}
            onChange={(value) => {
              const [kind, raw] = value?.split(":") ?? [];
              set({
                assigneeId: kind === "u" ? Number(raw) : undefined,
                teamId: kind === "t" ? Number(raw) : undefined,
              });
            }}
          />
        )}
        <FilterSelect
          id={`${id}-theme`}
          label={t("feedback.filters.themes")}
          allLabel={t("feedback.filters.allThemes")}
          value={filters.themeId?.toString()}
          options={options.themes.map((theme) => ({ value: String(theme.id), label: theme.name }))}
          onChange={(value) => set({ themeId: number(value) })}
        />
        <FilterSelect
          id={`${id}-segment`}
          label={t("feedback.filters.segments")}
          allLabel={t("feedback.filters.allSegments")}
          value={segment}
          options={[
            ...(segment === "several"
              ? [{ value: "several", label: t("feedback.filters.segments"), disabled: true }]
              : []),
            ...options.segments.map((s) => ({ value: String(s.id), label: s.name })),
            { value: "none", label: t("feedback.filters.noSegment") },
          ]}
          onChange={(value) =>
            set({ segmentIds: value === undefined ? [] : value === "none" ? [null] : [Number(value)] })
          }
        />
        <FilterField id={`${id}-overdue`} label={t("feedback.due.overdue")}>
          <Button
            id={`${id}-overdue`}
            type="button"
            variant={filters.overdue ? "default" : "outline"}
            aria-pressed={filters.overdue === true}
            onClick={() => set({ overdue: filters.overdue ? undefined : true })}
          >
            {t("feedback.filters.overdue")}
          </Button>
        </FilterField>
      </div>
      {showMore && (
        <div id={`${id}-more`} className={GRID}>
          <FilterSelect
            id={`${id}-source`}
            label={t("feedback.filters.sources")}
            allLabel={t("feedback.filters.allSources")}
            value={filters.source}
            options={FEEDBACK_SOURCES.map((s) => ({ value: s, label: t(`enumLabels.feedbackSource.${s}`) }))}
            onChange={(value) => set({ source: value as FeedbackFilters["source"] })}
          />
          <FilterSelect
            id={`${id}-language`}
            label={t("feedback.filters.languages")}
            allLabel={t("feedback.filters.allLanguages")}
            value={filters.language}
            options={languages}
            onChange={(value) => set({ language: value })}
          />
          <FilterSelect
            id={`${id}-stage`}
            label={t("feedback.filters.stages")}
            allLabel={t("feedback.filters.allStages")}
            value={filters.stageId?.toString()}
            options={options.stages.map((s) => ({ value: String(s.id), label: s.name }))}
            onChange={(value) => set({ stageId: number(value), touchpointId: undefined })}
          />
          <FilterSelect
            id={`${id}-touchpoint`}
            label={t("feedback.filters.touchpoints")}
            allLabel={t("feedback.filters.allTouchpoints")}
            value={filters.touchpointId?.toString()}
            options={touchpoints.map((tp) => ({ value: String(tp.id), label: tp.name }))}
            onChange={(value) => set({ touchpointId: number(value) })}
          />
          <FilterSelect
            id={`${id}-channel`}
            label={t("feedback.filters.channels")}
            allLabel={t("feedback.filters.allChannels")}
            value={filters.channel}
            options={CHANNELS.map((c) => ({ value: c, label: t(`enumLabels.channel.${c}`) }))}
            onChange={(value) => set({ channel: value as FeedbackFilters["channel"] })}
          />
          <FilterSelect
            id={`${id}-region`}
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
            id={`${id}-kind`}
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
            id={`${id}-category`}
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
            id={`${id}-score-min`}
            label={t("feedback.filters.scoreMin")}
            allLabel={t("feedback.filters.anyScore")}
            value={filters.scoreMin?.toString()}
            options={SCORES.map((s) => ({
              value: s,
              label: s,
              disabled: filters.scoreMax !== undefined && Number(s) > filters.scoreMax,
            }))}
            onChange={(value) => set({ scoreMin: number(value) })}
          />
          <FilterSelect
            id={`${id}-score-max`}
            label={t("feedback.filters.scoreMax")}
            allLabel={t("feedback.filters.anyScore")}
            value={filters.scoreMax?.toString()}
            options={SCORES.map((s) => ({
              value: s,
              label: s,
              disabled: filters.scoreMin !== undefined && Number(s) < filters.scoreMin,
            }))}
            onChange={(value) => set({ scoreMax: number(value) })}
          />
          <DateFilter
            id={`${id}-from`}
            label={t("feedback.filters.dateFrom")}
            value={filters.from}
            max={filters.to}
            onCommit={(from) => set({ from })}
          />
          <DateFilter
            id={`${id}-to`}
            label={t("feedback.filters.dateTo")}
            value={filters.to}
            min={filters.from}
            onCommit={(to) => set({ to })}
          />
        </div>
      )}
      <FeedbackActiveFilters state={state} labels={props.chipLabels} />
    </section>
  );
}
