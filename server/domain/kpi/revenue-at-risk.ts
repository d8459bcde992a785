import { type Figure, makeFigure } from "./figure";
import { formatMoneyString, type Money, multiplyMoneyByFraction } from "./money";
import { type ChurnCounts, computeChurnRate } from "./revenue";

export interface RevenueAtRiskInput {
  /** Net trailing-12-month revenue of the customers whose latest NPS category is detractor. */
  detractorRevenue: string;
  /** Churn of latest-category detractors and promoters over the same observation period. */
  detractorChurn: ChurnCounts;
  promoterChurn: ChurnCounts;
}

export interface RevenueAtRisk {
  /** The detractors' trailing-12-month revenue, exact (a total, not an estimate). */
  revenueAtRisk: Money;
  /** max(0, detractor churn rate − promoter churn rate), in percentage points; `null` if either is. */
  churnGapPoints: number | null;
  /** revenueAtRisk × churn gap, to the cent; sampled on the smaller of the two churn bases. */
  churnWeighted: Figure<Money>;
}

/**
 * Revenue at risk = trailing-12-month revenue of customers whose latest NPS category is detractor.
 *
 * Churn-gap-weighted revenue at risk = that revenue × max(0, cD / aD − cP / aP), where cD of the aD
 * detractors and cP of the aP promoters active at the start of the observation period churned in
 * it: the revenue that detractors are expected to take away beyond what promoters would. The gap
 * is computed as the exact fraction (cD·aP − cP·aD) / (aD·aP) and the product rounded once, half
 * away from zero, to the cent. A gap ≤ 0 (detractors churn no more than promoters) gives "0.00";
 * a net-negative revenue (refunds beyond purchases) is kept as is, not clamped.
 * No active detractors or no active promoters → the gap and the weighted figure are `null`; its
 * sample size is min(aD, aP), so it is low-sample when either group has fewer than 30 customers.
 * Throws INVALID_INPUT for a malformed revenue or invalid churn counts.
 */
export function computeRevenueAtRisk(input: RevenueAtRiskInput): RevenueAtRisk {
  const revenueAtRisk = formatMoneyString(input.detractorRevenue);
  const detractorRate = computeChurnRate(input.detractorChurn).value;
  const promoterRate = computeChurnRate(input.promoterChurn).value;
  const { churned: cD, activeAtStart: aD } = input.detractorChurn;
  const { churned: cP, activeAtStart: aP } = input.promoterChurn;
  const sampleSize = Math.min(aD, aP);
  if (detractorRate === null || promoterRate === null) {
    return { revenueAtRisk, churnGapPoints: null, churnWeighted: makeFigure<Money>(null, sampleSize) };
  }
  const gapNumerator = BigInt(cD) * BigInt(aP) - BigInt(cP) * BigInt(aD);
  const weighted =
    gapNumerator <= 0n ? "0.00" : multiplyMoneyByFraction(revenueAtRisk, gapNumerator, BigInt(aD) * BigInt(aP));
  return {
    revenueAtRisk,
    churnGapPoints: Math.max(0, detractorRate - promoterRate),
    churnWeighted: makeFigure(weighted, sampleSize),
  };
}
