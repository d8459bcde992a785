"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { LoadMoreButton } from "@/components/layout/load-more-button";
import { TableSkeleton } from "@/components/layout/table-skeleton";
import { Card, CardContent } from "@/components/ui/card";
import { type FeedbackFilters, hasDrillDownFilters } from "@/server/domain/feedback";
import { feedbackListInput, nextFeedbackCursor } from "./feedback-query";
import { FeedbackRow } from "./feedback-row";
import { useTimeZone } from "./use-time-zone";

export function FeedbackTable({ filters }: { filters: FeedbackFilters }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const timeZone = useTimeZone();
  const query = useSuspenseInfiniteQuery(
    trpc.feedback.list.infiniteQueryOptions(feedbackListInput(filters), { getNextPageParam: nextFeedbackCursor }),
  );
  const when = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }),
    [locale, timeZone],
  );
  const items = query.data.pages.flatMap((page) => page.items);

  if (items.length === 0) {
    return (
      <Card>
        <CardContent className="p-6 text-sm text-muted-foreground">
          {hasDrillDownFilters(filters)
            ? t("feedback.emptyDrillDown")
            : filters.status
              ? t("feedback.emptyFiltered", { status: t(`enumLabels.feedbackStatus.${filters.status}`) })
              : t("feedback.empty")}
        </CardContent>
      </Card>
    );
  }

  return (
    <Card>
      <CardContent className="overflow-x-auto p-4">
        <table className="w-full text-sm" aria-label={t("feedback.tableLabel")}>
          <thead className="text-muted-foreground">
            <tr>
              <th className="py-2 pe-4 text-start font-medium">{t("feedback.colReceived")}</th>
              <th className="py-2 pe-4 text-start font-medium">{t("feedback.colSource")}</th>
              <th className="py-2 pe-4 text-start font-medium">{t("feedback.colScore")}</th>
              <th className="py-2 pe-4 text-start font-medium">{t("feedback.colComment")}</th>
              <th className="py-2 pe-4 text-start font-medium">{t("feedback.colCustomer")}</th>
              <th className="py-2 pe-4 text-start font-medium">{t("feedback.colStage")}</th>
              <th className="py-2 pe-4 text-start font-medium">{t("feedback.colStatus")}</th>
              <th className="py-2 text-start font-medium">{t("feedback.colPriority")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <FeedbackRow key={item.id} item={item} when={when} />
            ))}
          </tbody>
        </table>
        <LoadMoreButton query={query} />
      </CardContent>
    </Card>
  );
}

export function FeedbackTableSkeleton() {
  return <TableSkeleton />;
}
