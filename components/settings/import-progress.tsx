"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect } from "react";
import { formatCount } from "@/components/dashboard/format";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ImportProgress } from "@/server/services/imports-history";
import { formatDuration } from "./import-format";

const POLL_MS = 1_000;
const RUNNING = new Set(["pending", "running"]);

async function fetchProgress(importId: number): Promise<ImportProgress> {
  const response = await fetch(`/api/imports/${importId}/progress`, { cache: "no-store" });
  const body = (await response.json().catch(() => ({}))) as ImportProgress & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}

/**
 * A running import's progress bar with rows/s and the time left, polled every second from
 * GET /api/imports/<id>/progress (answered from memory for its starter while PGlite's transaction
 * holds the database); then what it did, or why it failed. The import runs on the server as a
 * job, so leaving the page does not stop it.
 */
export function ImportProgressCard({
  importId,
  fileName,
  entity,
  onDone,
}: {
  importId: number;
  fileName: string;
  entity: string;
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ["import-progress", importId],
    queryFn: () => fetchProgress(importId),
    refetchInterval: (q) => (q.state.data && !RUNNING.has(q.state.data.status) ? false : POLL_MS),
  });
  const progress = query.data;
  const finished = progress !== undefined && !RUNNING.has(progress.status);
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries(trpc.imports.list.queryFilter());
  }, [finished, queryClient, trpc]);

  const n = (value: number) => formatCount(locale, value);
  const percent = progress?.share == null ? 0 : Math.round(progress.share * 100);
  const details = progress
    ? [
        t("settingsImport.progress.rows", { done: n(progress.rowsRead), total: n(progress.rowsTotal) }),
        progress.rowsPerSecond != null && t("settingsImport.progress.rate", { rate: n(progress.rowsPerSecond) }),
        !finished &&
          progress.etaSeconds != null &&
          t("settingsImport.progress.eta", { time: formatDuration(locale, progress.etaSeconds) }),
      ].filter(Boolean)
    : [];

  return (
    <Card data-testid="import-progress">
      <CardHeader>
        <CardTitle className="text-base text-foreground">
          {finished
            ? t("settingsImport.progress.finishedHeading", { name: fileName })
            : t("settingsImport.progress.heading", { name: fileName })}
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3">
        <div
          role="progressbar"
          aria-label={t("settingsImport.progress.label")}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={details.join(", ")}
          className="h-3 overflow-hidden rounded-full bg-muted"
        >
          <div
            className={`h-full rounded-full transition-[width] duration-500 ${progress?.status === "failed" ? "bg-destructive" : "bg-primary"}`}
            style={{ width: `${percent}%` }}
          />
        </div>
        <p className="text-sm tabular-nums" data-testid="import-progress-figures">
          {progress?.status === "pending"
            ? t("settingsImport.progress.queued")
            : `${percent} % · ${details.join(" · ")}`}
        </p>
        {query.error && <p className="text-sm text-destructive">{query.error.message}</p>}
        {!finished && <p className="text-sm text-muted-foreground">{t("settingsImport.progress.leave")}</p>}
        {progress?.status === "done" && (
          <p role="status" className="text-sm text-positive">
            {t("settingsImport.progress.done", {
              name: fileName,
              inserted: n(progress.inserted),
              updated: n(progress.updated),
              skipped: n(progress.skipped),
            })}
          </p>
        )}
        {finished && progress?.status !== "done" && (
          <p role="status" className="text-sm text-destructive">
            {t("settingsImport.progress.failed", { name: fileName, error: progress?.error ?? progress?.status ?? "" })}
          </p>
        )}
        {finished && (
          <div className="flex flex-wrap gap-3">
            {progress?.status === "done" && entity === "feedback" && (
              <Button asChild variant="outline">
                <Link href="/feedback">{t("settingsImport.progress.openInbox")}</Link>
              </Button>
            )}
            <Button onClick={onDone}>{t("settingsImport.progress.another")}</Button>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
