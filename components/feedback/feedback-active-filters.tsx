"use client";

import { X } from "lucide-react";
import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { FeedbackFilters } from "@/server/domain/feedback";
import { feedbackFilterChips, feedbackInboxPath } from "./feedback-filter-chips";
import type { FeedbackFilterLabels } from "./feedback-query";

/**
 * The drill-down filters of the URL as removable chips, and "Clear all" (which keeps the status,
 * chosen with the buttons above). Renders nothing when only the status is set.
 */
export function FeedbackActiveFilters({ filters, labels }: { filters: FeedbackFilters; labels: FeedbackFilterLabels }) {
  const { t, locale } = useI18n();
  const chips = feedbackFilterChips(filters, labels, t, locale);
  if (chips.length === 0) return null;
  return (
    <div className="mb-4 flex flex-wrap items-center gap-2">
      <ul aria-label={t("feedback.filters.label")} className="flex flex-wrap items-center gap-2">
        {chips.map((chip) => (
          <li key={chip.key}>
            <Link
              href={chip.href}
              scroll={false}
              title={chip.title}
              aria-label={t("feedback.filters.remove", { filter: chip.label })}
              className="inline-flex items-center gap-1.5 rounded-full border bg-muted px-3 py-1 text-sm transition-colors hover:border-foreground/30 hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              <span dir="auto">{chip.label}</span>
              <X aria-hidden className="size-3.5 text-muted-foreground" />
            </Link>
          </li>
        ))}
      </ul>
      <Link
        href={feedbackInboxPath({ segmentIds: [], status: filters.status })}
        scroll={false}
        className="px-1 text-sm font-medium text-muted-foreground underline-offset-4 hover:text-foreground hover:underline"
      >
        {t("feedback.filters.clearAll")}
      </Link>
    </div>
  );
}
