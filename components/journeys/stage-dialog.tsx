"use client";

import { useMutation } from "@tanstack/react-query";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { JourneyItemDialog } from "./journey-item-dialog";
import { changedFields, STAGE_METRIC_CHOICES } from "./journey-names";
import type { JourneyStage } from "./types";

/** Add a stage (it comes last in the journey) or rename one and change its main metric. */
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
  const done = (name: string) => onDone(t(stage ? "journeys.edit.saved" : "journeys.edit.created", { name }));
  const create = useMutation(
    trpc.journeys.createStage.mutationOptions({ onSuccess: (_result, input) => done(input.name) }),
  );
  const update = useMutation(
    trpc.journeys.updateStage.mutationOptions({ onSuccess: (_result, input) => done(input.name ?? stage?.name ?? "") }),
  );

  return (
    <JourneyItemDialog
      isNew={!stage}
      title={stage ? t("journeys.edit.editStageTitle", { name: stage.name }) : t("journeys.edit.newStageTitle")}
      description={stage ? t("journeys.edit.mainMetricHint") : t("journeys.edit.newStageAbout")}
      initialName={stage?.name ?? ""}
      initialChoice={stage?.mainMetric ?? "nps"}
      choiceLabel={t("journeys.edit.mainMetric")}
      choices={STAGE_METRIC_CHOICES.map((kind) => ({ value: kind, label: t(`journeys.map.metricAbout.${kind}`) }))}
      mutation={stage ? update : create}
      onSave={(name, mainMetric) => {
        if (!stage) {
          create.mutate({ name: name.trim(), mainMetric });
          return;
        }
        const changes = changedFields({ name: stage.name, mainMetric: stage.mainMetric }, { name, mainMetric });
        if (Object.keys(changes).length === 0) onClose();
        else update.mutate({ id: stage.id, ...changes });
      }}
      onClose={onClose}
    />
  );
}
