"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { describeError } from "@/components/feedback/feedback-errors";
import { useI18n } from "@/components/i18n/i18n-provider";
import { DialogButtons } from "@/components/layout/dialog-buttons";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

/**
 * GDPR erasure of one customer (admins), behind a dialog that says exactly what goes and what stays
 * (server/services/customer-erasure.ts). Afterwards the customer page is read again and shows who
 * erased it and when.
 */
export function CustomerEraseDialog({ id, name }: { id: number; name: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const erase = useMutation(
    trpc.customers.erase.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries(trpc.customers.pathFilter()),
          queryClient.invalidateQueries(trpc.feedback.pathFilter()),
        ]),
    }),
  );
  const error = erase.error ? describeError(erase.error, t("errors.generic")).message : null;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) erase.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="destructive">{t("customers.erase.button")}</Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("customers.erase.close")} role="alertdialog">
        <DialogTitle>
          <bdi>{t("customers.erase.title", { name })}</bdi>
        </DialogTitle>
        <DialogDescription>{t("customers.erase.intro")}</DialogDescription>
        <div className="grid gap-3 text-sm">
          <section aria-labelledby="erase-removed">
            <h3 id="erase-removed" className="font-semibold">
              {t("customers.erase.removedHeading")}
            </h3>
            <ul className="mt-1 list-disc ps-5">
              <li>{t("customers.erase.removedName")}</li>
              <li>{t("customers.erase.removedText")}</li>
              <li>{t("customers.erase.removedComments")}</li>
            </ul>
          </section>
          <section aria-labelledby="erase-kept">
            <h3 id="erase-kept" className="font-semibold">
              {t("customers.erase.keptHeading")}
            </h3>
            <ul className="mt-1 list-disc ps-5">
              <li>{t("customers.erase.keptId")}</li>
              <li>{t("customers.erase.keptScores")}</li>
              <li>{t("customers.erase.keptOrders")}</li>
              <li>{t("customers.erase.keptAudit")}</li>
            </ul>
          </section>
        </div>
        {error && (
          <p role="alert" className="text-sm text-destructive">
            {t("customers.erase.failed", { message: error })}
          </p>
        )}
        <DialogButtons
          cancelLabel={t("customers.erase.cancel")}
          onCancel={() => setOpen(false)}
          confirmLabel={erase.isPending ? t("customers.erase.erasing") : t("customers.erase.confirm")}
          disabled={erase.isPending}
          destructive
          onConfirm={() => erase.mutate({ id }, { onSuccess: () => setOpen(false) })}
        />
      </DialogContent>
    </Dialog>
  );
}
