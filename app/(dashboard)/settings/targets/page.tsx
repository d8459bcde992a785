import type { Metadata } from "next";
import { Suspense } from "react";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/layout/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { TargetsPanel } from "@/components/targets/targets-panel";
import { TargetTableSkeleton } from "@/components/targets/target-table";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasPermission } from "@/server/auth/permissions";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("targets.title") };
}

export default async function TargetsSettingsPage() {
  const t = await getTranslator();
  const queryClient = getQueryClient();
  const { current } = await queryClient.fetchQuery(trpc.workspace.current.queryOptions());
  const header = (
    <>
      <PageHeader title={t("settings.title")} />
      <SettingsNav />
    </>
  );
  if (!hasPermission(current.role, "dashboard.read")) {
    return (
      <>
        {header}
        <NoAccess message={t("targets.noAccess", { role: t(`roles.${current.role}`) })} />
      </>
    );
  }

  void queryClient.prefetchQuery(trpc.targets.list.queryOptions());
  if (hasPermission(current.role, "targets.manage")) void queryClient.prefetchQuery(trpc.targets.scopeOptions.queryOptions());
  return (
    <HydrateClient>
      {header}
      <Suspense fallback={<TargetTableSkeleton />}>
        <TargetsPanel />
      </Suspense>
    </HydrateClient>
  );
}
