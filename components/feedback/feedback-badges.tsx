"use client";

import { AlarmClock, CalendarClock, ShieldAlert } from "lucide-react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { FeedbackStatus, MetricKind, Priority, SentimentLabel } from "@/server/domain/enums";
import { formatRelative, scoreMax, scoreTone, type Tone } from "./feedback-format";
import { SENTIMENT_LABELS } from "./feedback-labels";

const TONE_TEXT: Record<Tone, string> = {
  negative: "text-negative",
  neutral: "text-foreground",
  positive: "text-positive",
};
const TONE_BOX: Record<Tone, string> = {
  negative: "border-negative/40 bg-negative/10",
  neutral: "border-border bg-muted",
  positive: "border-positive/40 bg-positive/10",
};

/** The score as a small square: the number large, its kind under it; "–" without a score. */
export function ScoreBox({ kind, score, className }: { kind: MetricKind; score: number | null; className?: string }) {
  const { t } = useI18n();
  const tone = scoreTone(kind, score);
  const max = scoreMax(kind);
  const label =
    kind === "none" || score === null
      ? t("feedback.noScore")
      : t("feedback.scoreOutOf", { kind: t(`enumLabels.metricKind.${kind}`), score, max: max ?? "" });
  return (
    <div
      role="img"
      aria-label={label}
      title={label}
      className={cn(
        "flex size-11 shrink-0 flex-col items-center justify-center rounded-lg border leading-none",
        TONE_BOX[tone],
        className,
      )}
    >
      <span className={cn("text-base font-semibold tabular-nums", TONE_TEXT[tone])}>{score ?? "–"}</span>
      <span className="mt-0.5 text-[10px] font-medium uppercase text-muted-foreground">
        {kind === "none" ? "" : t(`enumLabels.metricKind.${kind}`)}
      </span>
    </div>
  );
}

const STATUS_TONE: Record<FeedbackStatus, "primary" | "neutral" | "warning" | "positive" | "outline"> = {
  new: "primary",
  triaged: "neutral",
  in_progress: "warning",
  resolved: "positive",
  dismissed: "outline",
};

export function StatusBadge({ status }: { status: FeedbackStatus }) {
  const { t } = useI18n();
  return <Badge tone={STATUS_TONE[status]}>{t(`enumLabels.feedbackStatus.${status}`)}</Badge>;
}

const PRIORITY_CLASS: Record<Priority, string> = {
  urgent: "bg-negative",
  high: "bg-amber-500",
  normal: "bg-muted-foreground/50",
  low: "bg-muted-foreground/25",
};

/** Priority as a coloured mark and its word (never colour alone). */
export function PriorityLabel({ priority }: { priority: Priority }) {
  const { t } = useI18n();
  return (
    <span
      className={cn("inline-flex items-center gap-1.5 text-xs", priority === "urgent" && "font-semibold text-negative")}
    >
      <span aria-hidden className={cn("inline-block size-2 rounded-full", PRIORITY_CLASS[priority])} />
      {t(`enumLabels.priority.${priority}`)}
    </span>
  );
}

const SENTIMENT_DOT: Record<SentimentLabel, string> = {
  negative: "bg-negative",
  neutral: "bg-muted-foreground/60",
  positive: "bg-positive",
};

export function SentimentLabelView({ label, suffix }: { label: SentimentLabel | null; suffix?: string }) {
  const { t } = useI18n();
  if (!label) return <span className="text-xs text-muted-foreground">{t("feedback.sentiment.none")}</span>;
  const text = t(SENTIMENT_LABELS[label]);
  return (
    <span className="inline-flex items-center gap-1.5 text-xs">
      <span aria-hidden className={cn("inline-block size-2 rounded-full", SENTIMENT_DOT[label])} />
      {suffix ? t("feedback.detail.sentimentWith", { label: text, source: suffix }) : text}
    </span>
  );
}

/** The SLA due date of an open item: "Overdue" in red, or "Due in 3 days"; nothing for closed items. */
export function DueBadge({
  dueAt,
  overdue,
  status,
  now,
}: {
  dueAt: Date | null;
  overdue: boolean;
  status: FeedbackStatus;
  now: Date;
}) {
  const { t, locale } = useI18n();
  if (status === "resolved" || status === "dismissed" || !dueAt) return null;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(dueAt);
  if (overdue) {
    return (
      <Badge tone="negative" title={t("feedback.due.overdueSince", { date })}>
        <AlarmClock aria-hidden />
        {t("feedback.due.overdue")}
      </Badge>
    );
  }
  return (
    <Badge tone="outline" title={t("feedback.due.dueOn", { date })}>
      <CalendarClock aria-hidden />
      {t("feedback.due.dueIn", { relative: formatRelative(dueAt, now, locale) })}
    </Badge>
  );
}

/** An item a suspicious-feedback rule flagged and no manager cleared. */
export function SuspiciousBadge() {
  const { t } = useI18n();
  return (
    <Badge tone="warning" title={t("feedback.flags.badgeTitle")}>
      <ShieldAlert aria-hidden />
      {t("feedback.flags.badge")}
    </Badge>
  );
}
