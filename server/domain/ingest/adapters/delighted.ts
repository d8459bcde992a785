import type { FeedbackSource, MetricKind } from "../../enums";
import {
  invalidPayload,
  isRecord,
  isoFromEpochSeconds,
  recordOf,
  stringOf,
  toAdapterResult,
  type AdapterResult,
} from "./json";

/**
 * Delighted survey types → the product's metric and source. Delighted's scales match ours: NPS and
 * eNPS 0–10, CSAT 1–5, CES 1–7, five-star and smileys 1–5. Thumbs (up/down) and PMF (product/market
 * fit) are not on one of our scales: their comment is kept with kind "none".
 */
const SURVEY_TYPES: Record<string, { kind: MetricKind; source: FeedbackSource }> = {
  nps: { kind: "nps", source: "survey" },
  enps: { kind: "nps", source: "employee" },
  csat: { kind: "csat", source: "survey" },
  ces: { kind: "ces", source: "survey" },
  five_star: { kind: "rating", source: "survey" },
  smileys: { kind: "rating", source: "survey" },
};

const HANDLED_EVENTS = new Set(["survey_response.created", "survey_response.updated"]);

/**
 * A Delighted `survey_response.created|updated` webhook as a feedback item:
 * - external id: `event_data.id` (the response id: an update re-sends it, so the item is updated);
 * - kind and source from `survey_type` (see SURVEY_TYPES; unknown types keep the comment, kind "none");
 * - score: `score`; text: `comment`;
 * - received at: `created_at` (epoch seconds), the time of the answer, stable across updates;
 * - customer: `person.id`, `person.email`, `person.name`.
 * Other events (unsubscribes, bounces) are ignored.
 */
export function adaptDelighted(payload: unknown): AdapterResult {
  if (!isRecord(payload)) return invalidPayload("The Delighted payload is not a JSON object.");
  const event = String(payload.event_type);
  if (!HANDLED_EVENTS.has(event))
    return { status: "ignored", reason: `Delighted event "${event}" carries no response.` };
  const response = recordOf(payload.event_data);
  const person = recordOf(response.person);
  const surveyType = stringOf(response.survey_type) ?? "nps";
  const mapped = SURVEY_TYPES[surveyType];
  return toAdapterResult({
    source: mapped?.source ?? "survey",
    externalId: response.id,
    metricKind: mapped?.kind ?? "none",
    score: mapped ? response.score : null,
    text: stringOf(response.comment) ?? null,
    receivedAt: isoFromEpochSeconds(response.created_at) ?? response.created_at,
    customerExternalId: stringOf(person.id) ?? null,
    customerEmail: stringOf(person.email) ?? null,
    customerName: stringOf(person.name) ?? null,
  });
}
