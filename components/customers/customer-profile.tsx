"use client";

import { useSuspenseInfiniteQuery, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatMoney } from "@/components/dashboard/format";
import { useI18n } from "@/components/i18n/i18n-provider";
import { PageHeader } from "@/components/layout/page-header";
import { StatTile } from "@/components/overview/stat-tile";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { formatNumber } from "@/server/i18n/core";
import { CustomerEraseDialog } from "./customer-erase-dialog";
import { customerPageInput, nextTimelineCursor } from "./customer-query";
import { CustomerTimeline } from "./customer-timeline";

const CATEGORY_TONE = {
  promoter: "text-positive",
  passive: "text-muted-foreground",
  detractor: "text-negative",
} as const;

/**
 * A customer: segment, latest NPS answer and category, revenue to date (exact), details, and the
 * omnichannel timeline. Admins may erase their personal data; once erased the page says when and by whom.
 */
export function CustomerProfile({
  id,
  access,
}: {
  id: number;
  access: { canErase: boolean; canReadSegments: boolean };
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const query = useSuspenseInfiniteQuery(
    trpc.customers.byId.infiniteQueryOptions(customerPageInput(id), { getNextPageParam: nextTimelineCursor }),
  );
  const { data: ws } = useSuspenseQuery(trpc.workspace.current.queryOptions());
  const c = query.data.pages[0]!;
  const entries = query.data.pages.flatMap((page) => page.timeline.items);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const title = c.name ?? (c.erased ? t("customers.erase.erasedName") : c.externalId);
  const facts: Array<[string, string]> = [
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
        <PageHeader title={title} description={c.externalId}>
          {access.canErase && !c.erased && <CustomerEraseDialog id={c.id} name={c.name ?? c.externalId} />}
        </PageHeader>
      </div>
      {c.erased && (
        <p
          role="status"
          className="mb-4 rounded-md border border-amber-500/40 bg-amber-500/10 p-3 text-sm"
          data-testid="customer-erased"
        >
          {c.erased.byName
            ? t("customers.erase.done", { date: day.format(c.erased.at), name: c.erased.byName })
            : t("customers.erase.doneUnknown", { date: day.format(c.erased.at) })}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="flex flex-col gap-1 rounded-xl border bg-card p-5" data-testid="customer-segment">
          <h2 className="text-sm font-medium text-muted-foreground">{t("customers.segment")}</h2>
          {c.segmentId !== null && c.segmentName ? (
            <p className="flex items-center gap-2 text-lg font-semibold">
              <span
                aria-hidden
                className="inline-block size-3 shrink-0 rounded-full border border-foreground/20"
                style={{ backgroundColor: c.segmentColor ?? undefined }}
              />
              {access.canReadSegments ? (
                <Link href={`/segments/${c.segmentId}`} className="text-primary underline-offset-4 hover:underline">
                  <bdi>{c.segmentName}</bdi>
                </Link>
              ) : (
                <bdi>{c.segmentName}</bdi>
              )}
            </p>
          ) : (
            <p className="text-lg text-muted-foreground">{t("customers.noSegment")}</p>
          )}
        </div>
        <div className="flex flex-col gap-1 rounded-xl border bg-card p-5" data-testid="customer-nps">
          <h2 className="text-sm font-medium text-muted-foreground">{t("customers.latestNps")}</h2>
          {c.latestNps ? (
            <>
              <p className="text-lg font-semibold">
                {c.latestNps.category ? (
                  <Badge className={CATEGORY_TONE[c.latestNps.category]}>
                    {t(`customers.npsCategory.${c.latestNps.category}`)}
                  </Badge>
                ) : null}
              </p>
              <p className="text-xs text-muted-foreground tabular-nums">
                {t("customers.npsAnswer", { score: c.latestNps.score, date: day.format(c.latestNps.at) })}
              </p>
            </>
          ) : (
            <p className="text-lg text-muted-foreground">{t("customers.noNps")}</p>
          )}
        </div>
        <StatTile
          testId="customer-revenue"
          title={t("customers.revenueToDate")}
          value={formatMoney(locale, c.revenueToDate, ws.current.currency, { cents: true })}
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
      </div>
      <section aria-labelledby="customer-details" className="mt-4">
        <h2 id="customer-details" className="sr-only">
          {t("customers.details")}
        </h2>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 rounded-xl border bg-card p-5 text-sm sm:grid-cols-[auto_minmax(0,1fr)_auto_minmax(0,1fr)]">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted-foreground">{label}</dt>
              <dd className="min-w-0 break-words">
                <bdi>{value}</bdi>
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <CustomerTimeline entries={entries} erased={c.erased !== null} query={query} />
    </>
  );
}
