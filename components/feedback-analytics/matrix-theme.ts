import type { Quadrant } from "./priority-matrix";

/**
 * A colour per quadrant, from the theme's variables (app/globals.css) so the matrix follows light
 * and dark mode: red for "fix first", amber for "fix where it occurs", blue for "monitor", grey for
 * "low priority". Names on the dots and in the table carry the same information without colour.
 */
export const QUADRANT_COLORS: Record<Quadrant, string> = {
  fixFirst: "var(--negative)",
  fixLocally: "var(--chart-3)",
  monitor: "var(--chart-1)",
  lowPriority: "var(--chart-passive)",
};

/** Dot areas (px²) for the fewest and the most mentions: a radius of about 4.5 to 15 px. */
export const DOT_AREA_RANGE: [number, number] = [64, 700];
