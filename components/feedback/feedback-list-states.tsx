"use client";

import { Inbox } from "lucide-react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { hasInboxFilters } from "./feedback-inbox-state";
import { FeedbackActiveFilters } from "./feedback-active-filters";
import type { FeedbackChipLabels } from "./feedback-filter-chips";
import type { FeedbackInboxState } from "@/server/domain/feedback/filter-query";

/** Placeholder rows, shaped like the real ones, while the first page loads. */
export function FeedbackListSkeleton({ rows = 8 }: { rows?: number }) {
  const { t } = useI18n();
  return (
    <div className="rounded-xl border bg-card shadow-sm" aria-busy="true">
      <span className="sr-only" role="status">
        {t("feedback.loadingMore")}
      </span>
      <div className="border-b px-3 py-2">
        <Skeleton className="h-4 w-32" />
      </div>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-start gap-3 border-b px-3 py-2.5">
          <Skeleton className="size-11 rounded-lg" />
          <div className="flex flex-1 flex-col gap-2 pt-1">
            <Skeleton className="h-4" style={{ width: `${60 + ((i * 37) % 35)}%` }} />
            <Skeleton className="h-3 w-2/3" />
          </div>
          <Skeleton className="h-3 w-14" />
        </div>
      ))}
    </div>
  );
}

/** The first page failed: what happened, and Retry. */
export function FeedbackListError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div
      role="alert"
      data-testid="feedback-list-error"
      className="flex flex-col items-center gap-3 rounded-xl border border-destructive/40 bg-card p-8 text-center"
    >
      <p className="font-medium">{t("feedback.loadFailed")}</p>
      <p className="max-w-md text-sm text-muted-foreground">{message}</p>
      <Button variant="outline" size="sm" onClick={onRetry}>
        {t("feedback.retry")}
      </Button>
    </div>
  );
}

/** No items: an empty workspace, or the filters that hide every item, each removable. */
export function FeedbackListEmpty({ state, labels }: { state: FeedbackInboxState; labels: FeedbackChipLabels }) {
  const { t } = useI18n();
  const filtered = hasInboxFilters(state.filters);
  return (
    <div
      data-testid="feedback-empty"
      className="flex flex-col items-center gap-3 rounded-xl border bg-card p-8 text-center"
    >
      <Inbox aria-hidden className="size-8 text-muted-foreground" />
      {filtered ? (
        <>
          <p className="font-medium">{t("feedback.emptyFiltered")}</p>
          <FeedbackActiveFilters
            state={state}
            labels={labels}
            includeStatus
            listLabel={t("feedback.emptyFilters")}
            className="justify-center"
          />
          <p className="text-sm text-muted-foreground">{t("feedback.emptyHint")}</p>
        </>
      ) : (
        <p className="max-w-lg text-sm text-muted-foreground">{t("feedback.empty")}</p>
      )}
    </div>
  );
}
