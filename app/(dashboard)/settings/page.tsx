import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { AuditLog } from "@/components/settings/audit-log";
import { SettingsNav } from "@/components/settings/settings-nav";
import { WorkspaceForm } from "@/components/settings/workspace-form";
import { Skeleton } from "@/components/ui/skeleton";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { getTranslator } from "@/server/i18n/server";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const t = await getTranslator();
  void getQueryClient().prefetchQuery(trpc.workspace.current.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title={t("settings.title")} />
      <SettingsNav />
      <div className="grid max-w-4xl gap-6">
        <Suspense fallback={<Skeleton className="h-40 rounded-xl" />}>
          <WorkspaceForm />
          <AuditLog />
        </Suspense>
      </div>
    </HydrateClient>
  );
}
