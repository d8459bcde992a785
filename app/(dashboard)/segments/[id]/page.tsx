import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/layout/page-header";
import { customersListInput, nextCustomersCursor } from "@/components/customers/customer-query";
import { IgnoredParams } from "@/components/segments/ignored-params";
import { parseSegmentsSearchParams } from "@/components/segments/parse-segments-params";
import { SegmentDetail } from "@/components/segments/segment-detail";
import { SegmentsListSkeleton } from "@/components/segments/segments-list";
import { parseIdParam } from "@/components/segments/segments-url";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasPermission } from "@/server/auth/permissions";
import type { SearchParams } from "@/server/domain/dashboard/filters";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("segments.title") };
}

/** One segment's page: persona, figures for the period in the URL, and its customers. */
export default async function SegmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const t = await getTranslator();
  const id = parseIdParam((await params).id);
  if (id === undefined) notFound();
  const queryClient = getQueryClient();
  const { current } = await queryClient.fetchQuery(trpc.workspace.current.queryOptions());
  if (!hasPermission(current.role, "segments.read")) {
    return (
      <>
        <PageHeader title={t("segments.title")} />
        <NoAccess message={t("segments.noAccess", { role: t(`roles.${current.role}`) })} />
      </>
    );
  }
  const access = {
    canManage: hasPermission(current.role, "segments.manage"),
    canReadCustomers: hasPermission(current.role, "customers.read"),
  };
  const { filters, errors } = parseSegmentsSearchParams(await searchParams);
  // NOT_FOUND (missing, or another workspace's) renders the 404 page
  await queryClient.fetchQuery(trpc.segments.byId.queryOptions({ id, ...filters })).catch(() => notFound());
  if (access.canReadCustomers) {
    void queryClient.prefetchInfiniteQuery(
      trpc.customers.list.infiniteQueryOptions(customersListInput("", id), { getNextPageParam: nextCustomersCursor }),
    );
  }
  if (access.canManage) void queryClient.prefetchQuery(trpc.dashboard.filterOptions.queryOptions());

  return (
    <HydrateClient>
      <IgnoredParams errors={errors} />
      <Suspense fallback={<SegmentsListSkeleton />}>
        <SegmentDetail id={id} filters={filters} access={access} />
      </Suspense>
    </HydrateClient>
  );
}
