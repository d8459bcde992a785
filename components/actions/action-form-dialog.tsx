"use client";

import type { ReactNode } from "react";
import { describeError } from "@/components/feedback/feedback-errors";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { FormProblems } from "./action-form-field";
import { ActionFormFields } from "./action-form-fields";
import type { ActionFormField } from "./action-form-values";
import { FormButtons } from "./form-buttons";
import type { useActionFormOptions } from "./use-action-form-options";
import type { ActionForm } from "./use-action-form";

/**
 * The dialog around the action form, for creating and for editing: title and description, what
 * comes before the fields (`intro`), the fields this user may fill in, the problems (a field's
 * next to it, the server's refusal above the buttons) and the buttons.
 */
export function ActionFormDialog({
  title,
  description,
  intro,
  form,
  options,
  editable,
  mode,
  mutation,
  onSubmit,
  onClose,
}: {
  title: string;
  description: string;
  intro?: ReactNode;
  form: ActionForm;
  options: ReturnType<typeof useActionFormOptions>;
  editable: ReadonlySet<ActionFormField>;
  mode: "create" | "edit";
  /** The create or update call: while it runs the submit button waits; its refusal is shown. */
  mutation: { isPending: boolean; error: unknown };
  onSubmit: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const failure = mutation.error ? describeError(mutation.error, t("errors.generic")) : null;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent closeLabel={t("actions.create.cancel")} className="max-w-2xl">
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>{description}</DialogDescription>
        {intro}
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
          className="grid gap-4 sm:grid-cols-2"
        >
          <ActionFormFields
            idPrefix={form.formId}
            values={form.values}
            errors={form.errors}
            onChange={form.onChange}
            options={options}
            editable={editable}
            mode={mode}
          />
          <FormProblems
            formError={form.errors.form}
            serverError={failure?.message ?? null}
            failed={t(mode === "create" ? "actions.create.failed" : "actions.edit.failed")}
          >
            {/* someone changed the action since it was loaded: reload rather than overwrite their change */}
            {mode === "edit" && failure?.conflict && (
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
          <FormButtons
            className="sm:col-span-2"
            submit={
              mode === "create"
                ? t(mutation.isPending ? "actions.create.submitting" : "actions.create.submit")
                : t(mutation.isPending ? "actions.edit.saving" : "actions.edit.save")
            }
            disabled={mutation.isPending}
            onCancel={onClose}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
