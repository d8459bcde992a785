"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { buttonVariants } from "@/components/ui/button";
import { FEEDBACK_STATUSES, type FeedbackStatus } from "@/server/domain/enums";

/** Status filter kept in the URL (`?status=`), so a filtered inbox can be shared and reloaded. */
export function FeedbackStatusFilter({ current }: { current: FeedbackStatus | undefined }) {
  const { t } = useI18n();
  const pathname = usePathname();
  const options: { value: FeedbackStatus | undefined; label: string }[] = [
    { value: undefined, label: t("lists.all") },
    ...FEEDBACK_STATUSES.map((value) => ({ value, label: t(`enumLabels.feedbackStatus.${value}`) })),
  ];
  return (
    <nav aria-label={t("lists.filterByStatus")} className="mb-4 flex flex-wrap gap-2">
      {options.map(({ value, label }) => {
        const active = value === current;
        return (
          <Link
            key={value ?? "all"}
            href={value ? { pathname, query: { status: value } } : pathname}
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
