"use client";

import { Pencil } from "lucide-react";
import { type FormEvent, useId, useState } from "react";
import { describeError } from "@/components/feedback/feedback-errors";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { updateActionInput } from "@/server/domain/actions/inputs";
import { FormProblems } from "./action-form-field";
import { ActionFormFields } from "./action-form-fields";
import {
  actionFormValues,
  type ActionFormErrors,
  type ActionFormField,
  FIELD_OF_COLUMN,
  formErrorsOf,
  toUpdateInput,
} from "./action-form-values";
import type { ActionDetail } from "./action-types";
import { useActionFormOptions } from "./use-action-form-options";
import { useActionMutations } from "./use-action-mutations";

/**
 * Edit an action: the fields the server lets this user edit (`editableFields`), sent with the
 * version on screen. If someone changed the action meanwhile the server says so (CONFLICT) and
 * the dialog offers to reload rather than overwrite their change.
 */
export function ActionEditButton({
  detail,
  onAnnounce,
}: {
  detail: ActionDetail;
  onAnnounce: (message: string) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (detail.editableFields.length === 0) return null;
  return (
    <>
      <Button size="sm" variant="outline" onClick={() => setOpen(true)}>
        <Pencil aria-hidden />
        {t("actions.edit.open")}
      </Button>
      {open && (
        <EditDialog
          detail={detail}
          onClose={() => setOpen(false)}
          onSaved={() => {
            setOpen(false);
            onAnnounce(t("actions.edit.saved"));
          }}
        />
      )}
    </>
  );
}

function EditDialog({ detail, onClose, onSaved }: { detail: ActionDetail; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const formId = useId();
  const options = useActionFormOptions();
  const { update } = useActionMutations();
  const { action } = detail;
  const [editable] = useState(
    () =>
      new Set(
        detail.editableFields.flatMap((column) => {
          const field = FIELD_OF_COLUMN[column];
          return field ? [field] : [];
        }),
      ),
  );
  const [values, setValues] = useState(() => actionFormValues(action));
  const [errors, setErrors] = useState<ActionFormErrors>({});
  const onChange = (field: ActionFormField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined, form: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = toUpdateInput(values, action, editable);
    const parsed = updateActionInput.safeParse(input);
    if (!parsed.success) {
      const next = formErrorsOf(parsed.error.issues);
      setErrors(next);
      const first = Object.keys(next)[0];
      if (first && first !== "form") document.getElementById(`${formId}-${first}`)?.focus();
      return;
    }
    update.mutate(input, { onSuccess: onSaved });
  };

  const failure = update.error ? describeError(update.error, t("errors.generic")) : null;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent closeLabel={t("actions.create.cancel")} className="max-w-2xl">
        <DialogTitle>{t("actions.edit.title")}</DialogTitle>
        <DialogDescription>
          {editable.has("kpi") ? t("actions.edit.description") : t("actions.edit.descriptionTeam")}
        </DialogDescription>
        <form noValidate onSubmit={submit} className="grid gap-4 sm:grid-cols-2">
          <ActionFormFields
            idPrefix={formId}
            values={values}
            errors={errors}
            onChange={onChange}
            options={options}
            editable={editable}
            mode="edit"
          />
          <FormProblems
            formError={errors.form}
            serverError={failure?.message ?? null}
            failed={t("actions.edit.failed")}
          >
            {failure?.conflict && (
              <Button
                type="button"
                size="sm"
                variant="outline"
                className="mt-2"
                onClick={() => window.location.reload()}
              >
                {t("actions.reload")}
              </Button>
            )}
          </FormProblems>
          <div className="flex gap-2 sm:col-span-2">
            <Button type="submit" disabled={update.isPending}>
              {update.isPending ? t("actions.edit.saving") : t("actions.edit.save")}
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
