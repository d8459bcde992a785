"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { ActionStatusBadge } from "./action-badges";
import { formatCalendarDay } from "./action-format";
import type { UpForReview } from "./action-types";
import { actionPath } from "./actions-url";
import { formatKpiValue } from "./impact-format";
import { LoadFailed } from "./load-failed";
import { LoadingState } from "./loading-state";

/**
 * "Up for review": the actions and KPI targets whose review date has come (DESIGN.md: every 3–5
 * months), oldest review first. A done action on the list is waiting to be verified.
 */
export function UpForReviewView({ currency }: { currency: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const review = useQuery(trpc.actions.upForReview.queryOptions());
  const options = useQuery(trpc.dashboard.filterOptions.queryOptions());

  if (review.isPending) {
    return (
      <LoadingState label={t("actions.review.loading")}>
        <Skeleton className="h-40" />
      </LoadingState>
    );
  }
  if (review.isError) {
    return (
      <LoadFailed
        framed
        title={t("actions.review.loadFailed")}
        error={review.error}
        onRetry={() => void review.refetch()}
      />
    );
  }
  const names = {
    segments: options.data?.segments ?? [],
    stages: options.data?.stages ?? [],
  };
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ReviewActions actions={review.data.actions} />
      <ReviewTargets targets={review.data.targets} names={names} currency={currency} />
    </div>
  );
}

function ReviewActions({ actions }: { actions: UpForReview["actions"] }) {
  const { t, locale } = useI18n();
  return (
    <Card>
      <CardContent className="p-4">
        <h2 className="mb-1 text-base font-semibold">{t("actions.review.actionsHeading")}</h2>
        <p className="mb-3 text-sm text-muted-foreground">{t("actions.review.actionsHint")}</p>
        {actions.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("actions.review.noActions")}</p>
        ) : (
          <ul className="flex flex-col divide-y" aria-label={t("actions.review.actionsHeading")}>
            {actions.map((action) => (
              <li key={action.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <div className="min-w-0">
                  <Link href={actionPath(action.id)} className="font-medium underline-offset-2 hover:underline">
                    <bdi>{action.title}</bdi>
                  </Link>
                  <p className="text-xs text-muted-foreground">
                    {t(`enumLabels.kpi.${action.kpi}`)} ·{" "}
                    {t("actions.review.dueSince", { date: formatCalendarDay(locale, action.reviewDate) ?? "" })}
                  </p>
                </div>
                <ActionStatusBadge status={action.status} />
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

function ReviewTargets({
  targets,
  names,
  currency,
}: {
  targets: UpForReview["targets"];
  names: { segments: { id: number; name: string }[]; stages: { id: number; name: string }[] };
  currency: string;
}) {
  const { t, locale } = useI18n();
  const scopeName = (target: UpForReview["targets"][number]) => {
    if (target.segmentId !== null) {
      return (
        names.segments.find((s) => s.id === target.segmentId)?.name ??
        t("actions.review.segment", { id: target.segmentId })
      );
    }
    if (target.stageId !== null) {
      return (
        names.stages.find((s) => s.id === target.stageId)?.name ?? t("actions.review.stage", { id: target.stageId })
      );
    }
    if (target.channel !== null) return t(`enumLabels.channel.${target.channel}`);
    return t("actions.review.allCustomers");
  };
  return (
    <Card>
      <CardContent className="p-4">
        <h2 className="mb-1 text-base font-semibold">{t("actions.review.targetsHeading")}</h2>
        <p className="mb-3 text-sm text-muted-foreground">
          {t("actions.review.targetsHint")}{" "}
          <Link href="/settings/targets" className="underline underline-offset-2">
            {t("actions.review.targetsLink")}
          </Link>
        </p>
        {targets.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("actions.review.noTargets")}</p>
        ) : (
          <ul className="flex flex-col divide-y" aria-label={t("actions.review.targetsHeading")}>
            {targets.map((target) => (
              <li key={target.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <div className="min-w-0">
                  <p className="font-medium">
                    {t("actions.review.target", {
                      kpi: t(`enumLabels.kpi.${target.kpi}`),
                      scope: scopeName(target),
                      value: formatKpiValue(locale, target.kpi, target.targetValue, currency),
                    })}
                  </p>
                  <p className="text-xs text-muted-foreground">
                    {t("actions.review.dueSince", { date: formatCalendarDay(locale, target.reviewDate) ?? "" })}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
