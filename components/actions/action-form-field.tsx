"use client";

import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";

/** What a field's control needs to be labelled and tied to its hint and error. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": boolean | undefined;
  "aria-describedby": string | undefined;
}

/** A labelled form control with an optional hint and its error, announced with the control. */
export function FormField({
  id,
  label,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  className?: string;
  children: (props: FieldControlProps) => ReactNode;
}) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <Label htmlFor={id}>{label}</Label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": described || undefined })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs font-medium text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}

/** A native select in a {@link FormField}; `none` adds an empty first choice ("No team", "Any stage"). */
export function SelectField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  none,
  options,
  className,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  none?: string;
  options: readonly { value: string; label: string }[];
  className?: string;
}) {
  // a prefilled id the list does not (yet) hold stays selectable, so the value is never lost silently
  const missing = value !== "" && !options.some((option) => option.value === value);
  return (
    <FormField id={id} label={label} hint={hint} error={error} className={className}>
      {(props) => (
        <NativeSelect {...props} value={value} onChange={(event) => onChange(event.target.value)}>
          {none !== undefined && <option value="">{none}</option>}
          {missing && <option value={value}>#{value}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </NativeSelect>
      )}
    </FormField>
  );
}

/** A problem that belongs to no one field, and the server's refusal. */
export function FormProblems({
  formError,
  serverError,
  failed,
  children,
}: {
  formError: string | undefined;
  serverError: string | null;
  failed: string;
  children?: ReactNode;
}) {
  if (!formError && !serverError) return null;
  return (
    <div className="flex flex-col gap-2 sm:col-span-2">
      {formError && (
        <p role="alert" className="text-sm text-destructive">
          {formError}
        </p>
      )}
      {serverError && (
        <div role="alert" className="rounded-lg border border-destructive/40 bg-destructive/5 p-3 text-sm">
          <p className="font-medium text-destructive">{failed}</p>
          <p className="mt-1">{serverError}</p>
          {children}
        </div>
      )}
    </div>
  );
}
