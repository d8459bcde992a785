"use client";

import { X } from "lucide-react";
import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { cn } from "@/components/ui/cn";
import { feedbackInboxPath, type FeedbackInboxState } from "@/server/domain/feedback/filter-query";
import { type FeedbackChipLabels, feedbackFilterChips } from "./feedback-filter-chips";

const CHIP =
  "inline-flex max-w-full items-center gap-1.5 rounded-full border bg-muted px-3 py-1 text-sm transition-colors hover:border-foreground/30 hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

/**
 * The filters of the URL as removable chips, and "Clear all". Without `includeStatus` the status is
 * left to the status buttons and kept by "Clear all"; with it (the empty list's explanation) every
 * filter is a chip and "Clear all" shows the whole inbox. Renders nothing without chips.
 */
export function FeedbackActiveFilters({
  state,
  labels,
  includeStatus = false,
  listLabel,
  className,
}: {
  state: FeedbackInboxState;
  labels: FeedbackChipLabels;
  includeStatus?: boolean;
  /** The chips' list name; "Active filters" by default. */
  listLabel?: string;
  className?: string;
}) {
  const { t, locale } = useI18n();
  const { filters, ...keep } = state;
  const chips = feedbackFilterChips(filters, labels, t, locale, { keep, includeStatus });
  if (chips.length === 0) return null;
  const cleared = { ...keep, filters: { segmentIds: [], ...(includeStatus ? {} : { status: filters.status }) } };
  return (
    <div className={cn("flex flex-wrap items-center gap-2", className)}>
      <ul aria-label={listLabel ?? t("feedback.filters.label")} className="flex min-w-0 flex-wrap items-center gap-2">
        {chips.map((chip) => (
          <li key={chip.key} className="min-w-0">
            <Link
              href={chip.href}
              scroll={false}
              title={chip.title}
              aria-label={t("feedback.filters.remove", { filter: chip.label })}
              className={CHIP}
            >
              <span dir="auto" className="truncate">
                {chip.label}
              </span>
              <X aria-hidden className="size-3.5 shrink-0 text-muted-foreground" />
            </Link>
          </li>
        ))}
      </ul>
      <Link
        href={feedbackInboxPath(cleared)}
        scroll={false}
        className="px-1 text-sm font-medium text-muted-foreground underline-offset-4 hover:text-foreground hover:underline"
      >
        {t("feedback.filters.clearAll")}
      </Link>
    </div>
  );
}
