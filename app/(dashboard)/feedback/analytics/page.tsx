import type { Metadata } from "next";
import Link from "next/link";
import { AnalyticsFilters } from "@/components/feedback-analytics/analytics-filters";
import {
  parseThemeAnalyticsParams,
  rollingPeriodRange,
  themeImpactInput,
} from "@/components/feedback-analytics/analytics-params";
import { ThemeAnalyticsView } from "@/components/feedback-analytics/theme-analytics-view";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/layout/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasPermission } from "@/server/auth/permissions";
import { CHANNELS } from "@/server/domain/enums";
import { getTranslator } from "@/server/i18n/server";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("themeAnalytics.title") };
}

/**
 * Theme analytics: the key-driver priority matrix (impact on NPS against frequency, per theme) and
 * the table of every theme, for the period and filters in the URL
 * (`?period=last30&segment=3&stage=2&channel=web`), prefetched on the server.
 */
export default async function ThemeAnalyticsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const t = await getTranslator();
  const queryClient = getQueryClient();
  const { current } = await queryClient.fetchQuery(trpc.workspace.current.queryOptions());
  const canConfigure = hasPermission(current.role, "feedback.configure");
  const header = (
    <PageHeader title={t("themeAnalytics.title")} description={t("themeAnalytics.description")}>
      <Link href="/settings/themes" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
        {canConfigure ? t("themeAnalytics.manageThemes") : t("themeAnalytics.viewThemes")}
      </Link>
    </PageHeader>
  );
  if (!hasPermission(current.role, "feedback.read")) {
    return (
      <>
        {header}
        <NoAccess message={t("themeAnalytics.noAccess", { role: t(`roles.${current.role}`) })} />
      </>
    );
  }

  const { filters, ignored } = parseThemeAnalyticsParams(await searchParams);
  const input = themeImpactInput(filters, rollingPeriodRange(filters.period, new Date()));
  const options = hasPermission(current.role, "dashboard.read")
    ? await queryClient.fetchQuery(trpc.dashboard.filterOptions.queryOptions())
    : { segments: [], stages: [] };
  void queryClient.prefetchQuery(trpc.themes.impact.queryOptions(input));
  return (
    <HydrateClient>
      {header}
      {ignored.length > 0 && (
        <div role="status" className="mb-4 rounded-md border border-amber-500/40 bg-amber-500/10 p-3 text-sm">
          <p className="font-medium">{t("themeAnalytics.ignored.heading")}</p>
          <ul className="mt-1 list-disc ps-5">
            {ignored.map(({ param, value }) => (
              <li key={param}>{t(`themeAnalytics.ignored.${param}`, { value, channels: CHANNELS.join(", ") })}</li>
            ))}
          </ul>
        </div>
      )}
      <AnalyticsFilters filters={filters} options={options} />
      <ThemeAnalyticsView input={input} />
    </HydrateClient>
  );
}
