"use client";

import { useId, useState } from "react";
import { describeError } from "@/components/feedback/feedback-errors";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { ActionStatus } from "@/server/domain/enums";
import { transitionLabel } from "./action-format";
import type { ActionDetail } from "./action-types";
import { FormButtons } from "./form-buttons";
import { useActionMutations } from "./use-action-mutations";

/**
 * The status moves this user may make now (the server's `transitions`), one button each; dropping
 * asks for the reason first. Every move is sent with the version on screen, so a change made
 * meanwhile by someone else comes back as a conflict to reload instead of being overwritten.
 */
export function ActionStatusControls({
  detail,
  onAnnounce,
}: {
  detail: ActionDetail;
  onAnnounce: (message: string) => void;
}) {
  const { t } = useI18n();
  const { action, transitions } = detail;
  const { setStatus } = useActionMutations();
  const [dropping, setDropping] = useState(false);
  const [reason, setReason] = useState("");
  const reasonId = useId();
  const error = setStatus.error ? describeError(setStatus.error, t("errors.generic")) : null;

  const move = (to: ActionStatus, dropReason?: string) =>
    setStatus.mutate(
      { id: action.id, version: action.version, status: to, reason: dropReason ?? null },
      {
        onSuccess: () => {
          setDropping(false);
          setReason("");
          onAnnounce(t("actions.move.moved", { status: t(`enumLabels.actionStatus.${to}`) }));
        },
      },
    );

  if (transitions.length === 0) {
    return <p className="text-sm text-muted-foreground">{t("actions.move.none")}</p>;
  }
  return (
    <div className="flex flex-col gap-2">
      <div role="group" aria-label={t("actions.move.label")} className="flex flex-wrap gap-2">
        {transitions.map((to) => (
          <Button
            key={to}
            size="sm"
            variant={
              to === "dropped" ? "outline" : to === "in_progress" && action.status === "done" ? "outline" : "default"
            }
            disabled={setStatus.isPending}
            onClick={() => {
              setStatus.reset();
              if (to === "dropped") setDropping(true);
              else move(to);
            }}
          >
            {t(transitionLabel(action.status, to))}
          </Button>
        ))}
      </div>
      {error && !dropping && (
        <div role="alert" className="rounded-lg border border-destructive/40 bg-destructive/5 p-3 text-sm">
          <p>{error.message}</p>
          {error.conflict && (
            <Button size="sm" variant="outline" className="mt-2" onClick={() => window.location.reload()}>
              {t("actions.reload")}
            </Button>
          )}
        </div>
      )}
      <Dialog open={dropping} onOpenChange={(open) => !open && setDropping(false)}>
        <DialogContent closeLabel={t("actions.create.cancel")}>
          <DialogTitle>{t("actions.drop.title", { title: action.title })}</DialogTitle>
          <DialogDescription>{t("actions.drop.description")}</DialogDescription>
          <form
            className="flex flex-col gap-3"
            onSubmit={(event) => {
              event.preventDefault();
              if (reason.trim()) move("dropped", reason.trim());
            }}
          >
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={reasonId}>{t("actions.drop.reason")}</Label>
              <Textarea
                id={reasonId}
                dir="auto"
                rows={3}
                required
                autoFocus
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
            </div>
            {error && (
              <p role="alert" className="text-sm text-destructive">
                {error.message}
              </p>
            )}
            <FormButtons
              size="sm"
              variant="destructive"
              submit={setStatus.isPending ? t("actions.move.moving") : t("actions.drop.confirm")}
              disabled={!reason.trim() || setStatus.isPending}
              onCancel={() => setDropping(false)}
            />
          </form>
        </DialogContent>
      </Dialog>
    </div>
  );
}
