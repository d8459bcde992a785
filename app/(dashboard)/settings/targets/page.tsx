import type { Metadata } from "next";
import { Suspense } from "react";
import { openSettingsTab } from "@/components/settings/settings-page";
import { TargetsPanel } from "@/components/targets/targets-panel";
import { TargetTableSkeleton } from "@/components/targets/target-table";
import { HydrateClient, trpc } from "@/server/api/rsc";
import { hasPermission } from "@/server/auth/permissions";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("targets.title") };
}

export default async function TargetsSettingsPage() {
  const { queryClient, role, header, denied } = await openSettingsTab("dashboard.read", "targets.noAccess");
  if (denied) return denied;

  void queryClient.prefetchQuery(trpc.targets.list.queryOptions());
  if (hasPermission(role, "targets.manage")) void queryClient.prefetchQuery(trpc.targets.scopeOptions.queryOptions());
  return (
    <HydrateClient>
      {header}
      <Suspense fallback={<TargetTableSkeleton />}>
        <TargetsPanel />
      </Suspense>
    </HydrateClient>
  );
}
