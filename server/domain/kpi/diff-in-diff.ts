import { AppError } from "../../errors";
import type { Kpi } from "../enums";
import { type CsatCounts, computeCsat } from "./csat";
import { assertCount, type Figure, isLowSample, LOW_SAMPLE_THRESHOLD, percentFigure } from "./figure";
import { computeNps, type NpsBuckets } from "./nps";
import { denseScoreCounts, type ScoreCounts } from "./score-counts";
import { Z_95 } from "./significance";

/**
 * Numeric answers reduced to what a mean and its variance need: how many, their sum, and the sum of
 * their squares (`count(*)`, `sum(score)`, `sum(score * score)` in SQL).
 */
export interface MeanSummary {
  count: number;
  sum: number;
  sumOfSquares: number;
}

/** What one group's responses are summarised as, per measured KPI. */
export interface ImpactSummaryByKind {
  /** NPS in points (−100…100). */
  nps: NpsBuckets;
  /** CSAT as the share of 4–5 answers, in percent. */
  csat: CsatCounts;
  /** Any other share, in percent: e.g. churn = customers who churned / customers active at the window's start. */
  share: { part: number; total: number };
  /** CES as the mean score on 1–7 (validated against that range). */
  ces: MeanSummary;
  /** Any other per-response value, as its mean (no range check). */
  mean: MeanSummary;
}
export type ImpactKind = keyof ImpactSummaryByKind;
export const IMPACT_KINDS = ["nps", "csat", "share", "ces", "mean"] as const satisfies readonly ImpactKind[];

/**
 * How each dashboard KPI is measured before/after an action, or `null` when it is not:
 * - nps, csat, ces: on the scope's survey responses;
 * - churn: a share, customers who churned in the window / customers active at its start; a fall is good;
 * - revenue: a mean, net revenue per customer active in the window (each customer one value; the
 *   statistics run on floats, for an interval, never for the revenue figures shown as money);
 * - revenue_at_risk: not measured; it is a stock of detractors' revenue, not a per-response outcome.
 *   Measure NPS on the scope instead: fewer detractors is how revenue at risk falls.
 */
export const IMPACT_MEASURE_BY_KPI: Readonly<Record<Kpi, { kind: ImpactKind; higherIsBetter: boolean } | null>> = {
  nps: { kind: "nps", higherIsBetter: true },
  csat: { kind: "csat", higherIsBetter: true },
  ces: { kind: "ces", higherIsBetter: true },
  churn: { kind: "share", higherIsBetter: false },
  revenue: { kind: "mean", higherIsBetter: true },
  revenue_at_risk: null,
};

/** One group's KPI estimate and the variance of that estimate (its squared standard error). */
export interface GroupEstimate {
  value: number | null;
  /** Var(value) in the value's unit squared; `null` when it cannot be estimated (n = 0, or n = 1 for a mean). */
  variance: number | null;
  sampleSize: number;
  lowSample: boolean;
}

/**
 * A group's estimate and its variance:
 * - nps: 100 (p − d), variance 100² (p + d − (p − d)²) / n (DESIGN.md's NPS margin of error, squared / 1.96²);
 * - csat, share: 100 s, variance 100² s (1 − s) / n (s = satisfied / total, part / total);
 * - ces, mean: x̄ = Σx / n, variance s² / n with the sample variance s² = (Σx² − (Σx)²/n) / (n − 1);
 *   n = 1 has a mean but no variance.
 * n = 0 → value and variance `null`. Throws INVALID_INPUT for invalid counts, a CES sum outside
 * n…7n or a sum of squares outside n…49n, or a sum of squares below (Σx)²/n (impossible for real data).
 */
export function estimateGroup<K extends ImpactKind>(kind: K, summary: ImpactSummaryByKind[K]): GroupEstimate {
  if (kind === "nps") {
    const figure = computeNps(summary as NpsBuckets);
    const n = figure.sampleSize;
    const buckets = summary as NpsBuckets;
    const net = buckets.promoters - buckets.detractors;
    const variance = n === 0 ? null : (10_000 * ((buckets.promoters + buckets.detractors) * n - net * net)) / n ** 3;
    return { value: figure.value, variance, sampleSize: n, lowSample: figure.lowSample };
  }
  if (kind === "csat") {
    const counts = summary as CsatCounts;
    return estimateShare(computeCsat(counts), counts.satisfied, counts.total);
  }
  if (kind === "share") {
    const { part, total } = summary as ImpactSummaryByKind["share"];
    return estimateShare(percentFigure(part, total, { part: "part", whole: "total" }), part, total);
  }
  return estimateMean(kind, summary as MeanSummary);
}

function estimateShare(figure: Figure, part: number, total: number): GroupEstimate {
  const variance = total === 0 ? null : (10_000 * part * (total - part)) / total ** 3;
  return { value: figure.value, variance, sampleSize: total, lowSample: figure.lowSample };
}

function estimateMean(kind: ImpactKind, summary: MeanSummary): GroupEstimate {
  const { count: n, sum, sumOfSquares } = summary;
  assertCount("count", n);
  if (!Number.isFinite(sum) || !Number.isFinite(sumOfSquares)) {
    throw new AppError(
      "INVALID_INPUT",
      `The sum and sum of squares must be finite numbers, got ${sum} and ${sumOfSquares}.`,
    );
  }
  if (kind === "ces" && (sum < n || sum > 7 * n || sumOfSquares < n || sumOfSquares > 49 * n)) {
    throw new AppError(
      "INVALID_INPUT",
      `A CES sum of ${sum} (squares ${sumOfSquares}) is impossible for ${n} answers scored 1–7.`,
    );
  }
  const lowSample = isLowSample(n);
  if (n === 0) return { value: null, variance: null, sampleSize: 0, lowSample };
  const mean = sum / n;
  const deviation = sumOfSquares - (sum * sum) / n;
  // rounding can leave −1e−12 where the true value is 0; anything clearly below is bad input
  if (deviation < -1e-9 * Math.max(1, sumOfSquares)) {
    throw new AppError(
      "INVALID_INPUT",
      `A sum of squares of ${sumOfSquares} is impossible for ${n} values summing to ${sum}.`,
    );
  }
  const variance = n < 2 ? null : Math.max(0, deviation) / (n - 1) / n;
  return { value: mean, variance, sampleSize: n, lowSample };
}

/** A {@link MeanSummary} from counts per score (e.g. CES 1–7 keyed by score). */
export function meanSummaryFromScoreCounts(kind: "ces", counts: ScoreCounts): MeanSummary {
  const dense = denseScoreCounts(kind, counts);
  let count = 0;
  let sum = 0;
  let sumOfSquares = 0;
  dense.forEach((n, index) => {
    const score = index + 1;
    count += n;
    sum += n * score;
    sumOfSquares += n * score * score;
  });
  return { count, sum, sumOfSquares };
}

/** A {@link MeanSummary} of raw values. */
export function meanSummaryOf(values: Iterable<number>): MeanSummary {
  let count = 0;
  let sum = 0;
  let sumOfSquares = 0;
  for (const value of values) {
    count += 1;
    sum += value;
    sumOfSquares += value * value;
  }
  return { count, sum, sumOfSquares };
}

export const IMPACT_GROUPS = ["scopeBefore", "scopeAfter", "comparisonBefore", "comparisonAfter"] as const;
export type ImpactGroup = (typeof IMPACT_GROUPS)[number];
const GROUP_LABEL: Record<ImpactGroup, string> = {
  scopeBefore: "the scope before",
  scopeAfter: "the scope after",
  comparisonBefore: "the comparison group before",
  comparisonAfter: "the comparison group after",
};

/** A change and its 95% interval: estimate ± 1.96 × standardError. */
export interface ChangeEstimate {
  estimate: number;
  standardError: number;
  ci95: readonly [number, number];
}

export type ImpactVerdict = "improved" | "worsened" | "no measurable change" | "cannot tell";

export interface ImpactInput<K extends ImpactKind> {
  kind: K;
  scope: { before: ImpactSummaryByKind[K]; after: ImpactSummaryByKind[K] };
  /** Responses outside the action's scope over the same two windows; omit when there are none. */
  comparison?: { before: ImpactSummaryByKind[K]; after: ImpactSummaryByKind[K] } | null;
  /** Whether a rise is good. Default true (NPS, CSAT, CES agreement that it was easy). */
  higherIsBetter?: boolean;
}

export interface ImpactMeasurement {
  kind: ImpactKind;
  /** Which estimate the verdict reads. */
  method: "difference-in-differences" | "before/after";
  groups: Partial<Record<ImpactGroup, GroupEstimate>>;
  sampleSizes: Partial<Record<ImpactGroup, number>>;
  /** scopeAfter − scopeBefore. */
  beforeAfter: ChangeEstimate | null;
  /** comparisonAfter − comparisonBefore; `null` without a comparison group. */
  comparisonChange: ChangeEstimate | null;
  /** beforeAfter − comparisonChange; `null` without a comparison group. */
  differenceInDifferences: ChangeEstimate | null;
  verdict: ImpactVerdict;
  /** The groups under {@link LOW_SAMPLE_THRESHOLD} responses, with their counts. */
  tooFewResponses: { group: ImpactGroup; sampleSize: number }[];
  /** One plain sentence for the UI. */
  explanation: string;
}

/**
 * Did the KPI move in the action's scope after it was done?
 *
 * With a comparison group (customers outside the scope, same windows), difference-in-differences:
 *   estimate = (scopeAfter − scopeBefore) − (comparisonAfter − comparisonBefore),
 *   SE = √(Var scopeBefore + Var scopeAfter + Var comparisonBefore + Var comparisonAfter)
 * (the four groups are independent samples; each variance is that of the group's estimate, see
 * {@link estimateGroup}), CI95 = estimate ± 1.96 SE. The comparison's change stands for what would
 * have happened anyway (seasonality, a price change), so it is taken out.
 * Without one, the plain before/after change: scopeAfter − scopeBefore, SE = √(Var before + Var after).
 *
 * Verdict, on the difference-in-differences when there is a comparison group, else on before/after:
 * - "cannot tell" when a group it uses has fewer than 30 responses (listed in `tooFewResponses` and
 *   named in `explanation`; the estimates are still returned when they exist) or its SE cannot be
 *   estimated;
 * - "improved" / "worsened" when the CI excludes 0, by the sign and `higherIsBetter`;
 * - "no measurable change" when it includes 0.
 * A comparison group with fewer than 30 responses makes the verdict "cannot tell" too rather than
 * silently falling back to before/after: the user chose to compare, and should see why it failed.
 */
export function measureImpact<K extends ImpactKind>(input: ImpactInput<K>): ImpactMeasurement {
  const { kind } = input;
  const higherIsBetter = input.higherIsBetter ?? true;
  const groups: Partial<Record<ImpactGroup, GroupEstimate>> = {
    scopeBefore: estimateGroup(kind, input.scope.before),
    scopeAfter: estimateGroup(kind, input.scope.after),
  };
  if (input.comparison) {
    groups.comparisonBefore = estimateGroup(kind, input.comparison.before);
    groups.comparisonAfter = estimateGroup(kind, input.comparison.after);
  }
  const sampleSizes: Partial<Record<ImpactGroup, number>> = {};
  const tooFewResponses: ImpactMeasurement["tooFewResponses"] = [];
  for (const group of IMPACT_GROUPS) {
    const estimate = groups[group];
    if (!estimate) continue;
    sampleSizes[group] = estimate.sampleSize;
    if (estimate.lowSample) tooFewResponses.push({ group, sampleSize: estimate.sampleSize });
  }
  const beforeAfter = change(groups.scopeAfter, groups.scopeBefore);
  const comparisonChange = input.comparison ? change(groups.comparisonAfter, groups.comparisonBefore) : null;
  const differenceInDifferences =
    beforeAfter && comparisonChange
      ? interval(
          beforeAfter.estimate - comparisonChange.estimate,
          beforeAfter.standardError ** 2 + comparisonChange.standardError ** 2,
        )
      : null;
  const method = input.comparison ? "difference-in-differences" : "before/after";
  const headline = input.comparison ? differenceInDifferences : beforeAfter;
  const { verdict, explanation } = judge(kind, method, headline, tooFewResponses, higherIsBetter);
  return {
    kind,
    method,
    groups,
    sampleSizes,
    beforeAfter,
    comparisonChange,
    differenceInDifferences,
    verdict,
    tooFewResponses,
    explanation,
  };
}

function change(after: GroupEstimate | undefined, before: GroupEstimate | undefined): ChangeEstimate | null {
  if (after?.value == null || before?.value == null || after.variance === null || before.variance === null) return null;
  return interval(after.value - before.value, after.variance + before.variance);
}

function interval(estimate: number, variance: number): ChangeEstimate {
  const standardError = Math.sqrt(variance);
  return { estimate, standardError, ci95: [estimate - Z_95 * standardError, estimate + Z_95 * standardError] };
}

const UNIT: Record<ImpactKind, string> = {
  nps: " points",
  csat: " percentage points",
  share: " percentage points",
  ces: "",
  mean: "",
};
const NAME: Record<ImpactKind, string> = { nps: "NPS", csat: "CSAT", share: "The share", ces: "CES", mean: "The KPI" };

function judge(
  kind: ImpactKind,
  method: ImpactMeasurement["method"],
  headline: ChangeEstimate | null,
  tooFew: ImpactMeasurement["tooFewResponses"],
  higherIsBetter: boolean,
): { verdict: ImpactVerdict; explanation: string } {
  if (tooFew.length > 0) {
    const groups = tooFew.map(
      (g) => `${GROUP_LABEL[g.group]} has ${g.sampleSize} response${g.sampleSize === 1 ? "" : "s"}`,
    );
    return {
      verdict: "cannot tell",
      explanation: `The data cannot tell yet: ${groups.join(", ")}; each window needs at least ${LOW_SAMPLE_THRESHOLD}.`,
    };
  }
  if (!headline) {
    return {
      verdict: "cannot tell",
      explanation: "The data cannot tell: the spread of the responses cannot be estimated.",
    };
  }
  const format = (x: number) => `${Number(x.toFixed(1))}`;
  const [lo, hi] = headline.ci95;
  const range = `95% CI ${format(lo)} to ${format(hi)}${UNIT[kind]}`;
  const against = method === "difference-in-differences" ? " more than outside the scope" : "";
  const moved = `${NAME[kind]} moved ${format(headline.estimate)}${UNIT[kind]}${against} (${range})`;
  if (lo <= 0 && hi >= 0) {
    return {
      verdict: "no measurable change",
      explanation: `No measurable change: ${moved}, which includes no change.`,
    };
  }
  const improved = headline.estimate > 0 === higherIsBetter;
  return {
    verdict: improved ? "improved" : "worsened",
    explanation: `${improved ? "Improved" : "Worsened"}: ${moved}.`,
  };
}

export * from "./impact-windows";
