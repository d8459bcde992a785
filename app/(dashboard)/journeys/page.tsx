import type { Metadata } from "next";
import { Suspense } from "react";
import { JourneyMap, JourneyMapSkeleton } from "@/components/journeys/journey-map";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/layout/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasPermission } from "@/server/auth/permissions";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("journeys.title") };
}

export default async function JourneysPage() {
  const t = await getTranslator();
  const queryClient = getQueryClient();
  const { current } = await queryClient.fetchQuery(trpc.workspace.current.queryOptions());
  const header = <PageHeader title={t("journeys.title")} description={t("journeys.description")} />;
  if (!hasPermission(current.role, "journeys.read")) {
    return (
      <>
        {header}
        <NoAccess message={t("journeys.noAccess", { role: t(`roles.${current.role}`) })} />
      </>
    );
  }

  void queryClient.prefetchQuery(trpc.journeys.list.queryOptions());
  return (
    <HydrateClient>
      {header}
      <Suspense fallback={<JourneyMapSkeleton />}>
        <JourneyMap />
      </Suspense>
    </HydrateClient>
  );
}
