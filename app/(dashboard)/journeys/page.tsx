import type { Metadata } from "next";
import { DashboardFilterBar } from "@/components/dashboard/dashboard-filters";
import { JourneysView } from "@/components/journeys/journeys-view";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/layout/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasPermission } from "@/server/auth/permissions";
import { parseDashboardSearchParams, type SearchParams } from "@/server/domain/dashboard";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("journeys.title") };
}

/**
 * The customer journey for the filters in the URL (the dashboard's: `?period=2026-Q3&segment=3`):
 * the journey map, the moments of truth and the funnel, prefetched so the first paint has figures.
 * A journey stage filter would narrow nothing here (every figure is per stage), so it is dropped.
 */
export default async function JourneysPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
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

  const parsed = parseDashboardSearchParams(await searchParams);
  const filters = { ...parsed.filters, stageId: undefined };
  const options = await queryClient.fetchQuery(trpc.dashboard.filterOptions.queryOptions());
  void queryClient.prefetchQuery(trpc.journeys.map.queryOptions(filters));
  void queryClient.prefetchQuery(trpc.journeys.momentsOfTruth.queryOptions(filters));
  void queryClient.prefetchQuery(trpc.journeys.funnel.queryOptions(filters));
  return (
    <HydrateClient>
      {header}
      {parsed.errors.length > 0 && (
        <ul role="status" className="mb-4 rounded-md border border-amber-500/40 bg-amber-500/10 p-3 text-sm">
          {parsed.errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
      {/* the bar's journey-stage select is hidden: see above */}
      <div className="[&_div:has(>#dashboard-stage)]:hidden">
        <DashboardFilterBar filters={filters} options={{ ...options, stages: [] }} />
      </div>
      <JourneysView filters={filters} canManage={hasPermission(current.role, "journeys.manage")} />
    </HydrateClient>
  );
}
