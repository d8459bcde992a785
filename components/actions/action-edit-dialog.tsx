"use client";

import { Pencil } from "lucide-react";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { updateActionInput } from "@/server/domain/actions/inputs";
import { ActionFormDialog } from "./action-form-dialog";
import { actionFormValues, FIELD_OF_COLUMN, toUpdateInput } from "./action-form-values";
import type { ActionDetail } from "./action-types";
import { useActionForm } from "./use-action-form";
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
  const form = useActionForm(() => actionFormValues(action));

  return (
    <ActionFormDialog
      title={t("actions.edit.title")}
      description={editable.has("kpi") ? t("actions.edit.description") : t("actions.edit.descriptionTeam")}
      form={form}
      options={options}
      editable={editable}
      mode="edit"
      mutation={update}
      onSubmit={() => {
        const input = toUpdateInput(form.values, action, editable);
        if (form.check(updateActionInput.safeParse(input))) update.mutate(input, { onSuccess: onSaved });
      }}
      onClose={onClose}
    />
  );
}
