"use client";

import type { TRPCClientErrorLike } from "@trpc/client";
import { useId, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { DialogForm } from "@/components/layout/dialog-form";
import { mutationMessage } from "@/components/settings/mutation-message";
import { Dialog } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { AppRouter } from "@/server/api/root";
import { nameProblem } from "./journey-names";
import { NameField } from "./name-field";

/** The state of the create or update call the dialog sends. */
export interface JourneyItemMutation {
  isPending: boolean;
  error: TRPCClientErrorLike<AppRouter> | null;
  reset: () => void;
}

/**
 * The form of a stage or a touchpoint: its name and one choice (a stage's main metric, a
 * touchpoint's channel). The name is checked as the server would before `onSave` is called; a
 * duplicate comes back from the server (CONFLICT) and shows on the name, any other refusal above
 * the buttons.
 */
export function JourneyItemDialog<Choice extends string>({
  isNew,
  title,
  description,
  initialName,
  initialChoice,
  choiceLabel,
  choices,
  mutation,
  onSave,
  onClose,
}: {
  /** A new stage or touchpoint (the button says "Create"), or one being edited ("Save"). */
  isNew: boolean;
  title: string;
  description: string;
  initialName: string;
  initialChoice: Choice;
  choiceLabel: string;
  choices: readonly { value: Choice; label: string }[];
  mutation: JourneyItemMutation;
  /** Called with a valid (untrimmed) name and the chosen option. */
  onSave: (name: string, choice: Choice) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(initialName);
  const [choice, setChoice] = useState(initialChoice);
  const [submitted, setSubmitted] = useState(false);
  const problem = nameProblem(name);
  const conflict = mutation.error?.data?.code === "CONFLICT";
  const error = mutation.error ? mutationMessage(mutation.error) : undefined;

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogForm
        closeLabel={t("journeys.edit.close")}
        title={title}
        description={description}
        onSubmit={() => {
          setSubmitted(true);
          if (problem) nameRef.current?.focus();
          else onSave(name, choice);
        }}
        cancelLabel={t("journeys.edit.cancel")}
        onCancel={onClose}
        submitLabel={
          mutation.isPending ? t("journeys.edit.saving") : isNew ? t("journeys.edit.create") : t("journeys.edit.save")
        }
        submitDisabled={mutation.isPending}
      >
        <NameField
          value={name}
          onChange={(value) => {
            setName(value);
            mutation.reset();
          }}
          problem={submitted ? problem : null}
          serverError={conflict ? error : undefined}
          inputRef={nameRef}
        />
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-choice`}>{choiceLabel}</Label>
          <NativeSelect
            id={`${id}-choice`}
            value={choice}
            onChange={(event) => setChoice(event.target.value as Choice)}
          >
            {choices.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </NativeSelect>
        </div>
        {error && !conflict && (
          <p role="alert" className="text-sm text-destructive">
            {error}
          </p>
        )}
      </DialogForm>
    </Dialog>
  );
}
