"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Skeleton } from "@/components/ui/skeleton";
import { formatMoney, formatNumber } from "@/server/i18n/core";
import { StatTile } from "./stat-tile";

export function OverviewTiles() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.overview.counts.queryOptions());
  const { data: ws } = useSuspenseQuery(trpc.workspace.current.queryOptions());
  const month = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    data.thisMonth.start,
  );
  const money = (amount: string) => formatMoney(locale, amount, data.currency);
  return (
    <section aria-label={t("overview.subtitle", { workspace: ws.current.name })}>
      <p className="mb-4 text-sm text-muted-foreground">{t("overview.subtitle", { workspace: ws.current.name })}</p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <StatTile
          testId="stat-feedback"
          title={t("overview.feedbackThisMonth")}
          value={formatNumber(locale, data.thisMonth.feedback)}
          caption={`${t("overview.monthToDate", { month })} · ${t("overview.lastMonth", {
            value: formatNumber(locale, data.lastMonth.feedback),
          })}`}
        />
        <StatTile
          testId="stat-customers"
          title={t("overview.activeCustomers")}
          value={formatNumber(locale, data.activeCustomers)}
          caption={t("overview.customersHint")}
        />
        <StatTile
          testId="stat-revenue"
          title={t("overview.revenueThisMonth")}
          value={money(data.thisMonth.revenue)}
          caption={`${t("overview.monthToDate", { month })} · ${t("overview.lastMonth", {
            value: money(data.lastMonth.revenue),
          })}`}
        />
      </div>
    </section>
  );
}

export function OverviewTilesSkeleton() {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-busy="true">
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} className="h-32 rounded-xl" />
      ))}
    </div>
  );
}
