import { AppError } from "../../errors";
import type { MetricKind, Priority } from "../enums";
import { SCORE_RANGES, isScoreInRange } from "../scores";
import { FIRST_RESPONSE_PRIORITIES } from "./sla";

/** Sentiment (−1…1) at or below which a comment counts as strongly negative. */
export const STRONGLY_NEGATIVE_SENTIMENT = -0.5;
/** NPS scores 0–6 are detractors; 0–2 is the angriest band. */
export const NPS_DETRACTOR_MAX = 6;
export const NPS_URGENT_MAX = 2;
/** CSAT 1 ("very dissatisfied") and 2 ("dissatisfied"). */
export const CSAT_LOW_MAX = 2;

/** Why an item opened above normal priority, for the inbox to show next to it. */
export type InitialTriageReason = "nps_detractor" | "csat_low" | "strongly_negative";

export interface InitialTriage {
  priority: Priority;
  /** Whether the item opens with a first-response due date (see FIRST_RESPONSE_PRIORITIES). */
  opensWithSla: boolean;
  reasons: InitialTriageReason[];
}

/**
 * The closed loop on ingest: the priority a new item opens with.
 * - urgent: an NPS of 0–2 with a strongly negative comment (sentiment ≤ −0.5). The bottom of the
 *   scale plus an angry text is the customer most likely to churn or complain in public, and the
 *   pair is rare enough that a one-hour target stays meaningful.
 * - high: an NPS detractor (0–6), a CSAT of 1–2, or a strongly negative comment on any source.
 * - normal: everything else (passives, promoters, CES and ratings without a negative comment).
 * Urgent and high open with a first-response due date; normal does not (slaDueAt).
 * Throws INVALID_INPUT for a score outside the kind's range or a sentiment outside −1…1.
 */
export function initialTriage(input: {
  metricKind: MetricKind;
  score: number | null;
  sentiment: number | null;
}): InitialTriage {
  const { metricKind, score, sentiment } = input;
  if (!isScoreInRange(metricKind, score)) throw new AppError("INVALID_INPUT", scoreProblem(metricKind, score));
  if (sentiment !== null && !(sentiment >= -1 && sentiment <= 1)) {
    throw new AppError("INVALID_INPUT", `Sentiment is a number from −1 to 1, got ${sentiment}.`);
  }
  const reasons: InitialTriageReason[] = [];
  if (metricKind === "nps" && score !== null && score <= NPS_DETRACTOR_MAX) reasons.push("nps_detractor");
  if (metricKind === "csat" && score !== null && score <= CSAT_LOW_MAX) reasons.push("csat_low");
  const stronglyNegative = sentiment !== null && sentiment <= STRONGLY_NEGATIVE_SENTIMENT;
  if (stronglyNegative) reasons.push("strongly_negative");

  const urgent = metricKind === "nps" && score !== null && score <= NPS_URGENT_MAX && stronglyNegative;
  const priority: Priority = urgent ? "urgent" : reasons.length > 0 ? "high" : "normal";
  return { priority, opensWithSla: FIRST_RESPONSE_PRIORITIES.includes(priority), reasons };
}

const METRIC_LABELS: Record<Exclude<MetricKind, "none">, string> = {
  nps: "NPS",
  csat: "CSAT",
  ces: "CES",
  rating: "Rating",
};

function scoreProblem(kind: MetricKind, score: number | null): string {
  if (kind === "none") return `Feedback without a metric carries no score, got ${score}.`;
  const { min, max } = SCORE_RANGES[kind];
  return `${METRIC_LABELS[kind]} scores are whole numbers ${min}–${max}, got ${score}.`;
}
