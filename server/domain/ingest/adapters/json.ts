import type { FeedbackInput } from "../feedback-input";
import { feedbackInput } from "../feedback-input";
import { toFieldErrors, type FieldError } from "../issues";

/**
 * What a webhook adapter makes of one payload: a feedback item; "ignored" for an event that
 * carries no feedback (a survey offered but not answered, another event type), which the endpoint
 * acknowledges with 2xx so the tool does not retry; or "invalid", with per-field errors.
 */
export type AdapterResult =
  | { status: "item"; item: FeedbackInput }
  | { status: "ignored"; reason: string }
  | { status: "invalid"; errors: FieldError[] };

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `value` as a record, or an empty one. */
export function recordOf(value: unknown): JsonRecord {
  return isRecord(value) ? value : {};
}

/** `value` as an array, or an empty one. */
export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A non-blank string, or a number written as a string (ids); anything else → undefined. */
export function stringOf(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Epoch seconds (Delighted's `created_at`) as ISO text; undefined unless a finite number. */
export function isoFromEpochSeconds(value: unknown): string | undefined {
  return typeof value === "number" && Number.isFinite(value) ? new Date(value * 1000).toISOString() : undefined;
}

/** Validates an adapter's raw item with the shared feedback schema. */
export function toAdapterResult(raw: Record<string, unknown>): AdapterResult {
  const parsed = feedbackInput.safeParse(raw);
  return parsed.success
    ? { status: "item", item: parsed.data }
    : { status: "invalid", errors: toFieldErrors(parsed.error) };
}

/** A payload that is not the expected JSON shape at all. */
export function invalidPayload(message: string): AdapterResult {
  return { status: "invalid", errors: [{ path: "", message }] };
}
