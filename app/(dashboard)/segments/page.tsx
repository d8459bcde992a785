import type { Metadata } from "next";
import { Suspense } from "react";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/layout/page-header";
import { SegmentTable, SegmentTableSkeleton } from "@/components/segments/segment-table";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasPermission } from "@/server/auth/permissions";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("segments.title") };
}

export default async function SegmentsPage() {
  const t = await getTranslator();
  const queryClient = getQueryClient();
  const { current } = await queryClient.fetchQuery(trpc.workspace.current.queryOptions());
  const header = <PageHeader title={t("segments.title")} description={t("segments.description")} />;
  if (!hasPermission(current.role, "segments.read")) {
    return (
      <>
        {header}
        <NoAccess message={t("segments.noAccess", { role: t(`roles.${current.role}`) })} />
      </>
    );
  }

  void queryClient.prefetchQuery(trpc.segments.list.queryOptions());
  return (
    <HydrateClient>
      {header}
      <Suspense fallback={<SegmentTableSkeleton />}>
        <SegmentTable />
      </Suspense>
    </HydrateClient>
  );
}
