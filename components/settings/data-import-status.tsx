"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { formatCount } from "@/components/dashboard/format";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { switchWorkspaceAction } from "@/server/auth/actions";
import type { ArchiveImportReport } from "./data-import-card";

export type ImportState =
  | { step: "idle" }
  | { step: "uploading"; percent: number }
  | { step: "importing" }
  | { step: "done"; report: ArchiveImportReport }
  | { step: "failed"; error: string };

/** Where an archive import stands: upload progress, the import running, its result or why it failed. */
export function DataImportStatus({ state }: { state: ImportState }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [opening, startOpening] = useTransition();

  if (state.step === "idle") return null;
  if (state.step === "failed") {
    return (
      <p role="alert" className="text-sm text-destructive">
        {state.error}
      </p>
    );
  }
  if (state.step === "uploading" || state.step === "importing") {
    const percent = state.step === "uploading" ? state.percent : undefined;
    return (
      <div role="status" className="flex max-w-md flex-col gap-2 text-sm">
        <span>{percent === undefined ? t("settingsData.importing") : t("settingsData.uploading", { percent })}</span>
        <progress
          className="h-2 w-full accent-primary"
          max={100}
          value={percent}
          aria-label={t("settingsData.submit")}
        />
      </div>
    );
  }
  const { report } = state;
  const rows = Object.values(report.rows).reduce((sum, n) => sum + n, 0);
  const open = () =>
    startOpening(async () => {
      await switchWorkspaceAction(report.workspace.id);
      // every cached figure belongs to the old workspace
      queryClient.clear();
      router.push("/");
    });
  return (
    <div role="status" className="flex flex-col gap-2 text-sm">
      <p className="text-positive">
        {t("settingsData.done", { rows: formatCount(locale, rows), name: report.workspace.name })}
      </p>
      {report.createdUsers > 0 && (
        <p className="text-muted-foreground">{t("settingsData.newUsers", { count: report.createdUsers })}</p>
      )}
      <Button type="button" variant="outline" className="w-fit" disabled={opening} onClick={open}>
        {t("settingsData.open", { name: report.workspace.name })}
      </Button>
    </div>
  );
}
