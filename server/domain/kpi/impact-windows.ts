import { AppError } from "../../errors";
import type { Period } from "../period";

/** Before/after windows of equal length around an action's completion, for measureImpact (./diff-in-diff.ts). */
export const DEFAULT_IMPACT_WINDOW_DAYS = 90;
export const MIN_IMPACT_WINDOW_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ImpactWindows {
  before: Period;
  after: Period;
  /** L, in whole days; both windows are this long. */
  lengthDays: number;
  /** L < 14 days: too soon after completion to measure; `explanation` says when it will be. */
  tooShort: boolean;
  explanation: string | null;
}

/**
 * Equal windows around an action's completion: before = [completion − L, completion),
 * after = [completion, completion + L), with L = min(requestedDays, whole days from completion to
 * `now`), so the after-window never reaches into the future and both windows see the same
 * seasonality length. `now` before completion gives L = 0. L < 14 days → `tooShort` (the windows are
 * still returned), with the date the 14 days are reached. Throws INVALID_INPUT unless
 * `requestedDays` is a whole number ≥ 1.
 */
export function impactWindows(completedAt: Date, now: Date, requestedDays = DEFAULT_IMPACT_WINDOW_DAYS): ImpactWindows {
  if (!Number.isSafeInteger(requestedDays) || requestedDays < 1) {
    throw new AppError("INVALID_INPUT", `The window length is a whole number of days ≥ 1, got ${requestedDays}.`);
  }
  const elapsedDays = Math.max(0, Math.floor((now.getTime() - completedAt.getTime()) / DAY_MS));
  const lengthDays = Math.min(requestedDays, elapsedDays);
  const length = lengthDays * DAY_MS;
  const tooShort = lengthDays < MIN_IMPACT_WINDOW_DAYS;
  const ready = new Date(completedAt.getTime() + MIN_IMPACT_WINDOW_DAYS * DAY_MS).toISOString().slice(0, 10);
  return {
    before: { start: new Date(completedAt.getTime() - length), end: completedAt },
    after: { start: completedAt, end: new Date(completedAt.getTime() + length) },
    lengthDays,
    tooShort,
    explanation: tooShort
      ? `Only ${lengthDays} day${lengthDays === 1 ? "" : "s"} since the action was done; impact is measured from ${MIN_IMPACT_WINDOW_DAYS} days on (${ready}).`
      : null,
  };
}
