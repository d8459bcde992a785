"use client";

import { useState } from "react";
import { describeError } from "@/components/feedback/feedback-errors";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { FormButtons } from "./form-buttons";
import { useActionMutations } from "./use-action-mutations";

/**
 * Closing the loop of a verified action: resolves its linked feedback that is still open, each
 * with a note naming the action. Asks first whether the customers were told about the fix (what
 * the inbox records on every resolve).
 */
export function ResolveFeedbackButton({
  action,
  open: openCount,
  onAnnounce,
}: {
  action: { id: number; title: string };
  open: number;
  onAnnounce: (message: string) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [contacted, setContacted] = useState<"yes" | "no" | "">("");
  const { resolveFeedback } = useActionMutations();
  const error = resolveFeedback.error ? describeError(resolveFeedback.error, t("errors.generic")).message : null;

  return (
    <>
      <Button
        size="sm"
        onClick={() => {
          resolveFeedback.reset();
          setContacted("");
          setOpen(true);
        }}
      >
        {t("actions.resolve.open")}
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent closeLabel={t("actions.create.cancel")}>
          <DialogTitle>{t("actions.resolve.title", { count: openCount })}</DialogTitle>
          <DialogDescription>
            {t("actions.resolve.description", { id: action.id, title: action.title })}
          </DialogDescription>
          <form
            className="flex flex-col gap-3"
            onSubmit={(event) => {
              event.preventDefault();
              if (!contacted) return;
              resolveFeedback.mutate(
                { id: action.id, customerContacted: contacted === "yes" },
                {
                  onSuccess: ({ resolved }) => {
                    setOpen(false);
                    onAnnounce(t("actions.resolve.done", { count: resolved }));
                  },
                },
              );
            }}
          >
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-sm font-medium">{t("actions.resolve.contacted")}</legend>
              {(["yes", "no"] as const).map((value) => (
                <label key={value} className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name="customer-contacted"
                    value={value}
                    checked={contacted === value}
                    onChange={() => setContacted(value)}
                    className="size-4 accent-primary"
                  />
                  {value === "yes" ? t("actions.resolve.contactedYes") : t("actions.resolve.contactedNo")}
                </label>
              ))}
            </fieldset>
            {error && (
              <p role="alert" className="text-sm text-destructive">
                {error}
              </p>
            )}
            <FormButtons
              size="sm"
              submit={resolveFeedback.isPending ? t("actions.resolve.running") : t("actions.resolve.confirm")}
              disabled={!contacted || resolveFeedback.isPending}
              onCancel={() => setOpen(false)}
            />
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
