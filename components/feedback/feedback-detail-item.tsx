"use client";

import type { ReactNode } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import type { DismissReason } from "@/server/domain/triage/commands";
import { DueBadge, PriorityLabel, ScoreBox, SentimentLabelView, StatusBadge } from "./feedback-badges";
import { languageName, sourceAndChannel } from "./feedback-format";
import { DISMISS_REASON_LABELS } from "./feedback-labels";
import type { FeedbackDetail } from "./feedback-query";

type Item = FeedbackDetail["item"];

/** The item itself: the comment in its own language and direction, score, sentiment, facts and themes. */
export function FeedbackDetailItem({
  item,
  when,
  now,
  actions,
}: {
  item: Item;
  when: Intl.DateTimeFormat;
  now: Date;
  /** The triage actions, shown right under the comment (what a manager reads, then acts on). */
  actions: ReactNode;
}) {
  const { t, locale } = useI18n();
  const none = t("lists.none");
  const sentimentSource =
    item.sentimentSource === "text"
      ? t("feedback.sentiment.fromText")
      : item.sentimentSource === "score"
        ? t("feedback.sentiment.fromScore")
        : undefined;
  const owner = [item.assigneeName, item.teamName].filter(Boolean).join(" · ");
  const facts: [string, ReactNode][] = [
    [t("feedback.detail.receivedAt"), when.format(item.receivedAt)],
    [t("feedback.detail.source"), sourceAndChannel(item, t)],
    [t("feedback.detail.stage"), <bdi key="stage">{item.stage?.name ?? none}</bdi>],
    [t("feedback.detail.touchpoint"), <bdi key="touchpoint">{item.touchpoint?.name ?? none}</bdi>],
    [t("feedback.detail.owner"), <bdi key="owner">{owner || t("feedback.unassigned")}</bdi>],
    [t("feedback.detail.due"), item.dueAt ? when.format(item.dueAt) : t("feedback.detail.noDue")],
  ];
  if (item.firstTriagedAt) facts.push([t("feedback.detail.firstTriaged"), when.format(item.firstTriagedAt)]);
  if (item.resolvedAt) facts.push([t("feedback.detail.resolved"), when.format(item.resolvedAt)]);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={item.status} />
        <PriorityLabel priority={item.priority} />
        <DueBadge dueAt={item.dueAt} overdue={item.overdue} status={item.status} now={now} />
      </div>
      <div className="flex items-start gap-3">
        <ScoreBox kind={item.metricKind} score={item.score} className="size-14" />
        <figure className="min-w-0 flex-1">
          <blockquote
            dir="auto"
            lang={item.language ?? undefined}
            data-testid="feedback-detail-text"
            className="whitespace-pre-wrap break-words text-base leading-relaxed"
          >
            {item.text ?? <span className="italic text-muted-foreground">{t("feedback.noText")}</span>}
          </blockquote>
          <figcaption className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
            <SentimentLabelView label={item.sentimentLabel} suffix={sentimentSource} />
            {item.language && (
              <span>{t("feedback.detail.language", { name: languageName(item.language, locale) })}</span>
            )}
          </figcaption>
        </figure>
      </div>
      {item.status === "resolved" && item.resolutionNote && (
        <div className="rounded-lg border border-positive/30 bg-positive/5 p-3 text-sm">
          <p className="text-xs font-medium text-muted-foreground">{t("feedback.detail.resolution")}</p>
          <p dir="auto" className="mt-1 whitespace-pre-wrap">
            {item.resolutionNote}
          </p>
          <p className="mt-1 text-xs text-muted-foreground">
            {item.customerContacted ? t("feedback.detail.contacted") : t("feedback.detail.notContacted")}
          </p>
        </div>
      )}
      {item.status === "dismissed" && item.dismissReason && (
        <p className="rounded-lg border border-dashed p-3 text-sm text-muted-foreground">
          {t("feedback.detail.dismissed", {
            reason: Object.hasOwn(DISMISS_REASON_LABELS, item.dismissReason)
              ? t(DISMISS_REASON_LABELS[item.dismissReason as DismissReason])
              : item.dismissReason,
          })}
          {item.resolutionNote && (
            <span dir="auto" className="mt-1 block">
              {item.resolutionNote}
            </span>
          )}
        </p>
      )}
      {actions}
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <div>
        <h3 className="mb-1.5 text-sm font-semibold">{t("feedback.detail.themes")}</h3>
        {item.themes.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("feedback.detail.noThemes")}</p>
        ) : (
          <ul className="flex flex-wrap gap-1.5">
            {item.themes.map((theme) => (
              <li key={theme.id}>
                <Badge
                  tone={theme.origin === "manual" ? "primary" : "neutral"}
                  title={theme.origin === "manual" ? t("feedback.detail.themeManual") : t("feedback.detail.themeRule")}
                >
                  <bdi>{theme.name}</bdi>
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="text-xs text-muted-foreground">
        {item.updatedByName
          ? t("feedback.detail.lastChange", { time: when.format(item.updatedAt), name: item.updatedByName })
          : t("feedback.detail.lastChangeUnknown", { time: when.format(item.updatedAt) })}
      </p>
    </div>
  );
}
