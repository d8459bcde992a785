"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { PageHeader } from "@/components/layout/page-header";
import { StatTile } from "@/components/overview/stat-tile";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatMoney, formatNumber } from "@/server/i18n/core";

export function CustomerProfile({ id }: { id: number }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const { data: c } = useSuspenseQuery(trpc.customers.byId.queryOptions({ id }));
  const { data: ws } = useSuspenseQuery(trpc.workspace.current.queryOptions());
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const facts: Array<[string, string]> = [
    [t("customers.colSegment"), c.segmentName ?? t("customers.noSegment")],
    [t("customers.colRegion"), c.region ?? t("lists.none")],
    [t("customers.email"), c.email ?? t("customers.noName")],
    [
      t("customers.preferredChannel"),
      c.preferredChannel ? t(`enumLabels.channel.${c.preferredChannel}`) : t("lists.none"),
    ],
    [t("customers.colSince"), day.format(c.createdAt)],
    [
      t("customers.colStatus"),
      c.churnedAt ? t("customers.churned", { date: day.format(c.churnedAt) }) : t("customers.active"),
    ],
  ];
  return (
    <>
      <Link href="/customers" className="text-sm text-primary underline-offset-4 hover:underline">
        {t("customers.backToList")}
      </Link>
      <div className="mt-2">
        <PageHeader title={c.name ?? c.externalId} description={c.externalId} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <StatTile
          testId="customer-revenue"
          title={t("customers.revenueToDate")}
          value={formatMoney(locale, c.revenueToDate, ws.current.currency)}
          caption={t("customers.orderCount", { count: formatNumber(locale, c.orderCount) })}
        />
        <StatTile
          testId="customer-feedback"
          title={t("customers.feedbackCount")}
          value={formatNumber(locale, c.feedbackCount)}
          caption={
            c.lastFeedbackAt ? t("customers.lastFeedback", { date: day.format(c.lastFeedbackAt) }) : t("lists.none")
          }
        />
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 rounded-xl border bg-card p-5 text-sm">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted-foreground">{label}</dt>
              <dd className="min-w-0 break-words">
                <bdi>{value}</bdi>
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </>
  );
}
