import type { Metadata } from "next";
import { Suspense } from "react";
import { DataExportCard } from "@/components/settings/data-export-card";
import { DataImportCard } from "@/components/settings/data-import-card";
import { openSettingsTab } from "@/components/settings/settings-page";
import { Skeleton } from "@/components/ui/skeleton";
import { HydrateClient, trpc } from "@/server/api/rsc";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("settingsData.title") };
}

/** Settings → Data: export the whole workspace to an archive, import an archive (admins). */
export default async function DataSettingsPage() {
  const { queryClient, header, denied } = await openSettingsTab("workspace.archive", "settingsData.noAccess");
  if (denied) return denied;

  void queryClient.prefetchQuery(trpc.archive.summary.queryOptions());
  return (
    <HydrateClient>
      {header}
      <div className="grid max-w-5xl gap-6">
        <Suspense fallback={<Skeleton className="h-96 rounded-xl" />}>
          <DataExportCard />
          <DataImportCard />
        </Suspense>
      </div>
    </HydrateClient>
  );
}
