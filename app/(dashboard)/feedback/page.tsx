import type { Metadata } from "next";
import { FeedbackFilterNotice } from "@/components/feedback/feedback-filter-notice";
import { FeedbackInbox } from "@/components/feedback/feedback-inbox";
import { feedbackListInput, nextFeedbackCursor } from "@/components/feedback/feedback-query";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/layout/page-header";
import { DataCsvLink } from "@/components/settings/data-csv-link";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasPermission } from "@/server/auth/permissions";
import { exportCsvHref } from "@/server/domain/export/list-params";
import {
  type FeedbackSearchParams,
  MAX_SEARCH_LENGTH,
  parseFeedbackSearchParams,
  serializeFeedbackInbox,
} from "@/server/domain/feedback";
import { DEFAULT_DETECTION_LANGUAGES } from "@/server/domain/text/language";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("feedback.title") };
}

/**
 * The feedback inbox. The URL holds the filters, the order and the open item; this server component
 * reads them, prefetches the first page, the open item and the filters' choices, and hands over to
 * the client inbox (components/feedback/feedback-inbox.tsx).
 */
export default async function FeedbackPage({ searchParams }: { searchParams: Promise<FeedbackSearchParams> }) {
  const t = await getTranslator();
  const queryClient = getQueryClient();
  const { current, user } = await queryClient.fetchQuery(trpc.workspace.current.queryOptions());
  const role = t(`roles.${current.role}`);
  if (!hasPermission(current.role, "feedback.read")) {
    return (
      <>
        <PageHeader title={t("feedback.title")} description={t("feedback.description")} />
        <NoAccess message={t("feedback.noAccess", { role })} />
      </>
    );
  }
  const access = {
    canWork: hasPermission(current.role, "feedback.work"),
    canReadDashboard: hasPermission(current.role, "dashboard.read"),
    canReadJourneys: hasPermission(current.role, "journeys.read"),
  };

  // a link with bad values still opens: they are left out and listed above the inbox
  const { filters, sort, itemId, errors } = parseFeedbackSearchParams(await searchParams);
  void queryClient.prefetchInfiniteQuery(
    trpc.feedback.list.infiniteQueryOptions(feedbackListInput(filters, sort), { getNextPageParam: nextFeedbackCursor }),
  );
  if (itemId !== undefined) void queryClient.prefetchQuery(trpc.feedback.detail.queryOptions({ id: itemId }));
  void queryClient.prefetchQuery(trpc.feedback.themeOptions.queryOptions());
  void queryClient.prefetchQuery(trpc.feedback.assignees.queryOptions());
  if (access.canReadDashboard) void queryClient.prefetchQuery(trpc.dashboard.filterOptions.queryOptions());
  if (access.canReadJourneys) void queryClient.prefetchQuery(trpc.journeys.list.queryOptions());
  const needsLabels = filters.segmentIds.some((id) => id !== null) || filters.stageId !== undefined;
  const labels = needsLabels
    ? await queryClient.fetchQuery(
        trpc.feedback.filterLabels.queryOptions({ segmentIds: filters.segmentIds, stageId: filters.stageId }),
      )
    : { segments: [], stages: [] };

  return (
    <HydrateClient>
      <PageHeader
        title={t("feedback.title")}
        description={access.canWork ? t("feedback.description") : t("feedback.readOnly", { role })}
      >
        <DataCsvLink
          href={exportCsvHref("feedback", serializeFeedbackInbox({ filters, sort }))}
          label={t("exportCsv.button")}
          title={t("exportCsv.title")}
        />
      </PageHeader>
      <FeedbackFilterNotice heading={t("feedback.filters.ignored")} errors={errors} />
      <FeedbackInbox
        filters={filters}
        sort={sort}
        access={access}
        me={{ id: user.id, name: user.name }}
        labels={labels}
        languages={DEFAULT_DETECTION_LANGUAGES}
        searchMaxLength={MAX_SEARCH_LENGTH}
      />
    </HydrateClient>
  );
}
