"use client";

import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { useEffect, useMemo, useRef } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { describeError } from "./feedback-errors";
import { FeedbackComments } from "./feedback-comments";
import { FeedbackCustomerCard } from "./feedback-customer-card";
import { FeedbackDetailItem } from "./feedback-detail-item";
import { FeedbackFlags } from "./feedback-flags";
import { FeedbackHistory } from "./feedback-history";
import { type CommandRequest, FeedbackTriageActions } from "./feedback-triage-actions";
import type { FeedbackAssignees, ThemeOption } from "./feedback-query";
import { useTimeZone } from "./use-time-zone";

export interface FeedbackDetailPanelProps {
  id: number;
  canWork: boolean;
  assignees: FeedbackAssignees | undefined;
  themes: ThemeOption[];
  request: CommandRequest | null;
  now: Date;
  /** Changes when the panel should take the keyboard focus (opened by click or Enter). */
  focusNonce: number | null;
  onClose: () => void;
  onOpenItem: (id: number) => void;
  onAnnounce: (message: string) => void;
}

/**
 * One item beside the list (over it on narrow screens): the whole comment, its facts and themes,
 * the triage actions this user may run, the customer with revenue and timeline, internal comments
 * and the audit history. Esc or the close button closes it.
 */
export function FeedbackDetailPanel(props: FeedbackDetailPanelProps) {
  const { id, focusNonce, onClose, onOpenItem, onAnnounce, assignees, themes, request, canWork, now } = props;
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const timeZone = useTimeZone();
  const detail = useQuery(trpc.feedback.detail.queryOptions({ id }));
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusNonce !== null) headingRef.current?.focus();
  }, [focusNonce]);
  const when = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }),
    [locale, timeZone],
  );
  const day = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }), [locale, timeZone]);
  const names = useMemo(
    () => ({ users: assignees?.users ?? [], teams: assignees?.teams ?? [], themes: themes }),
    [assignees, themes],
  );

  let body;
  if (detail.isPending) {
    body = (
      <div aria-busy="true" className="flex flex-col gap-3">
        <span className="sr-only" role="status">
          {t("feedback.detail.loading", { id })}
        </span>
        <Skeleton className="h-24" />
        <Skeleton className="h-8 w-2/3" />
        <Skeleton className="h-40" />
      </div>
    );
  } else if (detail.isError) {
    const error = describeError(detail.error, t("feedback.detail.loadFailed"));
    body = (
      <div role="alert" className="flex flex-col items-start gap-3 text-sm">
        <p className="font-medium">
          {error.notFound ? t("feedback.detail.notFound") : t("feedback.detail.loadFailed")}
        </p>
        {!error.notFound && <p className="text-muted-foreground">{error.message}</p>}
        {!error.notFound && (
          <Button variant="outline" size="sm" onClick={() => void detail.refetch()}>
            {t("feedback.retry")}
          </Button>
        )}
      </div>
    );
  } else {
    const data = detail.data;
    body = (
      <div className="flex flex-col gap-6">
        <FeedbackDetailItem
          item={data.item}
          when={when}
          now={now}
          actions={
            canWork ? (
              <FeedbackTriageActions detail={data} assignees={assignees} request={request} onAnnounce={onAnnounce} />
            ) : (
              <p className="rounded-lg border border-dashed p-3 text-sm text-muted-foreground">
                {t("feedback.actions.readOnly")}
              </p>
            )
          }
        />
        <FeedbackFlags
          itemId={id}
          flags={data.flags}
          mayReview={data.mayReviewFlags}
          when={when}
          onAnnounce={onAnnounce}
        />
        <FeedbackCustomerCard customer={data.customer} currentId={id} when={day} onOpenItem={onOpenItem} />
        <FeedbackComments itemId={id} comments={data.comments} mayComment={data.mayComment} when={when} />
        <FeedbackHistory history={data.history} names={names} when={when} />
      </div>
    );
  }

  return (
    <section
      aria-labelledby="feedback-detail-heading"
      data-testid="feedback-detail"
      className="fixed inset-0 z-40 overflow-y-auto bg-background p-4 lg:sticky lg:inset-auto lg:top-4 lg:z-auto lg:max-h-[calc(100dvh-2rem)] lg:rounded-xl lg:border lg:bg-card lg:p-5 lg:shadow-sm"
    >
      <div className="mb-4 flex items-start justify-between gap-3">
        <h2
          id="feedback-detail-heading"
          ref={headingRef}
          tabIndex={-1}
          className="text-lg font-semibold focus-visible:outline-none"
        >
          {t("feedback.detail.label", { id })}
        </h2>
        <Button
          variant="ghost"
          size="icon"
          aria-label={t("feedback.detail.close")}
          title={t("feedback.detail.close")}
          onClick={onClose}
        >
          <X aria-hidden />
        </Button>
      </div>
      {body}
    </section>
  );
}
