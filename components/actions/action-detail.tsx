"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { formatCount } from "@/components/dashboard/format";
import { describeError } from "@/components/feedback/feedback-errors";
import { useTimeZone } from "@/components/feedback/use-time-zone";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";
import { ActionStatusBadge, OverdueBadge } from "./action-badges";
import { ActionComments } from "./action-comments";
import { ActionEditButton } from "./action-edit-dialog";
import { formatCalendarDay } from "./action-format";
import { ActionHistory } from "./action-history";
import { ActionImpactCard } from "./action-impact-card";
import { ActionStatusControls } from "./action-status-controls";
import type { ActionDetail as Detail } from "./action-types";
import { ACTIONS_PATH, scopeInboxHref } from "./actions-url";
import { formatKpiValue } from "./impact-format";
import { LoadingState } from "./loading-state";
import { ResolveFeedbackButton } from "./resolve-feedback-dialog";

/**
 * One action: what it is and where it applies, the KPI with its baseline and target, the moves this
 * user may make now, linked feedback (and, once verified, closing the loop on it), the measured
 * impact once done, comments and the status history.
 */
export function ActionDetailView({ id, currency, canManage }: { id: number; currency: string; canManage: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const detail = useQuery(trpc.actions.byId.queryOptions({ id }));
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    if (!announcement) return;
    const timer = setTimeout(() => setAnnouncement(""), 6000);
    return () => clearTimeout(timer);
  }, [announcement]);

  let body: ReactNode;
  if (detail.isPending) {
    body = (
      <LoadingState label={t("actions.detail.loading", { id })}>
        <Skeleton className="h-10 w-2/3" />
        <Skeleton className="h-40" />
      </LoadingState>
    );
  } else if (detail.isError) {
    const error = describeError(detail.error, t("errors.generic"));
    body = (
      <div role="alert" className="flex flex-col items-start gap-3 rounded-xl border p-6 text-sm">
        <h1 className="text-lg font-semibold">
          {error.notFound ? t("actions.detail.notFound", { id }) : t("actions.detail.loadFailed")}
        </h1>
        <p className="text-muted-foreground">{error.message}</p>
        {!error.notFound && (
          <Button variant="outline" size="sm" onClick={() => void detail.refetch()}>
            {t("actions.retry")}
          </Button>
        )}
      </div>
    );
  } else {
    body = <DetailBody detail={detail.data} currency={currency} canManage={canManage} onAnnounce={setAnnouncement} />;
  }

  return (
    <div className="flex flex-col gap-4">
      <Link href={ACTIONS_PATH} className="w-fit text-sm text-muted-foreground underline-offset-2 hover:underline">
        {t("actions.detail.back")}
      </Link>
      {body}
      <div
        role="status"
        aria-live="polite"
        className={cn(
          "pointer-events-none fixed bottom-4 start-1/2 z-50 -translate-x-1/2 rounded-lg bg-foreground px-4 py-2 text-sm text-background shadow-lg transition-opacity rtl:translate-x-1/2",
          announcement ? "opacity-100" : "opacity-0",
        )}
      >
        {announcement}
      </div>
    </div>
  );
}

function DetailBody({
  detail,
  currency,
  canManage,
  onAnnounce,
}: {
  detail: Detail;
  currency: string;
  canManage: boolean;
  onAnnounce: (message: string) => void;
}) {
  const { t, locale } = useI18n();
  const timeZone = useTimeZone();
  const when = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }),
    [locale, timeZone],
  );
  const day = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }), [locale, timeZone]);
  const { action, linkedFeedback } = detail;
  const measured = action.status === "done" || action.status === "verified";
  const scope = action.scope;
  const wholeWorkspace = !scope.segment && !scope.stage && !scope.channel && !scope.theme;
  const due = formatCalendarDay(locale, action.dueDate);
  const review = formatCalendarDay(locale, action.reviewDate);

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="text-2xl font-semibold tracking-tight" dir="auto">
            {action.title}
          </h1>
          <ActionEditButton detail={detail} onAnnounce={onAnnounce} />
        </div>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <ActionStatusBadge status={action.status} />
          {action.overdue && <OverdueBadge />}
          {action.upForReview && <span className="text-muted-foreground">{t("actions.detail.upForReview")}</span>}
        </div>
      </header>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex flex-col gap-6">
          <section aria-label={t("actions.detail.facts")} className="rounded-xl border bg-card p-4">
            {action.description ? (
              <p dir="auto" className="mb-4 whitespace-pre-wrap text-sm">
                {action.description}
              </p>
            ) : (
              <p className="mb-4 text-sm text-muted-foreground">{t("actions.detail.noDescription")}</p>
            )}
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <Fact label={t("actions.fields.ownerTeam")}>{action.ownerTeamName ?? t("actions.noTeam")}</Fact>
              <Fact label={t("actions.fields.assignee")}>{action.assigneeName ?? t("actions.unassigned")}</Fact>
              <Fact label={t("actions.fields.dueDate")}>{due ?? t("actions.noDueDate")}</Fact>
              <Fact label={t("actions.fields.reviewDate")}>{review ?? t("actions.detail.noReviewDate")}</Fact>
              <Fact label={t("actions.detail.created")}>{when.format(action.createdAt)}</Fact>
              {action.completedAt && (
                <Fact label={t("actions.detail.completed")}>{when.format(action.completedAt)}</Fact>
              )}
              {action.droppedReason && <Fact label={t("actions.detail.droppedReason")}>{action.droppedReason}</Fact>}
            </dl>
          </section>
          <section aria-labelledby="action-scope-heading" className="rounded-xl border bg-card p-4">
            <h2 id="action-scope-heading" className="mb-3 text-base font-semibold">
              {t("actions.fields.scope")}
            </h2>
            {wholeWorkspace ? (
              <p className="text-sm">{t("actions.scope.whole")}</p>
            ) : (
              <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
                <Fact label={t("actions.fields.segment")}>{scope.segment?.name ?? t("actions.scope.anySegment")}</Fact>
                <Fact label={t("actions.fields.stage")}>{scope.stage?.name ?? t("actions.scope.anyStage")}</Fact>
                <Fact label={t("actions.fields.channel")}>
                  {scope.channel ? t(`enumLabels.channel.${scope.channel}`) : t("actions.scope.anyChannel")}
                </Fact>
                <Fact label={t("actions.fields.theme")}>{scope.theme?.name ?? t("actions.scope.anyTheme")}</Fact>
              </dl>
            )}
          </section>
          <section aria-labelledby="action-kpi-heading" className="rounded-xl border bg-card p-4">
            <h2 id="action-kpi-heading" className="mb-3 text-base font-semibold">
              {t("actions.detail.kpiHeading", { kpi: t(`enumLabels.kpi.${action.kpi}`) })}
            </h2>
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <Fact label={t("actions.fields.baseline")}>
                <span className="text-lg font-semibold tabular-nums">
                  {formatKpiValue(locale, action.kpi, action.baseline, currency)}
                </span>
                <span className="block text-xs text-muted-foreground">
                  {action.baselineResponses === null
                    ? t("actions.detail.baselineByHand")
                    : action.baselineFrom && action.baselineTo
                      ? t("actions.detail.baselineSample", {
                          n: formatCount(locale, action.baselineResponses),
                          from: day.format(action.baselineFrom),
                          to: day.format(new Date(action.baselineTo.getTime() - 1)),
                        })
                      : t("actions.impact.n", { n: formatCount(locale, action.baselineResponses) })}
                </span>
              </Fact>
              <Fact label={t("actions.fields.target")}>
                <span className="text-lg font-semibold tabular-nums">
                  {action.target === null
                    ? t("actions.detail.noTarget")
                    : formatKpiValue(locale, action.kpi, action.target, currency)}
                </span>
              </Fact>
            </dl>
          </section>
          {measured && <ActionImpactCard actionId={action.id} currency={currency} />}
          <ActionComments detail={detail} when={when} />
        </div>
        <aside className="flex flex-col gap-6">
          <section
            aria-labelledby="action-status-heading"
            className="flex flex-col gap-3 rounded-xl border bg-card p-4"
          >
            <h2 id="action-status-heading" className="text-base font-semibold">
              {t("actions.move.heading")}
            </h2>
            <ActionStatusControls detail={detail} onAnnounce={onAnnounce} />
          </section>
          <section
            aria-labelledby="action-feedback-heading"
            className="flex flex-col gap-2 rounded-xl border bg-card p-4 text-sm"
          >
            <h2 id="action-feedback-heading" className="text-base font-semibold">
              {t("actions.linked.heading")}
            </h2>
            <p data-testid="linked-feedback">
              {linkedFeedback.total === 0
                ? t("actions.linked.none")
                : t("actions.linked.count", { total: linkedFeedback.total, open: linkedFeedback.open })}
            </p>
            <Link
              href={scopeInboxHref({
                segmentId: scope.segment?.id ?? null,
                stageId: scope.stage?.id ?? null,
                channel: scope.channel,
                themeId: scope.theme?.id ?? null,
              })}
              className="w-fit underline underline-offset-2"
            >
              {wholeWorkspace ? t("actions.linked.inbox") : t("actions.linked.scopeInbox")}
            </Link>
            {canManage && action.status === "verified" && linkedFeedback.open > 0 && (
              <div className="mt-1">
                <ResolveFeedbackButton action={action} open={linkedFeedback.open} onAnnounce={onAnnounce} />
              </div>
            )}
            {canManage && action.status === "done" && linkedFeedback.open > 0 && (
              <p className="text-xs text-muted-foreground">{t("actions.linked.verifyFirst")}</p>
            )}
          </section>
          <ActionHistory history={detail.history} when={when} />
        </aside>
      </div>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="mt-0.5 break-words">{children}</dd>
    </div>
  );
}
