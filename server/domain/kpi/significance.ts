import { type CsatCounts, computeCsat } from "./csat";
import { isLowSample } from "./figure";
import { computeNps, type NpsBuckets } from "./nps";

/** The two-sided 95% quantile of the standard normal, Φ⁻¹(0.975); 1.96 rounded. */
export const Z_95 = 1.959963984540054;
/** A difference is called significant below this two-sided p-value. */
export const SIGNIFICANCE_LEVEL = 0.05;

const SQRT_PI = Math.sqrt(Math.PI);

/**
 * The complementary error function erfc(x) = 1 − erf(x) = (2/√π) ∫ₓ^∞ e^(−t²) dt, to about 1e−15
 * relative error (tested against reference values). Two exact expansions, no fitted constants:
 * - |x| < 1: erf(x) = (2/√π) e^(−x²) Σₙ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)), a series of positive terms
 *   (no cancellation); erfc = 1 − erf, which is ≥ 0.157 there, so no digits are lost.
 * - x ≥ 1: the continued fraction erfc(x) = (e^(−x²)/√π) · 1/(x + ½/(x + 1/(x + (3/2)/(x + …)))),
 *   200 levels evaluated bottom-up, which keeps the relative precision of the tail (erfc(10) ≈ 2e−45).
 * Negative x uses erfc(−x) = 2 − erfc(x). erfc(NaN) is NaN.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 1) return 1 - erfSeries(x);
  let fraction = x;
  for (let k = 200; k >= 1; k--) fraction = x + k / 2 / fraction;
  return Math.exp(-x * x) / SQRT_PI / fraction;
}

/** erf(x) = 1 − erfc(x), in −1…1. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (Math.abs(x) < 1) return Math.sign(x) * erfSeries(Math.abs(x));
  if (x < 0) return erfc(-x) - 1;
  return 1 - erfc(x);
}

function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200 && term > sum * 1e-17; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
  }
  return (2 / SQRT_PI) * Math.exp(-x2) * sum;
}

/** Standard normal CDF Φ(z) = ½ erfc(−z/√2); computed from the nearer tail so Φ(−8) keeps its digits. */
export function normalCdf(z: number): number {
  return z < 0 ? 0.5 * erfc(-z / Math.SQRT2) : 1 - 0.5 * erfc(z / Math.SQRT2);
}

/** Two-sided p-value of a z statistic: P(|Z| ≥ |z|) = erfc(|z|/√2); 1 at z = 0, → 0 as |z| grows. */
export function twoSidedPValue(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

export type SignificanceConclusion = "significant" | "not significant" | "cannot tell";

/** A comparison of one KPI between group a and group b; every difference is a − b. */
export interface DifferenceTest {
  /** The test, named for the UI ("state the test"). */
  test: string;
  /** a − b, in NPS points or CSAT percentage points; `null` when a group has no responses. */
  difference: number | null;
  /** The standard error the z statistic divides by, in the difference's unit: z = difference / SE. */
  standardError: number | null;
  z: number | null;
  pValue: number | null;
  /**
   * 95% confidence interval of the difference: difference ± 1.96 × SE of the interval, clipped to
   * the differences that can occur (±200 NPS points, ±100 CSAT points).
   */
  ci95: readonly [number, number] | null;
  /** p < 0.05. False whenever there is no test. */
  significant: boolean;
  /** Either group has fewer than 30 responses (including none): the UI marks the result as such. */
  lowSample: boolean;
  sampleSizes: { a: number; b: number };
  conclusion: SignificanceConclusion;
  /** Why there is no test, or what a fallback changed; `null` when the plain test ran. */
  note: string | null;
}

export const NPS_DIFFERENCE_TEST = "two-sample z-test on NPS (Wald, unpooled)";
export const CSAT_DIFFERENCE_TEST = "two-proportion z-test on CSAT (pooled SE for the test, unpooled for the CI)";

/**
 * Is the NPS of group a different from group b's?
 *
 * Each response is scored +1 (promoter), 0 (passive) or −1 (detractor), so NPS = 100 × the mean
 * score, and the variance of one response is v = p + d − (p − d)² (p, d the promoter and detractor
 * shares; DESIGN.md's NPS margin of error). The variance of a group's NPS is 100² × v / n, and:
 *
 *   difference = NPS_a − NPS_b,  SE = √(100² v_a / n_a + 100² v_b / n_b)  (unpooled, Wald),
 *   z = difference / SE,  p = 2 (1 − Φ(|z|)),  CI95 = difference ± 1.96 SE,  significant ⇔ p < 0.05.
 *
 * Edge cases:
 * - a group without responses → no test: every number `null`, conclusion "cannot tell".
 * - both groups without spread (every response of a group in one category): SE = 0. With equal
 *   NPS that is difference 0, z 0, p 1, CI [0, 0]. With different NPS (all promoters vs all
 *   detractors) the Wald statistic is infinite; the test then uses the pooled SE, the variance of
 *   both groups' responses together, √(100² v_pooled (1/n_a + 1/n_b)), for z and the CI, and says so
 *   in `note`.
 * Throws INVALID_INPUT for counts that are not whole numbers ≥ 0.
 */
export function compareNps(a: NpsBuckets, b: NpsBuckets): DifferenceTest {
  const figureA = computeNps(a);
  const figureB = computeNps(b);
  const sampleSizes = { a: figureA.sampleSize, b: figureB.sampleSize };
  if (figureA.value === null || figureB.value === null) return cannotTell(NPS_DIFFERENCE_TEST, sampleSizes);
  const difference = figureA.value - figureB.value;
  let standardError = Math.sqrt(npsMeanVariance(a) + npsMeanVariance(b));
  let note: string | null = null;
  if (standardError === 0 && difference !== 0) {
    const pooled = {
      promoters: a.promoters + b.promoters,
      passives: a.passives + b.passives,
      detractors: a.detractors + b.detractors,
    };
    standardError = 100 * Math.sqrt(responseVariance(pooled) * (1 / sampleSizes.a + 1 / sampleSizes.b));
    note =
      "Neither group varies (each answered in one category), so the unpooled standard error is 0; the pooled standard error of both groups together is used instead.";
  }
  return tested(NPS_DIFFERENCE_TEST, difference, standardError, standardError, 200, sampleSizes, note);
}

/**
 * Is the CSAT of group a different from group b's? A two-proportion z-test on the share of
 * satisfied answers (4–5), in percentage points:
 *
 *   difference = 100 (s_a − s_b),  s = satisfied / total;
 *   test:  SE₀ = 100 √(s̄ (1 − s̄)(1/n_a + 1/n_b)), s̄ = (S_a + S_b)/(n_a + n_b) (pooled: under the
 *          null hypothesis both groups share one proportion), z = difference / SE₀, p = 2(1 − Φ(|z|));
 *   CI95:  difference ± 1.96 × 100 √(s_a(1 − s_a)/n_a + s_b(1 − s_b)/n_b) (unpooled).
 *
 * `standardError` is SE₀ (z = difference / standardError). Because the two SEs differ, a p-value just
 * under 0.05 can come with a CI that just touches 0; the test decides `significant`.
 * Edge cases:
 * - a group without answers → no test, "cannot tell".
 * - s = 0 or 1 in both groups and equal (0% vs 0%, 100% vs 100%): SE₀ = 0, difference 0 → z 0, p 1, CI [0, 0].
 * - 0% vs 100%: SE₀ > 0 so the test runs, but the unpooled SE is 0 and the CI would collapse to a
 *   point; the CI uses SE₀ instead and `note` says so.
 * Throws INVALID_INPUT for counts that are not whole numbers ≥ 0 or satisfied > total.
 */
export function compareCsat(a: CsatCounts, b: CsatCounts): DifferenceTest {
  const figureA = computeCsat(a);
  const figureB = computeCsat(b);
  const sampleSizes = { a: a.total, b: b.total };
  if (figureA.value === null || figureB.value === null) return cannotTell(CSAT_DIFFERENCE_TEST, sampleSizes);
  const difference = figureA.value - figureB.value;
  const pooledShare = (a.satisfied + b.satisfied) / (a.total + b.total);
  const pooledError = 100 * Math.sqrt(pooledShare * (1 - pooledShare) * (1 / a.total + 1 / b.total));
  let intervalError = 100 * Math.sqrt(shareVariance(a) + shareVariance(b));
  let note: string | null = null;
  if (intervalError === 0 && difference !== 0) {
    intervalError = pooledError;
    note =
      "Each group answered all one way (0% vs 100%), so the unpooled standard error is 0; the interval uses the pooled standard error instead.";
  }
  return tested(CSAT_DIFFERENCE_TEST, difference, pooledError, intervalError, 100, sampleSizes, note);
}

/** v = p + d − (p − d)² of one +1/0/−1 response, from exact integer arithmetic. */
function responseVariance(buckets: NpsBuckets): number {
  const n = buckets.promoters + buckets.passives + buckets.detractors;
  const net = buckets.promoters - buckets.detractors;
  return ((buckets.promoters + buckets.detractors) * n - net * net) / (n * n);
}

/** Variance of a group's NPS in points²: 100² v / n. */
function npsMeanVariance(buckets: NpsBuckets): number {
  const n = buckets.promoters + buckets.passives + buckets.detractors;
  return (10_000 * responseVariance(buckets)) / n;
}

/** s(1 − s)/n of a proportion, unitless. */
function shareVariance(counts: CsatCounts): number {
  return (counts.satisfied * (counts.total - counts.satisfied)) / counts.total ** 3;
}

function tested(
  test: string,
  difference: number,
  standardError: number,
  intervalError: number,
  bound: number,
  sampleSizes: { a: number; b: number },
  note: string | null,
): DifferenceTest {
  // SE 0 here means both groups agree exactly (difference 0): nothing to tell apart
  const z = standardError === 0 ? 0 : difference / standardError;
  const pValue = twoSidedPValue(z);
  const significant = pValue < SIGNIFICANCE_LEVEL;
  return {
    test,
    difference,
    standardError,
    z,
    pValue,
    ci95: [Math.max(-bound, difference - Z_95 * intervalError), Math.min(bound, difference + Z_95 * intervalError)],
    significant,
    lowSample: isLowSample(sampleSizes.a) || isLowSample(sampleSizes.b),
    sampleSizes,
    conclusion: significant ? "significant" : "not significant",
    note,
  };
}

function cannotTell(test: string, sampleSizes: { a: number; b: number }): DifferenceTest {
  const empty = [sampleSizes.a === 0 ? "a" : null, sampleSizes.b === 0 ? "b" : null].filter((g) => g !== null);
  const which = empty.length === 2 ? "Neither group has any" : `Group ${empty[0]} has no`;
  return {
    test,
    difference: null,
    standardError: null,
    z: null,
    pValue: null,
    ci95: null,
    significant: false,
    lowSample: true,
    sampleSizes,
    conclusion: "cannot tell",
    note: `${which} responses in this period, so there is nothing to compare.`,
  };
}
