import type { Metadata } from "next";
import { Suspense } from "react";
import { DashboardFilterBar } from "@/components/dashboard/dashboard-filters";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/layout/page-header";
import { OverviewTiles, OverviewTilesSkeleton } from "@/components/overview/overview-tiles";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasPermission } from "@/server/auth/permissions";
import { parseDashboardSearchParams, type SearchParams } from "@/server/domain/dashboard";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("overview.title") };
}

/**
 * The executive dashboard: this month at a glance, then the KPI tiles and the charts for the
 * filters in the URL (`?period=2026-Q3&segment=3,7&compare=yoy…`), prefetched on the server so the
 * first paint has figures.
 */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const t = await getTranslator();
  const queryClient = getQueryClient();
  const { current } = await queryClient.fetchQuery(trpc.workspace.current.queryOptions());
  const header = <PageHeader title={t("overview.title")} description={t("dashboardFilters.description")} />;
  if (!hasPermission(current.role, "dashboard.read")) {
    return (
      <>
        {header}
        <NoAccess message={t("dashboardFilters.noAccess", { role: t(`roles.${current.role}`) })} />
      </>
    );
  }
  const { filters, errors } = parseDashboardSearchParams(await searchParams);
  const options = await queryClient.fetchQuery(trpc.dashboard.filterOptions.queryOptions());
  void queryClient.prefetchQuery(trpc.overview.counts.queryOptions());
  void queryClient.prefetchQuery(trpc.dashboard.kpis.queryOptions(filters));
  void queryClient.prefetchQuery(trpc.dashboard.segments.queryOptions(filters));
  void queryClient.prefetchQuery(trpc.dashboard.trends.queryOptions({ ...filters, bySegment: false }));
  void queryClient.prefetchQuery(trpc.dashboard.heatmap.queryOptions(filters));
  return (
    <HydrateClient>
      {header}
      <Suspense fallback={<OverviewTilesSkeleton />}>
        <OverviewTiles />
      </Suspense>
      <h2 className="mb-3 mt-8 text-lg font-semibold">{t("dashboardFilters.heading")}</h2>
      {errors.length > 0 && (
        <ul role="status" className="mb-4 rounded-md border border-amber-500/40 bg-amber-500/10 p-3 text-sm">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
      <DashboardFilterBar filters={filters} options={options} />
      <DashboardView filters={filters} />
    </HydrateClient>
  );
}
