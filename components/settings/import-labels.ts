"use client";

import { useCallback } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { MessageKey } from "@/server/i18n/core";

/** Catalogue sections naming the choices of each closed field (FIELD_CHOICES). */
const CHOICE_SECTIONS: Record<string, string> = {
  source: "enumLabels.feedbackSource",
  channel: "enumLabels.channel",
  preferredChannel: "enumLabels.channel",
  metricKind: "enumLabels.metricKind",
  kind: "settingsImport.setup.orderKinds",
};

/** The label of one choice of a closed field ("call_centre" → "Call centre", churned "yes" → "Yes"). */
export function useChoiceLabel(): (field: string, choice: string) => string {
  const { t } = useI18n();
  return useCallback(
    (field, choice) => {
      if (field === "churned")
        return t(choice === "yes" ? "settingsImport.valueMaps.yes" : "settingsImport.valueMaps.no");
      const section = CHOICE_SECTIONS[field];
      return section ? t(`${section}.${choice}` as MessageKey) : choice;
    },
    [t],
  );
}

/** The label of an import field ("customerExternalId" → "Customer id"). */
export function useFieldLabel(): (field: string) => string {
  const { t } = useI18n();
  return useCallback((field) => t(`settingsImport.mapping.fields.${field}` as MessageKey), [t]);
}
