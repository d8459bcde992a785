import type { Metadata } from "next";
import { Suspense } from "react";
import { TableSkeleton } from "@/components/layout/table-skeleton";
import { ImportPanel } from "@/components/settings/import-panel";
import { openSettingsTab } from "@/components/settings/settings-page";
import { HydrateClient, trpc } from "@/server/api/rsc";
import { readEnv } from "@/server/env";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("settingsImport.title") };
}

/** Settings → Import: upload a CSV file, map and check it, import it in the background, undo an import. */
export default async function ImportSettingsPage() {
  const { queryClient, header, denied } = await openSettingsTab("imports.run", "settingsImport.noAccess");
  if (denied) return denied;

  void queryClient.prefetchQuery(trpc.imports.list.queryOptions());
  return (
    <HydrateClient>
      {header}
      <Suspense fallback={<TableSkeleton />}>
        <ImportPanel maxUploadMb={readEnv().TOUCHPOINT_UPLOAD_MAX_MB} />
      </Suspense>
    </HydrateClient>
  );
}
