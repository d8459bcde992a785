"use client";

import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { buttonVariants } from "@/components/ui/button";
import { FEEDBACK_STATUSES, type FeedbackStatus } from "@/server/domain/enums";
import { feedbackInboxPath, type FeedbackInboxState } from "@/server/domain/feedback/filter-query";

/**
 * Status filter kept in the URL (`?status=`), so a filtered inbox can be shared and reloaded.
 * Changing the status keeps the other filters, the order and the open item.
 */
export function FeedbackStatusFilter({ state }: { state: FeedbackInboxState }) {
  const { t } = useI18n();
  const options: { value: FeedbackStatus | undefined; label: string }[] = [
    { value: undefined, label: t("lists.all") },
    ...FEEDBACK_STATUSES.map((value) => ({ value, label: t(`enumLabels.feedbackStatus.${value}`) })),
  ];
  return (
    <nav aria-label={t("lists.filterByStatus")} className="flex flex-wrap gap-1.5">
      {options.map(({ value, label }) => {
        const active = value === state.filters.status;
        return (
          <Link
            key={value ?? "all"}
            href={feedbackInboxPath({ ...state, filters: { ...state.filters, status: value } })}
            scroll={false}
            aria-current={active ? "page" : undefined}
            className={buttonVariants({ variant: active ? "default" : "outline", size: "sm" })}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
