"use client";

import { TriangleAlert } from "lucide-react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { SecretValue } from "./integrations-secret-value";

export interface OneTimeValues {
  title: string;
  warning: string;
  values: { label: string; value: string }[];
  /** What to do with the values next (e.g. where to paste them in the tool). */
  steps?: string;
}

/** Shows values the server returns only once (a key's token, a webhook's URL and secret), with a warning. */
export function OneTimeDialog({ shown, onDone }: { shown: OneTimeValues | null; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog open={shown !== null} onOpenChange={(open) => !open && onDone()}>
      {shown && (
        <DialogContent closeLabel={t("settingsIntegrations.close")} className="max-w-2xl">
          <DialogTitle>{shown.title}</DialogTitle>
          <DialogDescription className="flex gap-2 rounded-md border border-amber-500/40 bg-amber-500/10 p-3 text-amber-900 dark:text-amber-200">
            <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
            <span>{shown.warning}</span>
          </DialogDescription>
          {shown.values.map(({ label, value }) => (
            <SecretValue key={label} label={label} value={value} />
          ))}
          {shown.steps && <p className="text-sm">{shown.steps}</p>}
          <div className="flex justify-end">
            <Button type="button" onClick={onDone}>
              {t("settingsIntegrations.done")}
            </Button>
          </div>
        </DialogContent>
      )}
    </Dialog>
  );
}
