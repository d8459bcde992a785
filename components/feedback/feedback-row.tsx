"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { cn } from "@/components/ui/cn";
import type { FeedbackItem } from "./feedback-query";

const PRIORITY_CLASS: Record<FeedbackItem["priority"], string> = {
  urgent: "font-semibold text-negative",
  high: "text-negative",
  normal: "text-muted-foreground",
  low: "text-muted-foreground",
};

export function FeedbackRow({ item, when }: { item: FeedbackItem; when: Intl.DateTimeFormat }) {
  const { t } = useI18n();
  const none = t("lists.none");
  return (
    <tr className="border-t align-top">
      <td className="whitespace-nowrap py-2 pe-4 tabular-nums">
        <time dateTime={item.receivedAt.toISOString()}>{when.format(item.receivedAt)}</time>
      </td>
      <td className="whitespace-nowrap py-2 pe-4">
        {t(`enumLabels.feedbackSource.${item.source}`)}
        {item.channel && (
          <span className="block text-xs text-muted-foreground">{t(`enumLabels.channel.${item.channel}`)}</span>
        )}
      </td>
      <td className="whitespace-nowrap py-2 pe-4 tabular-nums">
        {item.metricKind === "none" || item.score === null
          ? none
          : t("feedback.score", { kind: t(`enumLabels.metricKind.${item.metricKind}`), score: item.score })}
      </td>
      <td className="max-w-[28rem] py-2 pe-4">
        {item.text ? (
          // text is stored whole; truncation is presentation only, the full comment is in the tooltip
          <p dir="auto" lang={item.language ?? undefined} title={item.text} className="truncate">
            {item.text}
          </p>
        ) : (
          <span className="text-muted-foreground">{t("feedback.noText")}</span>
        )}
      </td>
      <td className="whitespace-nowrap py-2 pe-4">
        {item.customerExternalId ?? <span className="text-muted-foreground">{t("feedback.anonymous")}</span>}
      </td>
      <td className="whitespace-nowrap py-2 pe-4">{item.stageName ?? none}</td>
      <td className="whitespace-nowrap py-2 pe-4">
        <span className="rounded-full bg-muted px-2 py-0.5 text-xs font-medium">
          {t(`enumLabels.feedbackStatus.${item.status}`)}
        </span>
      </td>
      <td className={cn("whitespace-nowrap py-2", PRIORITY_CLASS[item.priority])}>
        {t(`enumLabels.priority.${item.priority}`)}
      </td>
    </tr>
  );
}
