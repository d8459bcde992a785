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
import { changedFields, nameProblem, STAGE_METRIC_CHOICES } from "./journey-names";
import { NameField } from "./name-field";
import type { JourneyStage, StageMetricKind } from "./types";

/**
 * Add a stage (it comes last in the journey) or rename one and change its main metric. The name
 * is checked as the server would; a duplicate comes back from the server and shows on the name.
 */
export function StageDialog({
  stage,
  onClose,
  onDone,
}: {
  /** The stage to edit, or null for a new one. */
  stage: JourneyStage | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(stage?.name ?? "");
  const [metric, setMetric] = useState<StageMetricKind>(stage?.mainMetric ?? "nps");
  const [submitted, setSubmitted] = useState(false);
  const done = () => onDone(t(stage ? "journeys.edit.saved" : "journeys.edit.created", { name: name.trim() }));
  const create = useMutation(trpc.journeys.createStage.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.journeys.updateStage.mutationOptions({ onSuccess: done }));
  const mutation = stage ? update : create;
  const problem = nameProblem(name);
  const conflict = mutation.error?.data?.code === "CONFLICT";
  const error = mutation.error ? mutationMessage(mutation.error) : undefined;

  const submit = () => {
    setSubmitted(true);
    if (problem) {
      nameRef.current?.focus();
      return;
    }
    if (!stage) {
      create.mutate({ name: name.trim(), mainMetric: metric });
      return;
    }
    const changes = changedFields({ name: stage.name, mainMetric: stage.mainMetric }, { name, mainMetric: metric });
    if (Object.keys(changes).length === 0) onClose();
    else update.mutate({ id: stage.id, ...changes });
  };

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent closeLabel={t("journeys.edit.close")} aria-describedby={`${id}-about`}>
        <DialogTitle>
          {stage ? t("journeys.edit.editStageTitle", { name: stage.name }) : t("journeys.edit.newStageTitle")}
        </DialogTitle>
        <DialogDescription id={`${id}-about`}>
          {stage ? t("journeys.edit.mainMetricHint") : t("journeys.edit.newStageAbout")}
        </DialogDescription>
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
            <Label htmlFor={`${id}-metric`}>{t("journeys.edit.mainMetric")}</Label>
            <NativeSelect
              id={`${id}-metric`}
              value={metric}
              onChange={(event) => setMetric(event.target.value as StageMetricKind)}
            >
              {STAGE_METRIC_CHOICES.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`journeys.map.metricAbout.${kind}`)}
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
                : stage
                  ? t("journeys.edit.save")
                  : t("journeys.edit.create")}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
