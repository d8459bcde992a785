export * from "./external-ids";
export * from "./figures";
export * from "./inputs";

/** The segments page's default period spans this many months (last365); any dashboard period may be asked for. */
export const SEGMENT_REVENUE_WINDOW_MONTHS = 12;
