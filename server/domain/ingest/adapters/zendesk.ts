import { invalidPayload, isRecord, stringOf, toAdapterResult, type AdapterResult } from "./json";

/**
 * Zendesk's good/bad satisfaction as CSAT 1–5: good → 5, bad → 1, so the CSAT figure (the share
 * of 4 and 5) is exactly Zendesk's own satisfaction percentage (good / (good + bad)).
 */
export const ZENDESK_CSAT = { good: 5, bad: 1 } as const;

/**
 * A Zendesk satisfaction rating (the API object, sent by a trigger's webhook as is or wrapped in
 * `satisfaction_rating`) as a feedback item with source "ticket":
 * - external id: the rating's `id` (not the ticket's: a ticket can be rated again after reopening);
 * - metric kind csat, score from `score` by ZENDESK_CSAT; "offered" / "unoffered" (asked, not yet
 *   answered) are ignored;
 * - text: `comment`; received at: `created_at`;
 * - customer external id: `requester_id` (Zendesk's user id).
 */
export function adaptZendesk(payload: unknown): AdapterResult {
  if (!isRecord(payload)) return invalidPayload("The Zendesk payload is not a JSON object.");
  const rating = isRecord(payload.satisfaction_rating) ? payload.satisfaction_rating : payload;
  const given = String(rating.score ?? "").toLowerCase();
  if (given === "offered" || given === "unoffered") {
    return { status: "ignored", reason: `The satisfaction survey was ${given} but not answered yet.` };
  }
  if (given !== "good" && given !== "bad") {
    return {
      status: "invalid",
      errors: [{ path: "score", message: `Zendesk score "${given}" is not good or bad.` }],
    };
  }
  return toAdapterResult({
    source: "ticket",
    externalId: rating.id,
    metricKind: "csat",
    score: ZENDESK_CSAT[given],
    text: stringOf(rating.comment) ?? null,
    receivedAt: rating.created_at,
    customerExternalId: rating.requester_id ?? null,
  });
}
