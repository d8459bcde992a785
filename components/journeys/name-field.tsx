"use client";

import { type RefObject, useId } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { MAX_NAME, type NameProblem } from "./journey-names";

/** The name field of the stage and touchpoint forms, with its error under it. */
export function NameField({
  value,
  onChange,
  problem,
  serverError,
  inputRef,
}: {
  value: string;
  onChange: (value: string) => void;
  /** Shown once the form was submitted. */
  problem: NameProblem | null;
  /** A refusal about the name (a duplicate), from the server. */
  serverError?: string;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useI18n();
  const id = useId();
  const error =
    problem === "required"
      ? t("journeys.edit.nameRequired")
      : problem === "tooLong"
        ? t("journeys.edit.nameTooLong", { max: MAX_NAME })
        : serverError;
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={`${id}-name`}>{t("journeys.edit.name")}</Label>
      <Input
        ref={inputRef}
        id={`${id}-name`}
        value={value}
        dir="auto"
        autoComplete="off"
        aria-invalid={error !== undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="text-sm text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
