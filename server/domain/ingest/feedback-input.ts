import { z } from "zod";
import { FEEDBACK_SOURCES, METRIC_KINDS } from "../enums";
import { SCORE_RANGES, isScoreInRange } from "../scores";
import {
  MAX_NAME,
  MAX_TEXT,
  channelSchema,
  externalIdSchema,
  isoTimestampSchema,
  languageSchema,
  optionalEmailSchema,
  optionalTextSchema,
  whenFieldsValid,
} from "./fields";

export const MAX_FEEDBACK_BATCH = 1000;

/** "NPS 0–10, CSAT 1–5, CES 1–7, rating 1–5", from SCORE_RANGES. */
const RANGES_TEXT = Object.entries(SCORE_RANGES)
  .map(([kind, range]) => `${kind === "rating" ? kind : kind.toUpperCase()} ${range.min}–${range.max}`)
  .join(", ");

/**
 * One feedback item as the REST API (`POST /api/v1/feedback`), the webhooks and the CSV import
 * accept it. `(source, externalId)` is the de-duplication key: sending the same item again updates
 * it. The customer is optional (anonymous feedback); when given, `customerExternalId` links or
 * creates the customer and `customerEmail`/`customerName` fill in a new one.
 *
 * Score rule (mirrors the feedback_score_range CHECK): `metricKind` "none" carries no score; any
 * other kind needs an integer inside its range, NPS 0–10, CSAT 1–5, CES 1–7, rating 1–5. A score
 * with no kind is an error (the kind says which scale it is on). Text is trimmed, blank → null.
 * `receivedAt` is ISO 8601 with an offset, output as canonical UTC text (microseconds kept).
 */
export const feedbackInput = z
  .object({
    source: z.enum(FEEDBACK_SOURCES, { error: `Source must be one of ${FEEDBACK_SOURCES.join(", ")}.` }),
    externalId: externalIdSchema("external id"),
    channel: channelSchema.nullish().transform((value) => value ?? null),
    metricKind: z
      .enum(METRIC_KINDS, { error: `Metric kind must be one of ${METRIC_KINDS.join(", ")}.` })
      .default("none"),
    score: z
      .number({ error: "Send the score as a number." })
      .int("The score must be a whole number.")
      .nullish()
      .transform((value) => value ?? null),
    text: optionalTextSchema("text", MAX_TEXT),
    language: languageSchema,
    receivedAt: isoTimestampSchema,
    customerExternalId: externalIdSchema("customer external id")
      .nullish()
      .transform((value) => value ?? null),
    customerEmail: optionalEmailSchema,
    customerName: optionalTextSchema("customer name", MAX_NAME),
  })
  .superRefine(
    (item, ctx) => {
      const problem = scoreProblem(item.metricKind, item.score);
      if (problem) ctx.addIssue({ code: "custom", path: ["score"], message: problem });
    },
    whenFieldsValid("metricKind", "score"),
  );
export type FeedbackInput = z.output<typeof feedbackInput>;
/** What a client may send (before defaults and normalisation). */
export type FeedbackInputRaw = z.input<typeof feedbackInput>;

/** A batch of 1–1,000 feedback items (`POST /api/v1/feedback` with an array). */
export const feedbackBatchInput = z
  .array(feedbackInput)
  .min(1, "Send at least one feedback item.")
  .max(MAX_FEEDBACK_BATCH, `Send at most ${MAX_FEEDBACK_BATCH} feedback items per request; split the batch.`);

/**
 * Why `score` does not fit `kind`, as a message for the person who sent it, or null when it fits.
 * Same rule as isScoreInRange (scores.ts), worded per case.
 */
export function scoreProblem(kind: FeedbackInput["metricKind"], score: number | null): string | null {
  if (isScoreInRange(kind, score)) return null;
  if (kind === "none") return "A score needs a metric kind (nps, csat, ces or rating) saying which scale it is on.";
  const range = SCORE_RANGES[kind];
  const label = kind === "rating" ? "A rating" : `A ${kind.toUpperCase()} score`;
  if (score === null) return `${label} needs a score from ${range.min} to ${range.max}.`;
  return `${label} is a whole number from ${range.min} to ${range.max}, not ${score} (ranges: ${RANGES_TEXT}).`;
}
