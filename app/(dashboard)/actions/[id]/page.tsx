import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionDetailView } from "@/components/actions/action-detail";
import { parseId } from "@/components/actions/actions-url";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/layout/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasPermission } from "@/server/auth/permissions";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("actions.detail.pageTitle", { id: (await params).id }) };
}

/**
 * One improvement action. Prefetches the action and hands over to
 * components/actions/action-detail.tsx, which reads the impact of a done action itself and shows a
 * missing or hidden action (another workspace's, another team's for a team member) as "not found".
 */
export default async function ActionPage({ params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === undefined) notFound();
  const t = await getTranslator();
  const queryClient = getQueryClient();
  const { current } = await queryClient.fetchQuery(trpc.workspace.current.queryOptions());
  if (!hasPermission(current.role, "actions.read")) {
    return (
      <>
        <PageHeader title={t("actions.title")} />
        <NoAccess message={t("actions.noAccess", { role: t(`roles.${current.role}`) })} />
      </>
    );
  }
  void queryClient.prefetchQuery(trpc.actions.byId.queryOptions({ id }));
  return (
    <HydrateClient>
      <ActionDetailView id={id} currency={current.currency} canManage={hasPermission(current.role, "actions.manage")} />
    </HydrateClient>
  );
}
