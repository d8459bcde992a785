"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { AppRouter } from "@/server/api/root";
import type { Kpi } from "@/server/domain/enums";
import { TARGET_VALUE_RULES } from "@/server/domain/targets";

export type Target = inferRouterOutputs<AppRouter>["targets"]["list"]["items"][number];

/** How the targets page writes a KPI, a scope, a target value and a calendar date. */
export function useTargetFormat(currency: string) {
  const { t, locale } = useI18n();
  // a calendar day (YYYY-MM-DD) is that day whatever the viewer's zone
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const numbers = {
    score: new Intl.NumberFormat(locale, { maximumFractionDigits: 2, signDisplay: "exceptZero" }),
    percent: new Intl.NumberFormat(locale, { style: "unit", unit: "percent", maximumFractionDigits: 2 }),
    mean: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 }),
    money: new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 2 }),
  };
  return {
    kpi: (kpi: Kpi) => t(`enumLabels.kpi.${kpi}`),
    scope: (target: Pick<Target, "scope" | "segmentName" | "stageName" | "channel">) => {
      const unknown = t("targets.scopeUnknown");
      if (target.scope === "segment") return t("targets.scopeSegment", { name: target.segmentName ?? unknown });
      if (target.scope === "stage") return t("targets.scopeStage", { name: target.stageName ?? unknown });
      if (target.scope === "channel") {
        return t("targets.scopeChannel", { name: target.channel ? t(`enumLabels.channel.${target.channel}`) : unknown });
      }
      return t("targets.scopeAll");
    },
    // numeric text goes to Intl as a string, so money is never rounded through a float
    value: (kpi: Kpi, value: string) => numbers[TARGET_VALUE_RULES[kpi].unit].format(value as unknown as number),
    date: (date: string) => dates.format(new Date(`${date}T00:00:00Z`)),
  };
}
