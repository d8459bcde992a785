import type { MetricKind } from "../../enums";
import {
  arrayOf,
  invalidPayload,
  isRecord,
  recordOf,
  stringOf,
  toAdapterResult,
  type AdapterResult,
  type JsonRecord,
} from "./json";

/** Per-form choices saved with the webhook: which question is the score, on which scale. */
export interface TypeformOptions {
  /** Field id or ref of the scored question; without it the first scored field (see below) counts. */
  scoreField?: string;
  /** The metric kind of that question, overriding the one read from its type. */
  metricKind?: MetricKind;
}

const CUSTOMER_ID_KEYS = ["customer_id", "customer", "user_id", "external_id", "contact_id"];

interface ScoredField {
  id: string;
  ref?: string;
  type: string;
  properties: JsonRecord;
}

/**
 * The metric kind a Typeform field's answer is on, or null when it is not a score:
 * `nps` → nps; `rating` with ≤ 5 steps (Typeform's default is 5) → rating; `opinion_scale` from 0
 * with 11 steps (the default) → nps, from 1 with 5 steps → csat, from 1 with 7 steps → ces.
 * Other scales are not one of the product's metrics and are not guessed.
 */
export function typeformMetricKind(type: string, properties: JsonRecord): MetricKind | null {
  const steps = typeof properties.steps === "number" ? properties.steps : null;
  const startAtOne = properties.start_at_one === true;
  if (type === "nps") return "nps";
  if (type === "rating") return (steps ?? 5) <= 5 ? "rating" : null;
  if (type === "opinion_scale") {
    const count = steps ?? 11;
    if (!startAtOne && count === 11) return "nps";
    if (startAtOne && count === 5) return "csat";
    if (startAtOne && count === 7) return "ces";
  }
  return null;
}

/**
 * A Typeform `form_response` webhook as a feedback item (source "survey"):
 * - external id: `form_response.token` (the response id; Typeform re-sends the same token on retries);
 * - received at: `submitted_at`;
 * - text: the first `long_text` answer (else the first `short_text`);
 * - score: the answer of `options.scoreField`, else of the first field that is a score by
 *   typeformMetricKind in the order nps, rating, opinion_scale; no scored field → kind "none";
 * - customer: hidden field customer_id / customer / user_id / external_id / contact_id, the first
 *   `email` answer (or hidden `email`), hidden `name`.
 * Other event types are ignored.
 */
export function adaptTypeform(payload: unknown, options: TypeformOptions = {}): AdapterResult {
  if (!isRecord(payload)) return invalidPayload("The Typeform payload is not a JSON object.");
  if (payload.event_type !== "form_response") {
    return { status: "ignored", reason: `Typeform event "${String(payload.event_type)}" carries no response.` };
  }
  const response = recordOf(payload.form_response);
  const definitions = arrayOf(recordOf(response.definition).fields).filter(isRecord);
  const answers = arrayOf(response.answers).filter(isRecord);
  const hidden = recordOf(response.hidden);

  const answerOf = (fieldId: string) => answers.find((answer) => recordOf(answer.field).id === fieldId);
  const answersOfType = (type: string) => answers.filter((answer) => recordOf(answer.field).type === type);

  const fields: ScoredField[] = definitions.map((field) => ({
    id: String(field.id),
    ref: stringOf(field.ref),
    type: String(field.type),
    properties: recordOf(field.properties),
  }));
  if (options.scoreField !== undefined) {
    const field = fields.find((f) => f.id === options.scoreField || f.ref === options.scoreField);
    if (!field) {
      return invalidPayload(`The form has no field "${options.scoreField}"; update the webhook's score question.`);
    }
    if (!options.metricKind && !typeformMetricKind(field.type, field.properties)) {
      return invalidPayload(
        `Field "${options.scoreField}" (${field.type}) is not on a known scale; choose its metric kind.`,
      );
    }
  }
  const score = pickScore(fields, answerOf, options);

  const text = stringOf(answersOfType("long_text")[0]?.text) ?? stringOf(answersOfType("short_text")[0]?.text) ?? null;
  const customerExternalId = CUSTOMER_ID_KEYS.map((key) => stringOf(hidden[key])).find(Boolean) ?? null;
  const customerEmail = stringOf(answersOfType("email")[0]?.email) ?? stringOf(hidden.email) ?? null;

  return toAdapterResult({
    source: "survey",
    externalId: response.token,
    metricKind: score?.kind ?? "none",
    score: score?.value ?? null,
    text,
    receivedAt: response.submitted_at,
    customerExternalId,
    customerEmail,
    customerName: stringOf(hidden.name) ?? null,
  });
}

function pickScore(
  fields: ScoredField[],
  answerOf: (fieldId: string) => JsonRecord | undefined,
  options: TypeformOptions,
): { kind: MetricKind; value: unknown } | null {
  if (options.scoreField !== undefined) {
    const field = fields.find((f) => f.id === options.scoreField || f.ref === options.scoreField);
    const kind = options.metricKind ?? (field ? typeformMetricKind(field.type, field.properties) : null);
    if (!field || !kind) return null;
    return { kind, value: answerOf(field.id)?.number ?? null };
  }
  for (const type of ["nps", "rating", "opinion_scale"]) {
    for (const field of fields.filter((f) => f.type === type)) {
      const kind = typeformMetricKind(field.type, field.properties);
      const answer = answerOf(field.id);
      if (kind && answer && typeof answer.number === "number") {
        return { kind: options.metricKind ?? kind, value: answer.number };
      }
    }
  }
  return null;
}
