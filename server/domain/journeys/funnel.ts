import { AppError } from "../../errors";
import { assertCount, percentOf } from "../kpi/figure";

/**
 * How a customer seen at some stages is counted at the others:
 * - "cumulative" (default): a customer reached every stage up to the furthest one they were seen at
 *   (by feedback or an order tagged with it). Someone who reviewed their delivery went through
 *   purchase even if they never said so. The funnel only narrows: drops are ≥ 0.
 * - "observed": a customer reached exactly the stages they were seen at. Closer to the data, but
 *   silent stages look empty, so a later stage can have more customers than an earlier one (a
 *   negative drop: more customers seen there than at the stage before).
 */
export type FunnelMode = "cumulative" | "observed";

/**
 * Customer counts per stage, in journey order. What `customers` means depends on the mode:
 * - cumulative: the customers whose furthest stage (latest in journey order) is this one, e.g.
 *   `select furthest, count(*) from (select customer_id, max(position) as furthest …) group by furthest`;
 * - observed: the distinct customers seen at this stage, `count(distinct customer_id) … group by stage`.
 * {@link funnelCountsFromCustomers} builds either from each customer's stages.
 */
export interface FunnelCount {
  stageId: number;
  customers: number;
}

export interface FunnelStep {
  stageId: number;
  /** Customers who reached this stage. */
  reached: number;
  /** reached(previous stage) − reached(this one); `null` for the first stage. Negative only in observed mode. */
  dropCount: number | null;
  /** 100 × dropCount / reached(previous); `null` for the first stage or when the previous stage has none. */
  dropPercent: number | null;
  /** 100 × reached / reached(first stage); `null` when the first stage has none. Over 100 only in observed mode. */
  conversionPercent: number | null;
}

/**
 * The funnel over stages in journey order (see {@link FunnelMode} and {@link FunnelCount}):
 *   reached_i = Σ_{j ≥ i} customers_j (cumulative) or customers_i (observed);
 *   drop_i = reached_{i−1} − reached_i, dropPercent_i = 100 drop_i / reached_{i−1};
 *   conversion_i = 100 reached_i / reached_0.
 * No stages → []. Throws INVALID_INPUT for a count that is not a whole number ≥ 0 or a stage listed twice.
 */
export function computeFunnel(counts: readonly FunnelCount[], mode: FunnelMode = "cumulative"): FunnelStep[] {
  const seen = new Set<number>();
  for (const { stageId, customers } of counts) {
    assertCount(`Customers at stage ${stageId}`, customers);
    if (seen.has(stageId)) throw new AppError("INVALID_INPUT", `Stage ${stageId} appears twice in the funnel.`);
    seen.add(stageId);
  }
  const reached = counts.map((count) => count.customers);
  if (mode === "cumulative") {
    for (let i = reached.length - 2; i >= 0; i--) reached[i] = (reached[i] ?? 0) + (reached[i + 1] ?? 0);
  }
  const first = reached[0] ?? 0;
  return counts.map(({ stageId }, i) => {
    const here = reached[i] ?? 0;
    const previous = i === 0 ? null : (reached[i - 1] ?? 0);
    const dropCount = previous === null ? null : previous - here;
    return {
      stageId,
      reached: here,
      dropCount,
      dropPercent: previous === null || dropCount === null ? null : percentOf(dropCount, previous),
      conversionPercent: percentOf(here, first),
    };
  });
}

/**
 * The counts {@link computeFunnel} expects, from each customer's stages (any order, repeats allowed;
 * stages not in `stageIds`, such as archived ones, are ignored). A customer with no stage in the
 * journey is not counted. Meant for tests and small data; at scale the SQL in {@link FunnelCount} does it.
 */
export function funnelCountsFromCustomers(
  stageIds: readonly number[],
  customers: Iterable<Iterable<number>>,
  mode: FunnelMode = "cumulative",
): FunnelCount[] {
  const index = new Map(stageIds.map((id, i) => [id, i]));
  const counts = stageIds.map(() => 0);
  for (const stages of customers) {
    const indexes = new Set<number>();
    for (const stageId of stages) {
      const i = index.get(stageId);
      if (i !== undefined) indexes.add(i);
    }
    if (indexes.size === 0) continue;
    if (mode === "cumulative") {
      const furthest = Math.max(...indexes);
      counts[furthest] = (counts[furthest] ?? 0) + 1;
    } else {
      for (const i of indexes) counts[i] = (counts[i] ?? 0) + 1;
    }
  }
  return stageIds.map((stageId, i) => ({ stageId, customers: counts[i] ?? 0 }));
}

/** One row of `… group by segment_id, stage` (the per-mode meaning of {@link FunnelCount}). */
export interface SegmentFunnelCount extends FunnelCount {
  /** `null` for customers without a segment (and anonymous feedback, if the query keeps it). */
  segmentId: number | null;
}

export interface SegmentFunnels {
  /** All segments together: counts summed per stage (each customer is in one segment, so nobody counts twice). */
  overall: FunnelStep[];
  /** One funnel per segment present in the rows, by segment id, "no segment" last. */
  segments: { segmentId: number | null; steps: FunnelStep[] }[];
}

/**
 * The funnel per segment and overall. `stageIds` is the journey order; a stage without a row counts
 * 0. Throws INVALID_INPUT for a row whose stage is not in `stageIds` (an archived stage should be
 * filtered out by the query, or the caller should know it is there) or an invalid count.
 */
export function computeFunnelBySegment(
  stageIds: readonly number[],
  rows: readonly SegmentFunnelCount[],
  mode: FunnelMode = "cumulative",
): SegmentFunnels {
  const index = new Map(stageIds.map((id, i) => [id, i]));
  const bySegment = new Map<number | null, number[]>();
  const total = stageIds.map(() => 0);
  for (const row of rows) {
    const i = index.get(row.stageId);
    if (i === undefined) {
      throw new AppError(
        "INVALID_INPUT",
        `Stage ${row.stageId} is not in the journey; leave archived stages out of the funnel.`,
      );
    }
    assertCount(`Customers at stage ${row.stageId}`, row.customers);
    const counts = bySegment.get(row.segmentId) ?? stageIds.map(() => 0);
    counts[i] = (counts[i] ?? 0) + row.customers;
    bySegment.set(row.segmentId, counts);
    total[i] = (total[i] ?? 0) + row.customers;
  }
  const withStages = (counts: number[]) => stageIds.map((stageId, i) => ({ stageId, customers: counts[i] ?? 0 }));
  const segments = [...bySegment.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b))
    .map(([segmentId, counts]) => ({ segmentId, steps: computeFunnel(withStages(counts), mode) }));
  return { overall: computeFunnel(withStages(total), mode), segments };
}
