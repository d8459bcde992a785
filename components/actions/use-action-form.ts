"use client";

import { useId, useState } from "react";
import { type ActionFormErrors, type ActionFormField, type ActionFormValues, formErrorsOf } from "./action-form-values";

/** A check of the form's input by the server's own zod schema (`schema.safeParse(input)`). */
type SchemaCheck =
  { success: true } | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } };

/**
 * The state of an action form (create or edit): its values, the problem per field, and `check`,
 * which shows the problems of a failed schema check next to their fields and moves the focus to
 * the first one.
 */
export function useActionForm(initial: () => ActionFormValues) {
  const formId = useId();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ActionFormErrors>({});

  const onChange = (field: ActionFormField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined, form: undefined }));
  };

  /** True when the input may be sent. */
  const check = (result: SchemaCheck): boolean => {
    if (result.success) return true;
    const next = formErrorsOf(result.error.issues);
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first && first !== "form") document.getElementById(`${formId}-${first}`)?.focus();
    return false;
  };

  return { formId, values, setValues, errors, onChange, check };
}

export type ActionForm = ReturnType<typeof useActionForm>;
