"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { formatCount, formatDay } from "@/components/dashboard/format";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { FeedbackFilters } from "@/server/domain/feedback/filters";
import { themeInboxHref } from "./analytics-params";
import { LazyPriorityMatrixChart } from "./lazy-priority-matrix";
import { ThemeImpactTable } from "./theme-impact-table";

/** The message of a failed query, for the chart's error state. */
function failure(error: unknown, fallback: string): string | null {
  if (!error) return null;
  return error instanceof Error && error.message ? error.message : fallback;
}

/**
 * Theme analytics for one set of filters (`input`, computed by the page from its URL): the priority
 * matrix and the table of every theme, from one themes.impact query. Changing filters keeps the
 * previous figures on screen until the new ones arrive. A dot or a row opens the inbox filtered to
 * that theme, with the same filters and period.
 */
export function ThemeAnalyticsView({ input }: { input: FeedbackFilters }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const impact = useQuery({ ...trpc.themes.impact.queryOptions(input), placeholderData: keepPreviousData });
  const hrefOf = useCallback((themeId: number) => themeInboxHref(themeId, input), [input]);
  const open = useCallback((themeId: number) => router.push(hrefOf(themeId)), [router, hrefOf]);
  const from = input.from ?? "";
  const to = input.to ?? "";

  return (
    <div className="flex flex-col gap-6" aria-busy={impact.isFetching}>
      {impact.data && (
        <p className="text-sm text-muted-foreground" data-testid="analytics-summary">
          {t("themeAnalytics.summary", {
            count: formatCount(locale, impact.data.responses),
            from: formatDay(locale, from),
            to: formatDay(locale, to),
          })}
        </p>
      )}
      <LazyPriorityMatrixChart
        data={impact.data}
        from={from}
        to={to}
        onOpen={open}
        loading={impact.isPending}
        error={failure(impact.error, t("themeAnalytics.loadFailed"))}
        onRetry={() => void impact.refetch()}
      />
      {!impact.isError && (
        <ThemeImpactTable rows={impact.data?.themes} loading={impact.isPending} hrefOf={hrefOf} onOpen={open} />
      )}
    </div>
  );
}
