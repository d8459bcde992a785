"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { cn } from "@/components/ui/cn";
import { hasPermission, type Permission } from "@/server/auth/permissions";
import type { MessageKey } from "@/server/i18n/core";

/** A section with a `permission` is listed only for roles that have it. */
const SECTIONS: ReadonlyArray<{ href: string; label: MessageKey; permission?: Permission }> = [
  { href: "/settings", label: "settings.sectionGeneral" },
  { href: "/settings/targets", label: "settings.sectionTargets" },
  { href: "/settings/sla", label: "settingsSla.nav" },
  { href: "/settings/themes", label: "settingsThemes.nav" },
  { href: "/settings/integrations", label: "settingsIntegrations.nav", permission: "workspace.integrations" },
  { href: "/settings/import", label: "settingsImport.nav", permission: "imports.run" },
  { href: "/settings/data", label: "settingsData.nav", permission: "workspace.archive" },
];

/** The tabs-like row between the settings pages; each is its own URL, so it can be linked to. */
export function SettingsNav() {
  const { t } = useI18n();
  const pathname = usePathname();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.workspace.current.queryOptions());
  const sections = SECTIONS.filter(({ permission }) => !permission || hasPermission(data.current.role, permission));
  return (
    <nav aria-label={t("settings.sectionsLabel")} className="mb-6 flex gap-1 overflow-x-auto border-b">
      {sections.map(({ href, label }) => {
        const active = pathname === href;
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 border-transparent px-3 py-2 text-sm text-muted-foreground hover:text-foreground",
              active && "border-primary font-medium text-foreground",
            )}
          >
            {t(label)}
          </Link>
        );
      })}
    </nav>
  );
}
