"use client";

import { ShoppingBag, Undo2 } from "lucide-react";
import Link from "next/link";
import { useId } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { cn } from "@/components/ui/cn";
import type { MetricKind } from "@/server/domain/enums";
import { formatMoney } from "@/server/i18n/core";
import { ScoreBox } from "./feedback-badges";
import type { FeedbackDetail } from "./feedback-query";

type Customer = NonNullable<FeedbackDetail["customer"]>;

const METRIC_KINDS = new Set<string>(["nps", "csat", "ces", "rating", "none"]);
const asKind = (kind: string | null): MetricKind => (kind && METRIC_KINDS.has(kind) ? (kind as MetricKind) : "none");

/**
 * Who gave this feedback: segment, region and revenue to date, then their timeline (feedback and
 * orders, newest first), so a manager sees a detractor's value and history before acting.
 */
export function FeedbackCustomerCard({
  customer,
  currentId,
  when,
  onOpenItem,
}: {
  customer: FeedbackDetail["customer"];
  currentId: number;
  when: Intl.DateTimeFormat;
  onOpenItem: (id: number) => void;
}) {
  const { t, locale } = useI18n();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h3 id={headingId} className="text-sm font-semibold">
        {t("feedback.customer.heading")}
      </h3>
      {customer ? (
        <CustomerBody customer={customer} currentId={currentId} when={when} onOpenItem={onOpenItem} locale={locale} />
      ) : (
        <p className="text-sm text-muted-foreground">{t("feedback.customer.anonymous")}</p>
      )}
    </section>
  );
}

function CustomerBody({
  customer,
  currentId,
  when,
  onOpenItem,
  locale,
}: {
  customer: Customer;
  currentId: number;
  when: Intl.DateTimeFormat;
  onOpenItem: (id: number) => void;
  locale: string;
}) {
  const { t } = useI18n();
  const none = t("lists.none");
  return (
    <div className="flex flex-col gap-3 rounded-lg border p-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Link href={`/customers/${customer.id}`} className="font-medium underline-offset-4 hover:underline">
          <bdi>{customer.name ?? customer.externalId}</bdi>
        </Link>
        {customer.name && <bdi className="text-xs text-muted-foreground">{customer.externalId}</bdi>}
      </div>
      <dl className="grid grid-cols-3 gap-2 text-sm">
        <div>
          <dt className="text-xs text-muted-foreground">{t("feedback.customer.segment")}</dt>
          <dd>
            <bdi>{customer.segment?.name ?? t("feedback.filters.noSegment")}</bdi>
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">{t("feedback.customer.region")}</dt>
          <dd>
            <bdi>{customer.region ?? none}</bdi>
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">{t("feedback.customer.revenue")}</dt>
          <dd className="font-semibold tabular-nums" data-testid="customer-revenue-to-date">
            {formatMoney(locale, customer.revenueToDate, customer.currency)}
          </dd>
        </div>
      </dl>
      <div>
        <h4 className="mb-1.5 text-xs font-medium text-muted-foreground">{t("feedback.customer.timeline")}</h4>
        {customer.timeline.length <= 1 &&
        customer.timeline.every((e) => e.kind === "feedback" && e.id === currentId) ? (
          <p className="text-sm text-muted-foreground">{t("feedback.customer.timelineEmpty")}</p>
        ) : (
          <ol className="flex max-h-72 flex-col gap-1 overflow-y-auto pe-1">
            {customer.timeline.map((entry) => (
              <li key={`${entry.kind}-${entry.id}`} className="flex items-center gap-2 text-sm">
                <time
                  dateTime={entry.at.toISOString()}
                  className="w-24 shrink-0 text-xs tabular-nums text-muted-foreground"
                >
                  {when.format(entry.at)}
                </time>
                {entry.kind === "order" ? (
                  <span className="flex min-w-0 flex-1 items-center gap-2">
                    {entry.orderKind === "refund" ? (
                      <Undo2 aria-hidden className="size-4 shrink-0 text-negative" />
                    ) : (
                      <ShoppingBag aria-hidden className="size-4 shrink-0 text-muted-foreground" />
                    )}
                    <span>
                      {t(entry.orderKind === "refund" ? "feedback.customer.refund" : "feedback.customer.purchase")}
                    </span>
                    <span className={cn("ms-auto tabular-nums", entry.orderKind === "refund" && "text-negative")}>
                      {formatMoney(locale, entry.amount, customer.currency)}
                    </span>
                  </span>
                ) : (
                  <button
                    type="button"
                    disabled={entry.id === currentId}
                    aria-label={t("feedback.customer.openFeedback", { id: entry.id })}
                    onClick={() => onOpenItem(entry.id)}
                    className="flex min-w-0 flex-1 items-center gap-2 rounded-md px-1 py-0.5 text-start hover:bg-accent disabled:cursor-default disabled:bg-accent/60 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                  >
                    <ScoreBox
                      kind={asKind(entry.metricKind)}
                      score={entry.score}
                      className="size-8 rounded-md [&>span:first-child]:text-sm [&>span:last-child]:hidden"
                    />
                    <span dir="auto" className="min-w-0 flex-1 truncate">
                      {entry.text ?? t("feedback.noText")}
                    </span>
                    {entry.id === currentId && (
                      <span className="text-xs text-muted-foreground">{t("feedback.customer.thisItem")}</span>
                    )}
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
