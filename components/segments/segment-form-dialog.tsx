"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useId, useState } from "react";
import { describeError } from "@/components/feedback/feedback-errors";
import { useI18n } from "@/components/i18n/i18n-provider";
import { DialogForm } from "@/components/layout/dialog-form";
import { Dialog, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import {
  changedSegmentFields,
  DEFAULT_SEGMENT_COLOR,
  normaliseHex,
  SEGMENT_DESCRIPTION_MAX,
  SEGMENT_NAME_MAX,
  type SegmentFormErrors,
  type SegmentFormValues,
  validateSegmentForm,
} from "./segment-form";
import { segmentHref, type SegmentsUrlFilters } from "./segments-url";
import { useSegmentMutations } from "./use-segment-mutations";

type Segment = SegmentFormValues & { id: number };

/**
 * Create a segment, or edit one (`segment` given): name, persona description, colour (a picker and
 * its hex value, kept in step). Field problems show beside the field before sending; the server's
 * (a taken name: CONFLICT) above the buttons. A new segment opens its page.
 */
export function SegmentFormDialog({
  segment,
  filters,
  trigger,
}: {
  segment?: Segment;
  filters: SegmentsUrlFilters;
  trigger: ReactNode;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const id = useId();
  const { create, update } = useSegmentMutations();
  const mutation = segment ? update : create;
  const initial: SegmentFormValues = segment
    ? { name: segment.name, description: segment.description, color: segment.color }
    : { name: "", description: "", color: DEFAULT_SEGMENT_COLOR };
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<SegmentFormErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const serverError = mutation.error ? describeError(mutation.error, t("errors.generic")).message : null;
  const message = (field: keyof SegmentFormValues) => {
    const error = errors[field];
    return error ? t(error.key, error.max === undefined ? undefined : { max: error.max }) : null;
  };
  const hex = normaliseHex(values.color);
  const pickerValue = /^#[0-9a-f]{6}$/.test(hex) ? hex : DEFAULT_SEGMENT_COLOR;

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) {
      setValues(initial);
      setErrors({});
      setNotice(null);
      mutation.reset();
    }
  };

  const submit = () => {
    const found = validateSegmentForm(values);
    setErrors(found);
    setNotice(null);
    if (Object.keys(found).length > 0) return;
    if (segment) {
      const changes = changedSegmentFields(initial, values);
      if (Object.keys(changes).length === 0) {
        setNotice(t("segments.form.nothingChanged"));
        return;
      }
      update.mutate(
        { id: segment.id, ...changes },
        {
          onSuccess: (saved) => {
            setOpen(false);
            setStatus(t("segments.form.saved", { name: saved.name }));
          },
        },
      );
    } else {
      create.mutate(
        { name: values.name.trim(), description: values.description.trim(), color: hex },
        {
          onSuccess: (created) => {
            setOpen(false);
            setStatus(t("segments.form.created", { name: created.name }));
            router.push(segmentHref(created.id, filters));
          },
        },
      );
    }
  };

  const field = (name: keyof SegmentFormValues) => ({
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": name === "name" ? `${id}-name-error` : `${id}-${name}-hint ${id}-${name}-error`,
  });

  return (
    <>
      <Dialog open={open} onOpenChange={onOpenChange}>
        <DialogTrigger asChild>{trigger}</DialogTrigger>
        <DialogForm
          closeLabel={t("segments.form.close")}
          title={segment ? t("segments.form.editTitle", { name: segment.name }) : t("segments.form.createTitle")}
          description={segment ? t("segments.form.editDescription") : t("segments.form.createDescription")}
          onSubmit={submit}
          cancelLabel={t("segments.form.cancel")}
          onCancel={() => setOpen(false)}
          submitLabel={
            mutation.isPending
              ? t("segments.form.saving")
              : segment
                ? t("segments.form.save")
                : t("segments.form.create")
          }
          submitDisabled={mutation.isPending}
        >
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-name`}>{t("segments.form.name")}</Label>
            <Input
              id={`${id}-name`}
              dir="auto"
              value={values.name}
              maxLength={SEGMENT_NAME_MAX + 20}
              onChange={(event) => setValues({ ...values, name: event.target.value })}
              {...field("name")}
            />
            <FieldError id={`${id}-name-error`} message={message("name")} />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-description`}>{t("segments.form.description")}</Label>
            <Textarea
              id={`${id}-description`}
              dir="auto"
              rows={4}
              value={values.description}
              onChange={(event) => setValues({ ...values, description: event.target.value })}
              {...field("description")}
            />
            <p id={`${id}-description-hint`} className="text-xs text-muted-foreground">
              {t("segments.form.descriptionHint")} ({values.description.trim().length}/{SEGMENT_DESCRIPTION_MAX})
            </p>
            <FieldError id={`${id}-description-error`} message={message("description")} />
          </div>
          <fieldset className="grid gap-1.5">
            <legend className="mb-1.5 text-sm font-medium">{t("segments.form.color")}</legend>
            <div className="flex items-center gap-2">
              <input
                type="color"
                aria-label={t("segments.form.color")}
                className="h-9 w-12 cursor-pointer rounded-md border border-input bg-background p-1"
                value={pickerValue}
                onChange={(event) => setValues({ ...values, color: event.target.value })}
              />
              <Label htmlFor={`${id}-color`} className="sr-only">
                {t("segments.form.colorHex")}
              </Label>
              <Input
                id={`${id}-color`}
                className="w-32 font-mono"
                value={values.color}
                maxLength={7}
                spellCheck={false}
                onChange={(event) => setValues({ ...values, color: event.target.value })}
                {...field("color")}
              />
            </div>
            <p id={`${id}-color-hint`} className="text-xs text-muted-foreground">
              {t("segments.form.colorHint")}
            </p>
            <FieldError id={`${id}-color-error`} message={message("color")} />
          </fieldset>
          {(serverError || notice) && (
            <p role="alert" className="text-sm text-destructive">
              {serverError ? t("segments.form.failed", { message: serverError }) : notice}
            </p>
          )}
        </DialogForm>
      </Dialog>
      <p role="status" className="sr-only">
        {status}
      </p>
    </>
  );
}

function FieldError({ id, message }: { id: string; message: string | null }) {
  return (
    <p id={id} className="text-xs text-destructive empty:hidden">
      {message}
    </p>
  );
}
