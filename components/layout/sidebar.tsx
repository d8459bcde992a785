"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { cn } from "@/components/ui/cn";
import { NAV_ITEMS } from "./nav-items";

export function Sidebar() {
  const { t } = useI18n();
  const pathname = usePathname();
  return (
    <aside className="hidden w-56 shrink-0 border-e bg-card md:flex md:flex-col">
      <div className="flex h-14 items-center gap-2 border-b px-5">
        <span className="inline-block size-6 rounded-md bg-primary" aria-hidden />
        <span className="font-semibold">{t("app.name")}</span>
      </div>
      <nav aria-label={t("nav.mainLabel")} className="flex flex-col gap-1 p-3">
        {NAV_ITEMS.map(({ href, label, icon: Icon }) => {
          const active = href === "/" ? pathname === "/" : pathname.startsWith(href);
          return (
            <Link
              key={href}
              href={href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-3 rounded-md px-3 py-2 text-sm text-muted-foreground hover:bg-accent hover:text-accent-foreground",
                active && "bg-accent font-medium text-accent-foreground",
              )}
            >
              <Icon className="size-4" aria-hidden />
              {t(label)}
            </Link>
          );
        })}
      </nav>
    </aside>
  );
}
