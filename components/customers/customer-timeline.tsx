"use client";

import { ClipboardList, MessageSquare, ShoppingBag } from "lucide-react";
import Link from "next/link";
import { formatMoney } from "@/components/dashboard/format";
import { useI18n } from "@/components/i18n/i18n-provider";
import { LoadMoreButton } from "@/components/layout/load-more-button";
import { Badge } from "@/components/ui/badge";
import type { TimelineEntry } from "@/server/services/customer-timeline";

type Translate = ReturnType<typeof useI18n>["t"];

/**
 * A customer's omnichannel history, newest first: feedback (score, status, stage, the text as
 * written — right to left when it is), orders (exact amounts), and improvement actions linked to
 * their feedback. "Load more" reads the next keyset page.
 */
export function CustomerTimeline({
  entries,
  erased,
  query,
}: {
  entries: TimelineEntry[];
  erased: boolean;
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };
}) {
  const { t, locale } = useI18n();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

  return (
    <section aria-labelledby="customer-timeline" className="mt-8">
      <h2 id="customer-timeline" className="text-lg font-semibold">
        {t("customers.timeline.heading")}
      </h2>
      <p className="mb-3 text-sm text-muted-foreground">{t("customers.timeline.description")}</p>
      {entries.length === 0 ? (
        <p role="status" className="rounded-xl border bg-card p-6 text-sm text-muted-foreground">
          {t("customers.timeline.empty")}
        </p>
      ) : (
        <ol aria-label={t("customers.timeline.heading")} className="grid gap-2">
          {entries.map((entry) => (
            <li
              key={`${entry.kind}-${entry.id}`}
              className="flex gap-3 rounded-xl border bg-card p-3 text-sm"
              data-testid={`timeline-${entry.kind}`}
            >
              <EntryIcon kind={entry.kind} />
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-muted-foreground">
                  <time dateTime={entry.at.toISOString()}>{when.format(entry.at)}</time>
                  {entry.channel && (
                    <span>{t("customers.timeline.via", { channel: t(`enumLabels.channel.${entry.channel}`) })}</span>
                  )}
                </p>
                <EntryBody entry={entry} erased={erased} t={t} locale={locale} />
              </div>
            </li>
          ))}
        </ol>
      )}
      <LoadMoreButton query={query} />
    </section>
  );
}

function EntryIcon({ kind }: { kind: TimelineEntry["kind"] }) {
  const Icon = kind === "feedback" ? MessageSquare : kind === "order" ? ShoppingBag : ClipboardList;
  return (
    <span className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full bg-muted text-muted-foreground">
      <Icon className="size-4" aria-hidden />
    </span>
  );
}

function EntryBody({
  entry,
  erased,
  t,
  locale,
}: {
  entry: TimelineEntry;
  erased: boolean;
  t: Translate;
  locale: string;
}) {
  if (entry.kind === "feedback") {
    return (
      <>
        <p className="mt-0.5 flex flex-wrap items-center gap-2">
          <span className="font-medium">
            {t("customers.timeline.feedback", { source: t(`enumLabels.feedbackSource.${entry.source}`) })}
          </span>
          {entry.score !== null && entry.metricKind !== "none" && (
            <Badge className="tabular-nums">
              {t("customers.timeline.score", {
                kind: t(`enumLabels.metricKind.${entry.metricKind}`),
                score: entry.score,
              })}
            </Badge>
          )}
          <span className="text-xs text-muted-foreground">
            {t("customers.timeline.status", { status: t(`enumLabels.feedbackStatus.${entry.status}`) })}
          </span>
          {entry.stageName && (
            <span className="text-xs text-muted-foreground">
              {t("customers.timeline.stage", { stage: entry.stageName })}
            </span>
          )}
        </p>
        {entry.text ? (
          <p dir="auto" className="mt-1 whitespace-pre-wrap break-words">
            {entry.text}
          </p>
        ) : (
          <p className="mt-1 italic text-muted-foreground">
            {erased ? t("customers.timeline.textErased") : t("customers.timeline.noText")}
          </p>
        )}
        <Link
          href={`/feedback?item=${entry.id}`}
          className="mt-1 inline-block text-xs text-primary underline-offset-4 hover:underline"
        >
          {t("customers.timeline.openFeedback")}
          <span className="sr-only">
            {" "}
            ({t("customers.timeline.feedback", { source: t(`enumLabels.feedbackSource.${entry.source}`) })}, #{entry.id}
            )
          </span>
        </Link>
      </>
    );
  }
  if (entry.kind === "order") {
    return (
      <p className="mt-0.5 flex flex-wrap items-baseline gap-2">
        <span className="font-medium">{t(`customers.timeline.orderKind.${entry.orderKind}`)}</span>
        <span
          className={
            entry.orderKind === "refund" ? "font-medium tabular-nums text-negative" : "font-medium tabular-nums"
          }
          data-testid="order-amount"
        >
          {formatMoney(locale, entry.amount, entry.currency, { cents: true })}
        </span>
      </p>
    );
  }
  return (
    <p className="mt-0.5 flex flex-wrap items-baseline gap-2">
      <span className="text-xs text-muted-foreground">{t("customers.timeline.action")}</span>
      <Link href={`/actions/${entry.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
        <bdi>{entry.title}</bdi>
      </Link>
      <span className="text-xs text-muted-foreground">
        {t("customers.timeline.status", { status: t(`enumLabels.actionStatus.${entry.status}`) })}
      </span>
    </p>
  );
}
