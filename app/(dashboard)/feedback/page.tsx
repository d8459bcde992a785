import type { Metadata } from "next";
import { Suspense } from "react";
import { FeedbackActiveFilters } from "@/components/feedback/feedback-active-filters";
import { FeedbackFilterNotice } from "@/components/feedback/feedback-filter-notice";
import { FeedbackStatusFilter } from "@/components/feedback/feedback-status-filter";
import { FeedbackTable, FeedbackTableSkeleton } from "@/components/feedback/feedback-table";
import { feedbackListInput, nextFeedbackCursor } from "@/components/feedback/feedback-query";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/layout/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasPermission } from "@/server/auth/permissions";
import { type FeedbackSearchParams, parseFeedbackSearchParams } from "@/server/domain/feedback";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("feedback.title") };
}

export default async function FeedbackPage({ searchParams }: { searchParams: Promise<FeedbackSearchParams> }) {
  const t = await getTranslator();
  const queryClient = getQueryClient();
  const { current } = await queryClient.fetchQuery(trpc.workspace.current.queryOptions());
  const header = <PageHeader title={t("feedback.title")} description={t("feedback.description")} />;
  if (!hasPermission(current.role, "feedback.read")) {
    return (
      <>
        {header}
        <NoAccess message={t("feedback.noAccess", { role: t(`roles.${current.role}`) })} />
      </>
    );
  }

  // a link with bad values still opens: they are left out and listed above the inbox
  const { filters, errors } = parseFeedbackSearchParams(await searchParams);
  void queryClient.prefetchInfiniteQuery(
    trpc.feedback.list.infiniteQueryOptions(feedbackListInput(filters), { getNextPageParam: nextFeedbackCursor }),
  );
  const needsLabels = filters.segmentIds.some((id) => id !== null) || filters.stageId !== undefined;
  const labels = needsLabels
    ? await queryClient.fetchQuery(
        trpc.feedback.filterLabels.queryOptions({ segmentIds: filters.segmentIds, stageId: filters.stageId }),
      )
    : { segments: [], stages: [] };
  return (
    <HydrateClient>
      {header}
      <FeedbackFilterNotice heading={t("feedback.filters.ignored")} errors={errors} />
      <FeedbackStatusFilter filters={filters} />
      <FeedbackActiveFilters filters={filters} labels={labels} />
      <Suspense fallback={<FeedbackTableSkeleton />}>
        <FeedbackTable filters={filters} />
      </Suspense>
    </HydrateClient>
  );
}
