import type { Metadata } from "next";
import { Suspense } from "react";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/layout/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { SlaPolicyPanel } from "@/components/settings/sla-policy-panel";
import { Skeleton } from "@/components/ui/skeleton";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasPermission } from "@/server/auth/permissions";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("settingsSla.title") };
}

/** Settings → SLA policy: targets per priority, editable by those who configure feedback. */
export default async function SlaSettingsPage() {
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
        <NoAccess message={t("settingsSla.noAccess", { role: t(`roles.${current.role}`) })} />
      </>
    );
  }

  void queryClient.prefetchQuery(trpc.sla.get.queryOptions());
  return (
    <HydrateClient>
      {header}
      <Suspense fallback={<Skeleton className="h-96 max-w-5xl rounded-xl" />}>
        <SlaPolicyPanel />
      </Suspense>
    </HydrateClient>
  );
}
