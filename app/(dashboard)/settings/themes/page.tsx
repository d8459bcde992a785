import type { Metadata } from "next";
import { Suspense } from "react";
import { rollingPeriodRange, themeImpactInput } from "@/components/feedback-analytics/analytics-params";
import { TableSkeleton } from "@/components/layout/table-skeleton";
import { openSettingsTab } from "@/components/settings/settings-page";
import { ThemesPanel } from "@/components/settings/themes-panel";
import { HydrateClient, trpc } from "@/server/api/rsc";
import { hasPermission } from "@/server/auth/permissions";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("settingsThemes.title") };
}

/** Settings → Themes: the theme library, and suggested themes for those who configure feedback. */
export default async function ThemesSettingsPage() {
  const { queryClient, role, header, denied } = await openSettingsTab("feedback.read", "settingsThemes.noAccess");
  if (denied) return denied;

  // suggestions read the last 90 days of comments: computed once here, so the prefetch and the
  // client's query share one input
  const suggestionsInput = themeImpactInput({ period: "last90" }, rollingPeriodRange("last90", new Date()));
  void queryClient.prefetchQuery(trpc.themes.list.queryOptions());
  if (hasPermission(role, "feedback.configure")) {
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
