"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useState } from "react";
import { formatCount } from "@/components/dashboard/format";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { MessageKey } from "@/server/i18n/core";

/** The tables an admin recognises, in the order the card lists them (the archive holds every table). */
const SHOWN = [
  "segments",
  "customers",
  "orders",
  "feedback",
  "themes",
  "actions",
  "kpi_targets",
  "memberships",
  "imports",
  "audit_events",
] as const;

/** Settings → Data: what an export of the workspace holds, and the download. */
export function DataExportCard() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.archive.summary.queryOptions());
  const [started, setStarted] = useState(false);
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base text-foreground">{t("settingsData.exportTitle")}</CardTitle>
        <p className="text-sm text-muted-foreground">{t("settingsData.exportAbout")}</p>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <div>
          <h3 className="mb-2 text-sm font-medium">{t("settingsData.exportHolds")}</h3>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-3 lg:grid-cols-5">
            {SHOWN.map((table) => (
              <div key={table} className="flex justify-between gap-2 border-b py-1">
                <dt className="text-muted-foreground">{t(`settingsData.tables.${table}` as MessageKey)}</dt>
                <dd className="tabular-nums">{formatCount(locale, data.rows[table] ?? 0)}</dd>
              </div>
            ))}
          </dl>
        </div>
        <p className="text-sm text-muted-foreground">{t("settingsData.exportLeftOut")}</p>
        <div className="flex flex-wrap items-center gap-3">
          <a
            href="/api/export/archive"
            download
            onClick={() => setStarted(true)}
            className={buttonVariants({ className: "w-fit" })}
          >
            <Download aria-hidden />
            {t("settingsData.exportButton")}
          </a>
          {started && (
            <span role="status" className="text-sm text-muted-foreground">
              {t("settingsData.exportStarted")}
            </span>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
