"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { ImportHistory } from "./import-history";
import { ImportMapper, type StartedImport } from "./import-mapper";
import { ImportProgressCard } from "./import-progress";
import { ImportUpload, type UploadedFile } from "./import-upload";

/**
 * Settings → Import: upload, describe and map, check, import with a progress bar, and the
 * history. An import still running when the page opens (started before, or elsewhere) shows its
 * progress instead of the upload step.
 */
export function ImportPanel({ maxUploadMb }: { maxUploadMb: number }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { data: history } = useSuspenseQuery(trpc.imports.list.queryOptions());
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [started, setStarted] = useState<StartedImport | null>(null);
  // imports whose card was closed with "Import another file" while they still ran
  const [dismissed, setDismissed] = useState<ReadonlySet<number>>(new Set());
  const running = history.find((i) => (i.status === "pending" || i.status === "running") && !dismissed.has(i.id));
  const active: StartedImport | null =
    started ?? (running ? { importId: running.id, fileName: running.fileName, entity: running.entity } : null);
  const reset = () => {
    setFile(null);
    setStarted(null);
  };
  const close = (importId: number) => {
    setDismissed((ids) => new Set(ids).add(importId));
    reset();
  };

  return (
    <div className="grid max-w-6xl gap-6">
      <p className="max-w-3xl text-sm text-muted-foreground">{t("settingsImport.description")}</p>
      {active ? (
        <ImportProgressCard key={active.importId} {...active} onDone={() => close(active.importId)} />
      ) : (
        <>
          <ImportUpload file={file} maxUploadMb={maxUploadMb} onUploaded={setFile} onReset={reset} />
          {file && <ImportMapper key={file.uploadId} file={file} onStarted={setStarted} onRetry={reset} />}
        </>
      )}
      <ImportHistory />
    </div>
  );
}
