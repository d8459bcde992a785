"use client";

import { Route, User, Users } from "lucide-react";
import { memo, type MouseEvent } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { cn } from "@/components/ui/cn";
import { DueBadge, PriorityLabel, ScoreBox, SentimentLabelView, StatusBadge, SuspiciousBadge } from "./feedback-badges";
import { formatRelative, sourceAndChannel } from "./feedback-format";
import type { FeedbackItem } from "./feedback-query";

export interface FeedbackListRowProps {
  item: FeedbackItem;
  index: number;
  /** The keyboard's current row (J/K): ringed, and the one Tab reaches. */
  active: boolean;
  /** Open in the detail panel. */
  open: boolean;
  selected: boolean;
  selectable: boolean;
  setSize: number;
  when: Intl.DateTimeFormat;
  now: Date;
  onOpen: (id: number, index: number) => void;
  onToggle: (id: number, index: number, range: boolean) => void;
}

/**
 * One feedback item of the inbox: its score, a one-line preview of the comment (in its own
 * direction: Hebrew and Persian read right to left), and its triage state. A click or Enter opens it;
 * the checkbox (or X) selects it, Shift+click selects the range from the last one.
 */
export const FeedbackListRow = memo(function FeedbackListRow(props: FeedbackListRowProps) {
  const { item, index, active, open, selected, selectable, when, now } = props;
  const { t, locale } = useI18n();
  const onRowClick = (event: MouseEvent) => {
    if ((event.target as HTMLElement).closest("input, a")) return;
    props.onOpen(item.id, index);
  };
  const owner = item.assigneeName ?? item.teamName;
  return (
    <div
      role="listitem"
      aria-setsize={props.setSize}
      aria-posinset={index + 1}
      aria-current={open ? "true" : undefined}
      data-feedback-id={item.id}
      onClick={onRowClick}
      className={cn(
        "group flex cursor-pointer items-start gap-3 border-b px-3 py-2.5 transition-colors hover:bg-accent/60",
        selected && "bg-primary/5",
        open && "bg-accent",
        active && "relative z-[1] ring-2 ring-inset ring-ring",
      )}
    >
      {selectable && (
        <input
          type="checkbox"
          checked={selected}
          aria-label={t("feedback.row.select", { id: item.id })}
          className="mt-3 size-4 shrink-0 cursor-pointer accent-primary"
          onClick={(event) => props.onToggle(item.id, index, event.shiftKey)}
          onChange={() => {}}
          tabIndex={active ? 0 : -1}
        />
      )}
      <ScoreBox kind={item.metricKind} score={item.score} />
      <button
        type="button"
        data-row-button
        tabIndex={active ? 0 : -1}
        aria-label={t("feedback.row.open", { id: item.id })}
        aria-describedby={`feedback-row-${item.id}-text feedback-row-${item.id}-meta`}
        className="flex min-w-0 flex-1 flex-col items-stretch gap-1.5 text-start focus-visible:outline-none"
        onClick={(event) => {
          event.stopPropagation();
          props.onOpen(item.id, index);
        }}
      >
        <span
          id={`feedback-row-${item.id}-text`}
          dir="auto"
          lang={item.language ?? undefined}
          className={cn("block truncate text-sm", item.text ? "text-foreground" : "italic text-muted-foreground")}
        >
          {item.text ?? t("feedback.noText")}
        </span>
        <span
          id={`feedback-row-${item.id}-meta`}
          className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground"
        >
          <StatusBadge status={item.status} />
          <PriorityLabel priority={item.priority} />
          <SentimentLabelView label={item.sentimentLabel} />
          <span className="inline-flex min-w-0 items-center gap-1">
            {item.assigneeName ? <User aria-hidden className="size-3" /> : <Users aria-hidden className="size-3" />}
            <bdi className="truncate">{owner ?? t("feedback.unassigned")}</bdi>
            {item.assigneeName && item.teamName && <bdi className="truncate">· {item.teamName}</bdi>}
          </span>
          <DueBadge dueAt={item.dueAt} overdue={item.overdue} status={item.status} now={now} />
          {item.suspicious && <SuspiciousBadge />}
          {item.stageName && (
            <span className="inline-flex min-w-0 items-center gap-1" title={t("feedback.detail.stage")}>
              <Route aria-hidden className="size-3" />
              <span className="sr-only">{t("feedback.detail.stage")}:</span>
              <bdi className="truncate">{item.stageName}</bdi>
            </span>
          )}
          <span>{sourceAndChannel(item, t)}</span>
        </span>
      </button>
      <div className="flex shrink-0 flex-col items-end gap-1 text-xs text-muted-foreground">
        <time dateTime={item.receivedAt.toISOString()} title={when.format(item.receivedAt)} suppressHydrationWarning>
          {formatRelative(item.receivedAt, now, locale)}
        </time>
        <span className="tabular-nums">{t("feedback.itemNumber", { id: item.id })}</span>
      </div>
    </div>
  );
});
