"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatCount } from "@/components/dashboard/format";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { ColumnHeads } from "@/components/layout/column-heads";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { mutationMessage } from "./mutation-message";

type Status = "pending" | "validating" | "ready" | "running" | "done" | "failed" | "undone";
const TONE: Record<Status, "neutral" | "primary" | "positive" | "negative" | "outline"> = {
  pending: "primary",
  validating: "neutral",
  ready: "neutral",
  running: "primary",
  done: "positive",
  failed: "negative",
  undone: "outline",
};

/** The workspace's imports, newest first: file, records, status, counts, who and when; a finished one can be undone. */
export function ImportHistory() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: items } = useSuspenseQuery({
    ...trpc.imports.list.queryOptions(),
    // an import started elsewhere (or before this page opened) finishes on its own
    refetchInterval: (q) =>
      q.state.data?.some((i) => i.status === "pending" || i.status === "running") ? 3_000 : false,
  });
  const [undoing, setUndoing] = useState<(typeof items)[number] | null>(null);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const undo = useMutation(
    trpc.imports.undo.mutationOptions({
      onSuccess: (report) => {
        setNotice({
          text: t("settingsImport.history.undone", {
            name: undoing?.fileName ?? "",
            deleted: formatCount(locale, report.deleted),
            restored: formatCount(locale, report.restored),
          }),
          error: false,
        });
        setUndoing(null);
        void queryClient.invalidateQueries(trpc.imports.list.queryFilter());
      },
      onError: (error) => {
        setNotice({ text: mutationMessage(error), error: true });
        setUndoing(null);
      },
    }),
  );
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const n = (value: number) => formatCount(locale, value);

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base text-foreground">{t("settingsImport.history.heading")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3">
        {notice && (
          <p role="status" className={notice.error ? "text-sm text-destructive" : "text-sm text-positive"}>
            {notice.text}
          </p>
        )}
        {items.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("settingsImport.history.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table aria-label={t("settingsImport.history.tableLabel")} className="w-full text-sm">
              <ColumnHeads
                columns={[
                  { label: t("settingsImport.history.file") },
                  { label: t("settingsImport.history.records") },
                  { label: t("settingsImport.history.status") },
                  { label: t("settingsImport.history.rows"), align: "end" },
                  { label: t("settingsImport.history.inserted"), align: "end" },
                  { label: t("settingsImport.history.updated"), align: "end" },
                  { label: t("settingsImport.history.skipped"), align: "end" },
                  { label: t("settingsImport.history.by") },
                  { label: t("settingsImport.history.when") },
                  { label: t("settingsImport.history.undo"), align: "end" },
                ]}
              />
              <tbody>
                {items.map((item) => (
                  <tr key={item.id} className="border-t align-top">
                    <td className="max-w-56 py-2 pe-4" dir="auto">
                      <span className="block truncate" title={item.fileName}>
                        {item.fileName}
                      </span>
                      {item.status === "failed" && item.error && (
                        <span className="block text-xs text-destructive">{item.error}</span>
                      )}
                    </td>
                    <td className="py-2 pe-4">{t(`settingsImport.setup.entities.${item.entity}`)}</td>
                    <td className="py-2 pe-4">
                      <Badge tone={TONE[item.status]}>{t(`settingsImport.history.statuses.${item.status}`)}</Badge>
                    </td>
                    <td className="py-2 pe-4 text-end tabular-nums">{n(item.rowsRead)}</td>
                    <td className="py-2 pe-4 text-end tabular-nums">{n(item.rowsInserted)}</td>
                    <td className="py-2 pe-4 text-end tabular-nums">{n(item.rowsUpdated)}</td>
                    <td className="py-2 pe-4 text-end tabular-nums">{n(item.rowsSkipped)}</td>
                    <td className="py-2 pe-4">{item.createdBy ?? t("settingsImport.history.commandLine")}</td>
                    <td className="whitespace-nowrap py-2 pe-4 tabular-nums">{when.format(item.createdAt)}</td>
                    <td className="py-2 text-end">
                      {item.status === "done" && (
                        <Button
                          variant="outline"
                          size="sm"
                          aria-label={t("settingsImport.history.undoLabel", { name: item.fileName })}
                          onClick={() => setUndoing(item)}
                        >
                          {t("settingsImport.history.undo")}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </CardContent>
      <Dialog open={undoing !== null} onOpenChange={(open) => !open && !undo.isPending && setUndoing(null)}>
        <DialogContent closeLabel={t("settingsImport.history.close")}>
          <DialogTitle>{t("settingsImport.history.undoTitle", { name: undoing?.fileName ?? "" })}</DialogTitle>
          <DialogDescription>
            {t("settingsImport.history.undoBody", {
              inserted: n(undoing?.rowsInserted ?? 0),
              updated: n(undoing?.rowsUpdated ?? 0),
            })}
          </DialogDescription>
          <div className="flex justify-end gap-3">
            <DialogClose asChild>
              <Button variant="outline" disabled={undo.isPending}>
                {t("settingsImport.history.cancel")}
              </Button>
            </DialogClose>
            <Button
              variant="destructive"
              disabled={undo.isPending}
              onClick={() => undoing && undo.mutate({ importId: undoing.id })}
            >
              {undo.isPending ? t("settingsImport.history.undoing") : t("settingsImport.history.undoConfirm")}
            </Button>
          </div>
        </DialogContent>
      </Dialog>
    </Card>
  );
}
