import type { Metadata } from "next";
import { IMPACT_OVERVIEW_INPUT, nextActionsCursor } from "@/components/actions/action-types";
import { ActionsView } from "@/components/actions/actions-view";
import { type ActionsSearchParams, actionsListInput, parseActionsSearchParams } from "@/components/actions/actions-url";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/layout/page-header";
import { DataCsvLink } from "@/components/settings/data-csv-link";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasPermission } from "@/server/auth/permissions";
import { exportCsvHref } from "@/server/domain/export/list-params";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("actions.title") };
}

/**
 * Improvement actions. The URL holds the view (`?view=board|table|mine|impact|review`; a team member
 * lands on My actions) and the create dialog with its prefill (`?create=1&stage=…&feedback=1,2`);
 * this server component reads them, prefetches what the view and the dialog read, and hands over
 * to the client view (components/actions/actions-view.tsx).
 */
export default async function ActionsPage({ searchParams }: { searchParams: Promise<ActionsSearchParams> }) {
  const t = await getTranslator();
  const queryClient = getQueryClient();
  const { current } = await queryClient.fetchQuery(trpc.workspace.current.queryOptions());
  const role = current.role;
  if (!hasPermission(role, "actions.read")) {
    return (
      <>
        <PageHeader title={t("actions.title")} description={t("actions.description")} />
        <NoAccess message={t("actions.noAccess", { role: t(`roles.${role}`) })} />
      </>
    );
  }
  const canManage = hasPermission(role, "actions.manage");
  const canWork = hasPermission(role, "actions.work");
  const { view, create, ignored } = parseActionsSearchParams(await searchParams, role);

  if (view === "impact" || view === "review") {
    if (view === "impact")
      void queryClient.prefetchQuery(trpc.actions.impactOverview.queryOptions(IMPACT_OVERVIEW_INPUT));
    void queryClient.prefetchQuery(trpc.actions.upForReview.queryOptions());
    void queryClient.prefetchQuery(trpc.dashboard.filterOptions.queryOptions());
  } else {
    void queryClient.prefetchInfiniteQuery(
      trpc.actions.list.infiniteQueryOptions(actionsListInput(view), { getNextPageParam: nextActionsCursor }),
    );
  }
  if (create && canManage) {
    void queryClient.prefetchQuery(trpc.feedback.assignees.queryOptions());
    void queryClient.prefetchQuery(trpc.dashboard.filterOptions.queryOptions());
    void queryClient.prefetchQuery(trpc.journeys.list.queryOptions());
    void queryClient.prefetchQuery(trpc.feedback.themeOptions.queryOptions());
  }

  const description = canManage
    ? t("actions.description")
    : canWork
      ? t("actions.descriptionTeam")
      : t("actions.readOnly", { role: t(`roles.${role}`) });
  return (
    <HydrateClient>
      <PageHeader title={t("actions.title")} description={description}>
        {view !== "impact" && view !== "review" && (
          <DataCsvLink
            href={exportCsvHref("actions", view === "mine" ? "mine=true" : "")}
            label={t("exportCsv.button")}
            title={t("exportCsv.title")}
          />
        )}
      </PageHeader>
      <ActionsView view={view} create={create} ignored={ignored} canManage={canManage} currency={current.currency} />
    </HydrateClient>
  );
}
