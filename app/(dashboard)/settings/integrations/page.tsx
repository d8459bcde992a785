import type { Metadata } from "next";
import { Suspense } from "react";
import { requestOrigin } from "@/components/docs/request-origin";
import { TableSkeleton } from "@/components/layout/table-skeleton";
import { IntegrationsPanel } from "@/components/settings/integrations-panel";
import { openSettingsTab } from "@/components/settings/settings-page";
import { HydrateClient, trpc } from "@/server/api/rsc";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("settingsIntegrations.title") };
}

/** Settings → Integrations: API keys and webhook endpoints, for admins only. */
export default async function IntegrationsSettingsPage() {
  const { queryClient, header, denied } = await openSettingsTab(
    "workspace.integrations",
    "settingsIntegrations.noAccess",
  );
  if (denied) return denied;

  void queryClient.prefetchQuery(trpc.apiKeys.list.queryOptions());
  void queryClient.prefetchQuery(trpc.webhooks.list.queryOptions());
  return (
    <HydrateClient>
      {header}
      <Suspense fallback={<TableSkeleton />}>
        <IntegrationsPanel origin={await requestOrigin()} />
      </Suspense>
    </HydrateClient>
  );
}
