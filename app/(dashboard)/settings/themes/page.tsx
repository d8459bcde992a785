import type { Metadata } from "next";
import { Suspense } from "react";
import { rollingPeriodRange, themeImpactInput } from "@/components/feedback-analytics/analytics-params";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/layout/page-header";
import { TableSkeleton } from "@/components/layout/table-skeleton";
import { SettingsNav } from "@/components/settings/settings-nav";
import { ThemesPanel } from "@/components/settings/themes-panel";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasPermission } from "@/server/auth/permissions";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("settingsThemes.title") };
}

/** Settings → Themes: the theme library, and suggested themes for those who configure feedback. */
export default async function ThemesSettingsPage() {
  const t = await getTranslator();
  const queryClient = getQueryClient();
  const { current } = await queryClient.fetchQuery(trpc.workspace.current.queryOptions());
  const header = (
    <>
      <PageHeader title={t("settings.title")} />
      <SettingsNav />
    </>
  );
  if (!hasPermission(current.role, "feedback.read")) {
    return (
      <>
        {header}
        <NoAccess message={t("settingsThemes.noAccess", { role: t(`roles.${current.role}`) })} />
      </>
    );
  }

  // suggestions read the last 90 days of comments: computed once here, so the prefetch and the
  // client's query share one input
  const suggestionsInput = themeImpactInput({ period: "last90" }, rollingPeriodRange("last90", new Date()));
  void queryClient.prefetchQuery(trpc.themes.list.queryOptions());
  if (hasPermission(current.role, "feedback.configure")) {
    void queryClient.prefetchQuery(trpc.themes.suggestions.queryOptions(suggestionsInput));
  }
  return (
    <HydrateClient>
      {header}
      <Suspense fallback={<TableSkeleton />}>
        <ThemesPanel suggestionsInput={suggestionsInput} />
      </Suspense>
    </HydrateClient>
  );
}
