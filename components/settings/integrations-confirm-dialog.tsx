"use client";

import type { ReactNode } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  pending: boolean;
  /** The failed mutation's message, if any. */
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  /** Extra fields between the message and the buttons (e.g. a new secret to paste). */
  children?: ReactNode;
  destructive?: boolean;
}

/** Asks before a change that cannot be taken back silently (revoke, disable, delete, rotate). */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useI18n();
  const { title, message, confirmLabel, pending, error, onConfirm, onCancel, children, destructive = true } = props;
  return (
    <Dialog open onOpenChange={(open) => !open && onCancel()}>
      <DialogContent closeLabel={t("settingsIntegrations.close")}>
        <form
          className="grid gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            onConfirm();
          }}
        >
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{message}</DialogDescription>
          {children}
          {error && (
            <p role="alert" className="text-sm text-destructive">
              {error}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" onClick={onCancel}>
              {t("settingsIntegrations.cancel")}
            </Button>
            <Button type="submit" variant={destructive ? "destructive" : "default"} disabled={pending}>
              {pending ? t("settingsIntegrations.webhooks.working") : confirmLabel}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
