import type { Metadata } from "next";
import { Suspense } from "react";
import { openSettingsTab } from "@/components/settings/settings-page";
import { SlaPolicyPanel } from "@/components/settings/sla-policy-panel";
import { Skeleton } from "@/components/ui/skeleton";
import { HydrateClient, trpc } from "@/server/api/rsc";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("settingsSla.title") };
}

/** Settings → SLA policy: targets per priority, editable by those who configure feedback. */
export default async function SlaSettingsPage() {
  const { queryClient, header, denied } = await openSettingsTab("feedback.read", "settingsSla.noAccess");
  if (denied) return denied;

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
