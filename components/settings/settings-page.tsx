import type { ReactNode } from "react";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/layout/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { hasPermission, type Permission } from "@/server/auth/permissions";
import type { MessageKey } from "@/server/i18n/core";
import { getTranslator } from "@/server/i18n/server";

/**
 * What every settings tab starts with (server side): the translator, the request's query client,
 * the member's role, the settings header with its tabs, and — when the role lacks `permission` —
 * the page to show instead (`denied`: the header and why, in the `noAccess` message's words).
 */
export async function openSettingsTab(permission: Permission, noAccess: MessageKey) {
  const t = await getTranslator();
  const queryClient = getQueryClient();
  const { current } = await queryClient.fetchQuery(trpc.workspace.current.queryOptions());
  const header = (
    <>
      <PageHeader title={t("settings.title")} />
      <SettingsNav />
    </>
  );
  const denied: ReactNode = hasPermission(current.role, permission) ? null : (
    <>
      {header}
      <NoAccess message={t(noAccess, { role: t(`roles.${current.role}`) })} />
    </>
  );
  return { t, queryClient, role: current.role, header, denied };
}
