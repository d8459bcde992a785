import type { Metadata } from "next";
import { Suspense } from "react";
import { OverviewTiles, OverviewTilesSkeleton } from "@/components/overview/overview-tiles";
import { PageHeader } from "@/components/layout/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { getTranslator } from "@/server/i18n/server";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const t = await getTranslator();
  void getQueryClient().prefetchQuery(trpc.overview.counts.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title={t("overview.title")} />
      <Suspense fallback={<OverviewTilesSkeleton />}>
        <OverviewTiles />
      </Suspense>
    </HydrateClient>
  );
}
