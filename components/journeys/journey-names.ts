import type { StageMetricKind } from "./types";

// Mirrors of server/domain/journeys/inputs.ts (MAX_JOURNEY_NAME, STAGE_METRICS), which cannot be
// imported here: that module builds zod schemas, which the journey page does not ship. A test
// keeps them equal.

/** Longest stage or touchpoint name, in characters. */
export const MAX_NAME = 80;
/** The main metrics a stage can be judged by. */
export const STAGE_METRIC_CHOICES: readonly StageMetricKind[] = ["nps", "csat", "ces", "rating"];

export type NameProblem = "required" | "tooLong";

/** What is wrong with a typed name, as the server would see it after trimming; null when it is fine. */
export function nameProblem(name: string): NameProblem | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return "required";
  if (trimmed.length > MAX_NAME) return "tooLong";
  return null;
}

/** The fields sent to an update: only what changed (the server refuses an update that changes nothing). */
export function changedFields<T extends { name: string }>(before: T, after: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const value = key === "name" ? after.name.trim() : after[key];
    if (value !== before[key]) changes[key] = value as T[keyof T];
  }
  return changes;
}
