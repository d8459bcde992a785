"use client";

import { formatCount } from "@/components/dashboard/format";
import { useI18n } from "@/components/i18n/i18n-provider";
import { slaDays } from "./sla-draft";

/** How the SLA page writes a target: "4 h", or "168 h (7 d)" when it is whole days. */
export function useSlaHours(): (hours: number) => string {
  const { t, locale } = useI18n();
  return (hours) => {
    const days = slaDays(hours);
    const shown = formatCount(locale, hours);
    return days === null
      ? t("settingsSla.hours", { hours: shown })
      : t("settingsSla.hoursAndDays", { hours: shown, days: formatCount(locale, days) });
  };
}
