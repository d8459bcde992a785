"use client";

import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import { describeError } from "@/components/feedback/feedback-errors";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { createActionInput } from "@/server/domain/actions/inputs";
import { FormProblems } from "./action-form-field";
import { ActionFormFields } from "./action-form-fields";
import {
  type ActionFormErrors,
  type ActionFormField,
  formErrorsOf,
  newActionFormValues,
  toCreateInput,
} from "./action-form-values";
import type { CreatePrefill } from "./actions-url";
import { useActionFormOptions } from "./use-action-form-options";
import { useActionMutations } from "./use-action-mutations";

const ALL_FIELDS: ReadonlySet<ActionFormField> = new Set([
  "title",
  "description",
  "ownerTeamId",
  "assigneeId",
  "dueDate",
  "reviewDate",
  "segmentId",
  "stageId",
  "channel",
  "themeId",
  "kpi",
  "target",
]);

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
  const formId = useId();
  const options = useActionFormOptions();
  const { create } = useActionMutations();
  const [values, setValues] = useState(() => newActionFormValues(prefill));
  const [errors, setErrors] = useState<ActionFormErrors>({});
  // a touchpoint is a stage × channel: once the journey is loaded, it becomes those two scope parts
  const [touchpointApplied, setTouchpointApplied] = useState(prefill.touchpointId === undefined);
  const touchpoint = options.touchpoints.find((point) => point.id === prefill.touchpointId);
  if (!touchpointApplied && touchpoint) {
    setTouchpointApplied(true);
    setValues((current) => ({ ...current, stageId: String(touchpoint.stageId), channel: touchpoint.channel }));
  }

  const onChange = (field: ActionFormField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined, form: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = toCreateInput(values, prefill.feedbackIds);
    const parsed = createActionInput.safeParse(input);
    if (!parsed.success) {
      const next = formErrorsOf(parsed.error.issues);
      setErrors(next);
      const first = Object.keys(next)[0];
      if (first && first !== "form") document.getElementById(`${formId}-${first}`)?.focus();
      return;
    }
    create.mutate(input, { onSuccess: (action) => onCreated(action.id) });
  };

  const serverError = create.error ? describeError(create.error, t("errors.generic")).message : null;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent closeLabel={t("actions.create.cancel")} className="max-w-2xl">
        <DialogTitle>{t("actions.create.title")}</DialogTitle>
        <DialogDescription>{t("actions.create.description")}</DialogDescription>
        {prefill.feedbackIds.length > 0 && (
          <p className="rounded-lg border bg-muted/50 p-3 text-sm" data-testid="create-linked-feedback">
            {t("actions.create.linksFeedback", { count: prefill.feedbackIds.length })}{" "}
            <Link href="/feedback" className="underline underline-offset-2">
              {t("actions.create.backToInbox")}
            </Link>
          </p>
        )}
        <form noValidate onSubmit={submit} className="grid gap-4 sm:grid-cols-2">
          <ActionFormFields
            idPrefix={formId}
            values={values}
            errors={errors}
            onChange={onChange}
            options={options}
            editable={ALL_FIELDS}
            mode="create"
          />
          <FormProblems formError={errors.form} serverError={serverError} failed={t("actions.create.failed")} />
          <div className="flex gap-2 sm:col-span-2">
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? t("actions.create.submitting") : t("actions.create.submit")}
            </Button>
            <Button type="button" variant="ghost" onClick={onClose}>
              {t("actions.create.cancel")}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
