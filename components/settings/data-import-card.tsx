"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import { useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { DataImportStatus, type ImportState } from "./data-import-status";

/** The report POST /api/export/archive answers with (server/services/archive-import.ts). */
export interface ArchiveImportReport {
  workspace: { id: number; slug: string; name: string };
  rows: Record<string, number>;
  createdUsers: number;
}

/**
 * Sends the archive with XMLHttpRequest, for its upload progress (fetch has none), and resolves
 * with the import's report or the server's error message.
 */
function uploadArchive(
  file: File,
  query: URLSearchParams,
  onProgress: (percent: number) => void,
  interrupted: string,
): Promise<{ ok: true; report: ArchiveImportReport } | { ok: false; error: string }> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/export/archive?${query.toString()}`);
    request.responseType = "json";
    request.setRequestHeader("content-type", "application/gzip");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((100 * event.loaded) / event.total));
    };
    request.onload = () => {
      const body = request.response as (ArchiveImportReport & { error?: string }) | null;
      if (request.status === 200 && body) resolve({ ok: true, report: body });
      else resolve({ ok: false, error: body?.error ?? interrupted });
    };
    request.onerror = () => resolve({ ok: false, error: interrupted });
    request.send(file);
  });
}

/** Settings → Data: import an archive into a new workspace, or into this one while it is empty. */
export function DataImportCard() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const id = useId();
  const { data: summary } = useSuspenseQuery(trpc.archive.summary.queryOptions());
  const { data: workspace } = useSuspenseQuery(trpc.workspace.current.queryOptions());
  const [file, setFile] = useState<File | null>(null);
  const [target, setTarget] = useState<"new" | "current">("new");
  const [slug, setSlug] = useState("");
  const [name, setName] = useState("");
  const [state, setState] = useState<ImportState>({ step: "idle" });
  const busy = state.step === "uploading" || state.step === "importing";

  async function submit() {
    if (!file) return setState({ step: "failed", error: t("settingsData.chooseFile") });
    if (target === "new" && !slug.trim()) return setState({ step: "failed", error: t("settingsData.chooseSlug") });
    const query = new URLSearchParams({ target });
    if (target === "new") {
      query.set("slug", slug.trim());
      if (name.trim()) query.set("name", name.trim());
    }
    setState({ step: "uploading", percent: 0 });
    const result = await uploadArchive(
      file,
      query,
      (percent) => setState(percent >= 100 ? { step: "importing" } : { step: "uploading", percent }),
      t("settingsData.interrupted"),
    );
    setState(result.ok ? { step: "done", report: result.report } : { step: "failed", error: result.error });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base text-foreground">{t("settingsData.importTitle")}</CardTitle>
        <p className="text-sm text-muted-foreground">{t("settingsData.importAbout")}</p>
      </CardHeader>
      <CardContent>
        <form
          className="flex flex-col gap-4"
          aria-busy={busy}
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <div className="flex max-w-md flex-col gap-2">
            <Label htmlFor={`${id}-file`}>{t("settingsData.file")}</Label>
            <Input
              id={`${id}-file`}
              type="file"
              accept=".gz,.tgz,application/gzip"
              disabled={busy}
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </div>
          <fieldset className="flex flex-col gap-2" disabled={busy}>
            <legend className="mb-1 text-sm font-medium">{t("settingsData.target")}</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name={`${id}-target`} checked={target === "new"} onChange={() => setTarget("new")} />
              {t("settingsData.targetNew")}
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={`${id}-target`}
                checked={target === "current"}
                disabled={!summary.empty}
                aria-describedby={summary.empty ? undefined : `${id}-not-empty`}
                onChange={() => setTarget("current")}
              />
              {t("settingsData.targetCurrent", { name: workspace.current.name })}
            </label>
            {!summary.empty && (
              <p id={`${id}-not-empty`} className="ms-6 text-xs text-muted-foreground">
                {t("settingsData.currentNotEmpty")}
              </p>
            )}
          </fieldset>
          {target === "new" && (
            <div className="grid max-w-2xl gap-4 sm:grid-cols-2">
              <div className="flex flex-col gap-2">
                <Label htmlFor={`${id}-slug`}>{t("settingsData.slug")}</Label>
                <Input
                  id={`${id}-slug`}
                  value={slug}
                  maxLength={63}
                  required
                  aria-describedby={`${id}-slug-hint`}
                  disabled={busy}
                  onChange={(event) => setSlug(event.target.value)}
                />
                <p id={`${id}-slug-hint`} className="text-xs text-muted-foreground">
                  {t("settingsData.slugHint")}
                </p>
              </div>
              <div className="flex flex-col gap-2">
                <Label htmlFor={`${id}-name`}>{t("settingsData.name")}</Label>
                <Input
                  id={`${id}-name`}
                  value={name}
                  maxLength={80}
                  aria-describedby={`${id}-name-hint`}
                  disabled={busy}
                  onChange={(event) => setName(event.target.value)}
                />
                <p id={`${id}-name-hint`} className="text-xs text-muted-foreground">
                  {t("settingsData.nameHint")}
                </p>
              </div>
            </div>
          )}
          <Button type="submit" className="w-fit" disabled={busy}>
            <Upload aria-hidden />
            {t("settingsData.submit")}
          </Button>
          <DataImportStatus state={state} />
        </form>
      </CardContent>
    </Card>
  );
}
