"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { mutationMessage } from "@/components/settings/mutation-message";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { CHANNELS, type Channel } from "@/server/domain/enums";
import { changedFields, nameProblem } from "./journey-names";
import { NameField } from "./name-field";
import type { JourneyStage, JourneyTouchpoint } from "./types";

/** Add a touchpoint to a stage, or rename one and change its channel. */
export function TouchpointDialog({
  stage,
  touchpoint,
  onClose,
  onDone,
}: {
  stage: JourneyStage;
  /** The touchpoint to edit, or null for a new one on `stage`. */
  touchpoint: JourneyTouchpoint | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(touchpoint?.name ?? "");
  const [channel, setChannel] = useState<Channel>(touchpoint?.channel ?? "web");
  const [submitted, setSubmitted] = useState(false);
  const done = () => onDone(t(touchpoint ? "journeys.edit.saved" : "journeys.edit.created", { name: name.trim() }));
  const create = useMutation(trpc.journeys.createTouchpoint.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.journeys.updateTouchpoint.mutationOptions({ onSuccess: done }));
  const mutation = touchpoint ? update : create;
  const problem = nameProblem(name);
  const conflict = mutation.error?.data?.code === "CONFLICT";
  const error = mutation.error ? mutationMessage(mutation.error) : undefined;

  const submit = () => {
    setSubmitted(true);
    if (problem) {
      nameRef.current?.focus();
      return;
    }
    if (!touchpoint) {
      create.mutate({ stageId: stage.id, name: name.trim(), channel });
      return;
    }
    const changes = changedFields({ name: touchpoint.name, channel: touchpoint.channel }, { name, channel });
    if (Object.keys(changes).length === 0) onClose();
    else update.mutate({ id: touchpoint.id, ...changes });
  };

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent closeLabel={t("journeys.edit.close")} aria-describedby={`${id}-about`}>
        <DialogTitle>
          {touchpoint
            ? t("journeys.edit.editTouchpointTitle", { name: touchpoint.name })
            : t("journeys.edit.newTouchpointTitle", { stage: stage.name })}
        </DialogTitle>
        <DialogDescription id={`${id}-about`}>{t("journeys.edit.touchpointAbout")}</DialogDescription>
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <NameField
            value={name}
            onChange={(value) => {
              setName(value);
              mutation.reset();
            }}
            problem={submitted ? problem : null}
            serverError={conflict ? error : undefined}
            inputRef={nameRef}
          />
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-channel`}>{t("journeys.edit.channel")}</Label>
            <NativeSelect
              id={`${id}-channel`}
              value={channel}
              onChange={(event) => setChannel(event.target.value as Channel)}
            >
              {CHANNELS.map((value) => (
                <option key={value} value={value}>
                  {t(`enumLabels.channel.${value}`)}
                </option>
              ))}
            </NativeSelect>
          </div>
          {error && !conflict && (
            <p role="alert" className="text-sm text-destructive">
              {error}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" onClick={onClose}>
              {t("journeys.edit.cancel")}
            </Button>
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending
                ? t("journeys.edit.saving")
                : touchpoint
                  ? t("journeys.edit.save")
                  : t("journeys.edit.create")}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
