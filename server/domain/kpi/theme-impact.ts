import { assertAtMost, type Figure, makeFigure, percentOf } from "./figure";
import { computeNps, type NpsBuckets, npsResponses } from "./nps";

/** `value` is the impact in NPS points; the sample is the theme's responses. */
export interface ThemeImpact extends Figure {
  /** 100 × theme responses / all responses; `null` without responses. */
  frequencyPercent: number | null;
  npsAll: number | null;
  npsWithoutTheme: number | null;
}

/**
 * Theme impact on NPS (key-driver view): impact = NPS(all responses) − NPS(responses without the
 * theme), where "without" = all buckets − theme buckets. Negative: the theme drags NPS down (removing
 * it would raise NPS by that many points). Frequency = 100 × theme responses / all responses.
 * Plotting impact against frequency gives the priority matrix.
 *
 * Sample size = the theme's responses (low-sample below 30), so a theme without responses has a
 * `null` impact (frequency 0). No responses at all → impact and frequency `null`. Every response has
 * the theme → NPS without it is undefined, so impact is `null` (frequency 100). Throws INVALID_INPUT when a theme bucket exceeds the same bucket of all responses.
 */
export function computeThemeImpact(input: { all: NpsBuckets; theme: NpsBuckets }): ThemeImpact {
  const { all, theme } = input;
  const npsAll = computeNps(all).value;
  const themeResponses = computeNps(theme).sampleSize;
  for (const bucket of ["promoters", "passives", "detractors"] as const) {
    assertAtMost(`theme ${bucket}`, theme[bucket], `all ${bucket}`, all[bucket]);
  }
  const npsWithoutTheme = computeNps({
    promoters: all.promoters - theme.promoters,
    passives: all.passives - theme.passives,
    detractors: all.detractors - theme.detractors,
  }).value;
  return {
    ...makeFigure(npsAll === null || npsWithoutTheme === null ? null : npsAll - npsWithoutTheme, themeResponses),
    frequencyPercent: percentOf(themeResponses, npsResponses(all)),
    npsAll,
    npsWithoutTheme,
  };
}
