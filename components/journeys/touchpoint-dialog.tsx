"use client";

import { useMutation } from "@tanstack/react-query";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { CHANNELS } from "@/server/domain/enums";
import { JourneyItemDialog } from "./journey-item-dialog";
import { changedFields } from "./journey-names";
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
  const done = (name: string) => onDone(t(touchpoint ? "journeys.edit.saved" : "journeys.edit.created", { name }));
  const create = useMutation(
    trpc.journeys.createTouchpoint.mutationOptions({ onSuccess: (_result, input) => done(input.name) }),
  );
  const update = useMutation(
    trpc.journeys.updateTouchpoint.mutationOptions({
      onSuccess: (_result, input) => done(input.name ?? touchpoint?.name ?? ""),
    }),
  );

  return (
    <JourneyItemDialog
      isNew={!touchpoint}
      title={
        touchpoint
          ? t("journeys.edit.editTouchpointTitle", { name: touchpoint.name })
          : t("journeys.edit.newTouchpointTitle", { stage: stage.name })
      }
      description={t("journeys.edit.touchpointAbout")}
      initialName={touchpoint?.name ?? ""}
      initialChoice={touchpoint?.channel ?? "web"}
      choiceLabel={t("journeys.edit.channel")}
      choices={CHANNELS.map((value) => ({ value, label: t(`enumLabels.channel.${value}`) }))}
      mutation={touchpoint ? update : create}
      onSave={(name, channel) => {
        if (!touchpoint) {
          create.mutate({ stageId: stage.id, name: name.trim(), channel });
          return;
        }
        const changes = changedFields({ name: touchpoint.name, channel: touchpoint.channel }, { name, channel });
        if (Object.keys(changes).length === 0) onClose();
        else update.mutate({ id: touchpoint.id, ...changes });
      }}
      onClose={onClose}
    />
  );
}
