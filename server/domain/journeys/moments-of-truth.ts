import { AppError } from "../../errors";
import {
  compareMoney,
  formatMoneyString,
  type Money,
  moneyFromCents,
  multiplyMoneyByFraction,
  parseMoney,
} from "../kpi/money";
import { computeNps, type NpsBuckets, npsResponses } from "../kpi/nps";
import { computeThemeImpact } from "../kpi/theme-impact";

/** One theme as seen on one stage's responses. */
export interface StageThemeInput {
  themeId: number;
  /** NPS buckets of the stage's responses that carry the theme (a subset of the stage's responses). */
  responses: NpsBuckets;
  /** Trailing-12-month net revenue of the customers behind those responses, each customer once. */
  revenue: Money;
}

/** What the ranking needs of one stage, for the filtered period/segment. */
export interface StageRevenueInput {
  stageId: number;
  /** The stage's place in the journey order; breaks ties. */
  position: number;
  /**
   * Trailing-12-month net revenue of the customers whose latest NPS response tagged with this stage
   * is a detractor (0–6), each customer once per stage.
   */
  detractorRevenue: Money;
  /** NPS buckets of all the stage's responses. */
  responses: NpsBuckets;
  themes: readonly StageThemeInput[];
}

export interface ThemeRevenueImpact {
  themeId: number;
  /** The theme's impact on the stage's NPS, in points (negative hurts); `null` when undefined. */
  impactPoints: number | null;
  /** max(0, −impact / 100) × the theme's revenue, to the cent. */
  revenueImpact: Money;
}

export interface MomentOfTruth {
  /** 1 = the most expensive friction point. */
  rank: number;
  stageId: number;
  position: number;
  /** detractorRevenue + themeRevenueImpact. */
  revenueImpact: Money;
  detractorRevenue: Money;
  themeRevenueImpact: Money;
  /** The stage's themes, most expensive first (ties by theme id). */
  themes: ThemeRevenueImpact[];
}

/**
 * The revenue a theme costs at a stage:
 *
 *   cost(t, s) = max(0, −impact(t, s) / 100) × revenue(t, s)
 *
 * where impact(t, s) = NPS(stage responses) − NPS(stage responses without t), in points (the
 * key-driver impact of kpi/theme-impact, restricted to the stage), and revenue(t, s) is the revenue
 * of the customers who raised t there. −impact/100 is the share of the NPS scale the theme costs the
 * stage, applied to the revenue of those who raised it. Computed exactly: −impact/100 is the fraction
 * ((P_w − D_w) n_a − (P_a − D_a) n_w) / (n_a n_w) (a = all, w = without the theme), and the product is
 * rounded once to the cent, half away from zero. A theme that lifts NPS costs 0 (praise does not
 * offset friction); a theme on none or all of the stage's responses has no defined impact and costs 0.
 * Throws INVALID_INPUT when a theme bucket exceeds the stage's, or for malformed money.
 */
export function themeRevenueImpact(stageResponses: NpsBuckets, theme: StageThemeInput): ThemeRevenueImpact {
  const impact = computeThemeImpact({ all: stageResponses, theme: theme.responses });
  const revenue = formatMoneyString(theme.revenue);
  const nAll = npsResponses(stageResponses);
  const nWithout = nAll - npsResponses(theme.responses);
  if (impact.value === null || nWithout === 0) {
    return { themeId: theme.themeId, impactPoints: impact.value, revenueImpact: "0.00" };
  }
  const netAll = stageResponses.promoters - stageResponses.detractors;
  const netWithout = netAll - (theme.responses.promoters - theme.responses.detractors);
  const lossNumerator = BigInt(netWithout) * BigInt(nAll) - BigInt(netAll) * BigInt(nWithout);
  return {
    themeId: theme.themeId,
    impactPoints: impact.value,
    revenueImpact:
      lossNumerator <= 0n ? "0.00" : multiplyMoneyByFraction(revenue, lossNumerator, BigInt(nAll) * BigInt(nWithout)),
  };
}

/**
 * Moments of truth: the journey's stages ranked by revenue impact, the most expensive first.
 *
 *   revenueImpact(s) = detractorRevenue(s) + Σ_t cost(t, s)
 *
 * with detractorRevenue(s) as in {@link StageRevenueInput} and cost(t, s) as in
 * {@link themeRevenueImpact}. Both parts are returned, since they overlap (a detractor who raised a
 * theme counts in both): the sum is a ranking score for "where does friction cost the most", not an
 * amount to add up across stages. Ties (equal to the cent) go to the earlier stage (lower position,
 * then lower id), so the order is total and stable. A net-negative revenue (refunds beyond purchases)
 * is kept as is. Throws INVALID_INPUT for a stage listed twice, malformed money or impossible buckets.
 */
export function rankMomentsOfTruth(stages: readonly StageRevenueInput[]): MomentOfTruth[] {
  const seen = new Set<number>();
  const scored = stages.map((stage) => {
    if (seen.has(stage.stageId)) throw new AppError("INVALID_INPUT", `Stage ${stage.stageId} is listed twice.`);
    seen.add(stage.stageId);
    computeNps(stage.responses);
    const themes = stage.themes
      .map((theme) => themeRevenueImpact(stage.responses, theme))
      .sort((a, b) => compareMoney(b.revenueImpact, a.revenueImpact) || a.themeId - b.themeId);
    const themeCents = themes.reduce((sum, theme) => sum + parseMoney(theme.revenueImpact), 0n);
    const detractorCents = parseMoney(stage.detractorRevenue);
    return {
      cents: detractorCents + themeCents,
      stageId: stage.stageId,
      position: stage.position,
      detractorRevenue: moneyFromCents(detractorCents),
      themeRevenueImpact: moneyFromCents(themeCents),
      themes,
    };
  });
  scored.sort((a, b) =>
    a.cents === b.cents ? a.position - b.position || a.stageId - b.stageId : a.cents > b.cents ? -1 : 1,
  );
  return scored.map(({ cents, ...stage }, i) => ({
    rank: i + 1,
    stageId: stage.stageId,
    position: stage.position,
    revenueImpact: moneyFromCents(cents),
    detractorRevenue: stage.detractorRevenue,
    themeRevenueImpact: stage.themeRevenueImpact,
    themes: stage.themes,
  }));
}
