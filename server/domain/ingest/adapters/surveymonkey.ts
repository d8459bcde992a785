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

/**
 * SurveyMonkey webhooks carry no answers: the event names a response, which the service then reads
 * with `GET /v3/surveys/{surveyId}/responses/{responseId}/details` (and, to know what the chosen
 * choice ids mean, `GET /v3/surveys/{surveyId}/details`, cacheable per survey).
 */
export type SurveyMonkeyEvent =
  | { status: "fetch"; eventType: string; surveyId: string; responseId: string }
  | { status: "ignored"; reason: string }
  | { status: "invalid"; message: string };

const RESPONSE_EVENTS = new Set(["response_completed", "response_updated"]);

/**
 * Reads a SurveyMonkey webhook event: for `response_completed` / `response_updated` on a response
 * object, the survey id (`resources.survey_id`) and response id (`object_id`) to fetch; other
 * events (response_created, collector events, disqualified) are ignored.
 */
export function readSurveyMonkeyEvent(payload: unknown): SurveyMonkeyEvent {
  if (!isRecord(payload)) return { status: "invalid", message: "The SurveyMonkey payload is not a JSON object." };
  const eventType = String(payload.event_type);
  if (!RESPONSE_EVENTS.has(eventType) || payload.object_type !== "response") {
    return { status: "ignored", reason: `SurveyMonkey event "${eventType}" carries no finished response.` };
  }
  const surveyId = stringOf(recordOf(payload.resources).survey_id);
  const responseId = stringOf(payload.object_id);
  if (!surveyId || !responseId) {
    return { status: "invalid", message: "The SurveyMonkey event names no survey_id or object_id." };
  }
  return { status: "fetch", eventType, surveyId, responseId };
}

/** What a choice of a closed question is worth: its `weight` when set, else its text as a number. */
function choiceValue(choice: JsonRecord): number | null {
  if (typeof choice.weight === "number") return choice.weight;
  const text = stringOf(choice.text)?.trim();
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : null;
}

/**
 * The metric kind of a closed question from its choices' values (see choiceValue): exactly 0…10 →
 * nps (SurveyMonkey's NPS question), 1…5 → rating, 1…7 → ces; anything else is not a score.
 */
export function surveyMonkeyMetricKind(choices: JsonRecord[]): MetricKind | null {
  const values = choices.map(choiceValue);
  if (values.some((value) => value === null)) return null;
  const key = [...(values as number[])].sort((a, b) => a - b).join(",");
  if (key === "0,1,2,3,4,5,6,7,8,9,10") return "nps";
  if (key === "1,2,3,4,5") return "rating";
  if (key === "1,2,3,4,5,6,7") return "ces";
  return null;
}

/** Options saved with the webhook: the kind of a 1–5 question (csat or rating, default rating). */
export interface SurveyMonkeyOptions {
  fivePointKind?: "csat" | "rating";
}

/**
 * A SurveyMonkey response (the `/responses/{id}/details` body) as a feedback item (source "survey"):
 * - external id: `id`; received at: `date_modified` (when it was completed), else `date_created`;
 * - with the survey's details (`/surveys/{id}/details`): the score is the first answered closed
 *   question whose choices form a known scale (surveyMonkeyMetricKind), the text is the first
 *   `open_ended` answer; without them the choice ids cannot be read, so score and text stay empty;
 * - customer: `metadata.contact.email.value`, and custom variable customer_id / user_id.
 * Responses that are not `completed` are ignored.
 */
export function adaptSurveyMonkeyResponse(
  response: unknown,
  survey?: unknown,
  options: SurveyMonkeyOptions = {},
): AdapterResult {
  if (!isRecord(response)) return invalidPayload("The SurveyMonkey response is not a JSON object.");
  if (response.response_status !== undefined && response.response_status !== "completed") {
    return { status: "ignored", reason: `The response is ${String(response.response_status)}, not completed.` };
  }
  const questions = new Map<string, JsonRecord>();
  for (const page of arrayOf(recordOf(survey).pages).filter(isRecord)) {
    for (const question of arrayOf(page.questions).filter(isRecord)) questions.set(String(question.id), question);
  }

  let score: { kind: MetricKind; value: number } | null = null;
  let text: string | null = null;
  for (const page of arrayOf(response.pages).filter(isRecord)) {
    for (const answered of arrayOf(page.questions).filter(isRecord)) {
      const question = questions.get(String(answered.id));
      if (!question) continue;
      const answers = arrayOf(answered.answers).filter(isRecord);
      if (question.family === "open_ended") {
        text ??= answers.map((answer) => stringOf(answer.text)).find(Boolean) ?? null;
        continue;
      }
      if (score) continue;
      const choices = arrayOf(recordOf(question.answers).choices).filter(isRecord);
      const kind = surveyMonkeyMetricKind(choices);
      const chosen = choices.find((choice) => answers.some((answer) => String(answer.choice_id) === String(choice.id)));
      const value = chosen ? choiceValue(chosen) : null;
      if (kind && value !== null)
        score = { kind: kind === "rating" ? (options.fivePointKind ?? "rating") : kind, value };
    }
  }

  const contact = recordOf(recordOf(response.metadata).contact);
  const variables = recordOf(response.custom_variables);
  return toAdapterResult({
    source: "survey",
    externalId: response.id,
    metricKind: score?.kind ?? "none",
    score: score?.value ?? null,
    text,
    receivedAt: response.date_modified ?? response.date_created,
    customerExternalId: stringOf(variables.customer_id) ?? stringOf(variables.user_id) ?? null,
    customerEmail: stringOf(recordOf(contact.email).value) ?? null,
  });
}
