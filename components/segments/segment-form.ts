import type { MessageKey } from "@/server/i18n/core";

// The segment form's checks, the same limits as createSegmentInput / updateSegmentInput
// (server/domain/segments/inputs.ts), repeated here so the form says so before sending.

export const SEGMENT_NAME_MAX = 80;
export const SEGMENT_DESCRIPTION_MAX = 2000;
export const DEFAULT_SEGMENT_COLOR = "#64748b";
const HEX = /^#[0-9a-f]{6}$/i;

export interface SegmentFormValues {
  name: string;
  description: string;
  color: string;
}

export type SegmentFormErrors = Partial<Record<keyof SegmentFormValues, { key: MessageKey; max?: number }>>;

/** "#1D4ED8 " → "#1d4ed8"; "1d4ed8" → "#1d4ed8"; anything else stays as typed (and fails the check). */
export function normaliseHex(value: string): string {
  const text = value.trim();
  const withHash = /^[0-9a-f]{6}$/i.test(text) ? `#${text}` : text;
  return HEX.test(withHash) ? withHash.toLowerCase() : text;
}

/** What is wrong with the form, per field; {} when it can be sent. */
export function validateSegmentForm(values: SegmentFormValues): SegmentFormErrors {
  const errors: SegmentFormErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = { key: "segments.form.nameRequired" };
  else if (name.length > SEGMENT_NAME_MAX) errors.name = { key: "segments.form.nameTooLong", max: SEGMENT_NAME_MAX };
  if (values.description.trim().length > SEGMENT_DESCRIPTION_MAX) {
    errors.description = { key: "segments.form.descriptionTooLong", max: SEGMENT_DESCRIPTION_MAX };
  }
  if (!HEX.test(normaliseHex(values.color))) errors.color = { key: "segments.form.colorInvalid" };
  return errors;
}

/** The fields an edit changes (trimmed, colour lower-case), for segments.update; {} when nothing changed. */
export function changedSegmentFields(before: SegmentFormValues, values: SegmentFormValues): Partial<SegmentFormValues> {
  const next = { name: values.name.trim(), description: values.description.trim(), color: normaliseHex(values.color) };
  const changes: Partial<SegmentFormValues> = {};
  if (next.name !== before.name) changes.name = next.name;
  if (next.description !== before.description) changes.description = next.description;
  if (next.color !== before.color.toLowerCase()) changes.color = next.color;
  return changes;
}
