"use client";

import Link from "next/link";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { createActionInput } from "@/server/domain/actions/inputs";
import { ActionFormDialog } from "./action-form-dialog";
import { type ActionFormField, FORM_FIELDS, newActionFormValues, toCreateInput } from "./action-form-values";
import type { CreatePrefill } from "./actions-url";
import { useActionForm } from "./use-action-form";
import { useActionFormOptions } from "./use-action-form-options";
import { useActionMutations } from "./use-action-mutations";

const ALL_FIELDS: ReadonlySet<ActionFormField> = new Set(FORM_FIELDS);

/**
 * A CX manager's or admin's new action, in a dialog: title, description, owner team, assignee, due
 * and review dates, scope (segment, stage, channel, theme), the KPI to move and its target. The
 * form opens prefilled from the URL (a stage, theme, segment or touchpoint, and an inbox selection
 * to link). It checks the input with the server's own schema before sending, and shows each
 * problem next to its field.
 */
export function ActionCreateDialog({
  prefill,
  onClose,
  onCreated,
}: {
  prefill: CreatePrefill;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t } = useI18n();
  const options = useActionFormOptions();
  const { create } = useActionMutations();
  const form = useActionForm(() => newActionFormValues(prefill));
  // a touchpoint is a stage × channel: once the journey is loaded, it becomes those two scope parts
  const [touchpointApplied, setTouchpointApplied] = useState(prefill.touchpointId === undefined);
  const touchpoint = options.touchpoints.find((point) => point.id === prefill.touchpointId);
  if (!touchpointApplied && touchpoint) {
    setTouchpointApplied(true);
    form.setValues((current) => ({ ...current, stageId: String(touchpoint.stageId), channel: touchpoint.channel }));
  }

  return (
    <ActionFormDialog
      title={t("actions.create.title")}
      description={t("actions.create.description")}
      intro={
        prefill.feedbackIds.length > 0 && (
          <p className="rounded-lg border bg-muted/50 p-3 text-sm" data-testid="create-linked-feedback">
            {t("actions.create.linksFeedback", { count: prefill.feedbackIds.length })}{" "}
            <Link href="/feedback" className="underline underline-offset-2">
              {t("actions.create.backToInbox")}
            </Link>
          </p>
        )
      }
      form={form}
      options={options}
      editable={ALL_FIELDS}
      mode="create"
      mutation={create}
      onSubmit={() => {
        const input = toCreateInput(form.values, prefill.feedbackIds);
        if (form.check(createActionInput.safeParse(input))) {
          create.mutate(input, { onSuccess: (action) => onCreated(action.id) });
        }
      }}
      onClose={onClose}
    />
  );
}
