"use client";

import type { ReactNode } from "react";
import { DialogButtons } from "@/components/layout/dialog-buttons";
import { DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";

/**
 * The inside of a dialog that holds one form: title, description, the fields (`children`, with
 * their problems), then Cancel and the submit button at the end. The browser's own checks are off
 * (`noValidate`): the form says what is wrong in words, next to the field.
 */
export function DialogForm({
  closeLabel,
  title,
  description,
  className,
  onSubmit,
  cancelLabel,
  onCancel,
  submitLabel,
  submitDisabled,
  children,
}: {
  /** The name of the × button in the corner. */
  closeLabel: string;
  title: ReactNode;
  description: ReactNode;
  className?: string;
  onSubmit: () => void;
  cancelLabel: string;
  onCancel: () => void;
  submitLabel: string;
  submitDisabled: boolean;
  children: ReactNode;
}) {
  return (
    <DialogContent closeLabel={closeLabel} className={className}>
      <DialogTitle>{title}</DialogTitle>
      <DialogDescription>{description}</DialogDescription>
      <form
        noValidate
        className="grid gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {children}
        <DialogButtons
          cancelLabel={cancelLabel}
          onCancel={onCancel}
          confirmLabel={submitLabel}
          disabled={submitDisabled}
        />
      </form>
    </DialogContent>
  );
}
