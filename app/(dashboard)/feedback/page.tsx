import type { Metadata } from "next";
import { Suspense } from "react";
import { FeedbackStatusFilter } from "@/components/feedback/feedback-status-filter";
import { FeedbackTable, FeedbackTableSkeleton } from "@/components/feedback/feedback-table";
import { feedbackListInput, nextFeedbackCursor, parseFeedbackStatus } from "@/components/feedback/feedback-query";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/layout/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasPermission } from "@/server/auth/permissions";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("feedback.title") };
}

export default async function FeedbackPage({ searchParams }: { searchParams: Promise<{ status?: string | string[] }> }) {
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

  const status = parseFeedbackStatus((await searchParams).status);
  void queryClient.prefetchInfiniteQuery(
    trpc.feedback.list.infiniteQueryOptions(feedbackListInput(status), { getNextPageParam: nextFeedbackCursor }),
  );
  return (
    <HydrateClient>
      {header}
      <FeedbackStatusFilter current={status} />
      <Suspense fallback={<FeedbackTableSkeleton />}>
        <FeedbackTable status={status} />
      </Suspense>
    </HydrateClient>
  );
}
