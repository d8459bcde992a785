export * from "./funnel";
export * from "./inputs";
export * from "./moments-of-truth";
export * from "./stages";

/** The journey map counts the feedback each stage received over this many trailing days. */
export const JOURNEY_FEEDBACK_WINDOW_DAYS = 90;

/** Start of the journey map's feedback window: `now` minus JOURNEY_FEEDBACK_WINDOW_DAYS days. */
export function journeyWindowStart(now: Date): Date {
  return new Date(now.getTime() - JOURNEY_FEEDBACK_WINDOW_DAYS * 24 * 60 * 60 * 1000);
}
