import type { Metadata } from "next";
import { Suspense } from "react";
import { ActionTable, ActionTableSkeleton } from "@/components/actions/action-table";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/layout/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasPermission } from "@/server/auth/permissions";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("actions.title") };
}

export default async function ActionsPage() {
  const t = await getTranslator();
  const queryClient = getQueryClient();
  const { current } = await queryClient.fetchQuery(trpc.workspace.current.queryOptions());
  const header = <PageHeader title={t("actions.title")} description={t("actions.description")} />;
  if (!hasPermission(current.role, "actions.read")) {
    return (
      <>
        {header}
        <NoAccess message={t("actions.noAccess", { role: t(`roles.${current.role}`) })} />
      </>
    );
  }

  void queryClient.prefetchQuery(trpc.actions.list.queryOptions({}));
  return (
    <HydrateClient>
      {header}
      <Suspense fallback={<ActionTableSkeleton />}>
        <ActionTable />
      </Suspense>
    </HydrateClient>
  );
}
