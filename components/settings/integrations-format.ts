import { useMemo } from "react";
import { useTimeZone } from "@/components/feedback/use-time-zone";
import { useI18n } from "@/components/i18n/i18n-provider";

/** Formats an instant of the integrations tables (medium date, short time) in the viewer's zone. */
export function useWhen(): (date: Date) => string {
  const { locale } = useI18n();
  const timeZone = useTimeZone();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
    return (date: Date) => format.format(date);
  }, [locale, timeZone]);
}

/** "<day> by <name>", or the day alone once the creator's account is gone. */
export function useCreated(): (at: Date, by: string | null) => string {
  const { t, locale } = useI18n();
  const timeZone = useTimeZone();
  const day = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }), [locale, timeZone]);
  return (at, by) =>
    by
      ? t("settingsIntegrations.createdBy", { date: day.format(at), name: by })
      : t("settingsIntegrations.createdOn", { date: day.format(at) });
}
