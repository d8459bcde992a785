"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { cn } from "@/components/ui/cn";

/** The visible mark of a figure computed from fewer than 30 answers or customers. */
export function LowSampleBadge({ className }: { className?: string }) {
  const { t } = useI18n();
  return (
    <span
      title={t("dashboard.lowSampleHint")}
      className={cn(
        "inline-flex items-center gap-1 whitespace-nowrap rounded border border-dashed border-amber-600/70 px-1.5 py-px text-[11px] font-medium text-amber-800 dark:border-amber-400/70 dark:text-amber-300",
        className,
      )}
    >
      <span aria-hidden>◌</span>
      {t("dashboard.lowSample")}
    </span>
  );
}
