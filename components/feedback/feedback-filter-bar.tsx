"use client";

import { Keyboard, SlidersHorizontal } from "lucide-react";
import { useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import type { FeedbackInboxState } from "@/server/domain/feedback/filter-query";
import type { FeedbackFilters } from "@/server/domain/feedback/filters";
import type { FeedbackSort } from "@/server/domain/feedback/list";
import { FeedbackActiveFilters } from "./feedback-active-filters";
import type { FeedbackChipLabels } from "./feedback-filter-chips";
import { PRIORITY_ORDER, SENTIMENT_LABELS, SENTIMENTS, SORT_LABELS, SORTS } from "./feedback-labels";
import { FeedbackMoreFilters, FILTER_GRID, toNumber } from "./feedback-more-filters";
import { FeedbackSearch } from "./feedback-search";
import { FeedbackStatusFilter } from "./feedback-status-filter";
import { FilterSelect } from "./filter-select";
import type { HistoryMode } from "./use-inbox-url";
import type { FeedbackFilterOptions } from "./use-filter-options";

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
  const { t } = useI18n();
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
      <div className="flex flex-wrap items-center justify-between gap-2">
        <FeedbackStatusFilter state={state} />
        <div role="group" aria-labelledby={`${id}-only`} className="flex items-center gap-2">
          <span id={`${id}-only`} className="text-xs font-medium text-muted-foreground">
            {t("feedback.filters.only")}
          </span>
          <Button
            type="button"
            size="sm"
            variant={filters.overdue ? "default" : "outline"}
            aria-pressed={filters.overdue === true}
            onClick={() => set({ overdue: filters.overdue ? undefined : true })}
          >
            {t("feedback.due.overdue")}
          </Button>
          <Button
            type="button"
            size="sm"
            variant={filters.suspicious ? "default" : "outline"}
            aria-pressed={filters.suspicious === true}
            onClick={() => set({ suspicious: filters.suspicious ? undefined : true })}
          >
            {t("feedback.filters.suspiciousLabel")}
          </Button>
        </div>
      </div>
      <div className={FILTER_GRID}>
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
          onChange={(value) => set({ themeId: toNumber(value) })}
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
      </div>
      {showMore && (
        <FeedbackMoreFilters
          id={`${id}-more`}
          idPrefix={id}
          filters={filters}
          options={options}
          languages={props.languages}
          set={set}
        />
      )}
      <FeedbackActiveFilters state={state} labels={props.chipLabels} />
    </section>
  );
}
