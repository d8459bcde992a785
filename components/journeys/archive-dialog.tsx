"use client";

import { useMutation } from "@tanstack/react-query";
import { useI18n } from "@/components/i18n/i18n-provider";
import { DialogButtons } from "@/components/layout/dialog-buttons";
import { useTRPC } from "@/components/providers/trpc-provider";
import { mutationMessage } from "@/components/settings/mutation-message";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";

/** Confirms archiving a stage or a touchpoint: it leaves the map, its feedback keeps it in history. */
export function ArchiveDialog({
  kind,
  id,
  name,
  onClose,
  onDone,
}: {
  kind: "stage" | "touchpoint";
  id: number;
  name: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const done = () => onDone(t("journeys.edit.archived", { name }));
  const stage = useMutation(trpc.journeys.archiveStage.mutationOptions({ onSuccess: done }));
  const touchpoint = useMutation(trpc.journeys.archiveTouchpoint.mutationOptions({ onSuccess: done }));
  const mutation = kind === "stage" ? stage : touchpoint;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent closeLabel={t("journeys.edit.close")}>
        <DialogTitle>
          {kind === "stage"
            ? t("journeys.edit.archiveStageTitle", { name })
            : t("journeys.edit.archiveTouchpointTitle", { name })}
        </DialogTitle>
        <DialogDescription>
          {kind === "stage" ? t("journeys.edit.archiveStageAbout") : t("journeys.edit.archiveTouchpointAbout")}
        </DialogDescription>
        {mutation.error && (
          <p role="alert" className="text-sm text-destructive">
            {mutationMessage(mutation.error)}
          </p>
        )}
        <DialogButtons
          cancelLabel={t("journeys.edit.cancel")}
          onCancel={onClose}
          confirmLabel={mutation.isPending ? t("journeys.edit.saving") : t("journeys.edit.confirmArchive")}
          disabled={mutation.isPending}
          destructive
          onConfirm={() => mutation.mutate({ id })}
        />
      </DialogContent>
    </Dialog>
  );
}
