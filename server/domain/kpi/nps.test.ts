import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countScores } from "./score-counts";
import { computeNps, npsBucketsFromScoreCounts, npsCategory, type NpsBuckets, npsResponses } from "./nps";

const buckets = (promoters: number, passives: number, detractors: number): NpsBuckets => ({
  promoters,
  passives,
  detractors,
});

describe("npsCategory", () => {
  it.each([
    [0, "detractor"],
    [6, "detractor"],
    [7, "passive"],
    [8, "passive"],
    [9, "promoter"],
    [10, "promoter"],
  ] as const)("%i → %s", (score, category) => {
    expect(npsCategory(score)).toBe(category);
  });

  it.each([-1, 11, 7.5, Number.NaN])("rejects %s", (score) => {
    expect(() => npsCategory(score)).toThrow(/NPS scores are whole numbers 0–10/);
  });
});

describe("npsBucketsFromScoreCounts", () => {
  it("buckets an 11-element array indexed by score", () => {
    expect(npsBucketsFromScoreCounts([1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 3])).toEqual(buckets(6, 4, 7));
  });

  it("buckets a sparse record", () => {
    expect(npsBucketsFromScoreCounts({ 10: 5, 0: 1 })).toEqual(buckets(5, 0, 1));
    expect(npsBucketsFromScoreCounts({})).toEqual(buckets(0, 0, 0));
  });

  it("agrees with npsCategory score by score", () => {
    for (let score = 0; score <= 10; score++) {
      const single = npsBucketsFromScoreCounts({ [score]: 1 });
      expect(single[`${npsCategory(score)}s`]).toBe(1);
      expect(npsResponses(single)).toBe(1);
    }
  });
});

describe("computeNps", () => {
  it.each([
    ["no responses", buckets(0, 0, 0), null, null],
    ["all promoters", buckets(12, 0, 0), 100, 0],
    ["all detractors", buckets(0, 0, 12), -100, 0],
    ["all passives", buckets(0, 12, 0), 0, 0],
    ["half promoters, half detractors", buckets(50, 0, 50), 0, 19.6],
    ["one of each", buckets(1, 1, 1), 0, 196 * Math.sqrt(2 / 3 / 3)],
    ["40 / 40 / 20", buckets(40, 40, 20), 20, 196 * Math.sqrt((0.6 - 0.04) / 100)],
  ])("%s → NPS %s, MoE %s", (_name, input, nps, moe) => {
    const figure = computeNps(input);
    expect(figure.value).toBe(nps);
    if (moe === null) expect(figure.marginOfError).toBeNull();
    else expect(figure.marginOfError).toBeCloseTo(moe, 10);
  });

  it("returns null shares without responses, and counts and shares otherwise", () => {
    expect(computeNps(buckets(0, 0, 0))).toEqual({
      value: null,
      sampleSize: 0,
      lowSample: true,
      promoters: 0,
      passives: 0,
      detractors: 0,
      marginOfError: null,
      promoterPercent: null,
      passivePercent: null,
      detractorPercent: null,
    });
    expect(computeNps(buckets(2, 1, 1))).toMatchObject({
      promoters: 2,
      passives: 1,
      detractors: 1,
      promoterPercent: 50,
      passivePercent: 25,
      detractorPercent: 25,
    });
  });

  it.each([
    [29, true],
    [30, false],
  ])("n = %i → lowSample %s", (n, lowSample) => {
    const figure = computeNps(buckets(n - 1, 1, 0));
    expect(figure.sampleSize).toBe(n);
    expect(figure.lowSample).toBe(lowSample);
  });

  it.each([buckets(-1, 0, 0), buckets(1.5, 0, 0), buckets(0, Number.NaN, 0)])("rejects %j", (input) => {
    expect(() => computeNps(input)).toThrow(/must be a whole number ≥ 0/);
  });
});

describe("computeNps properties", () => {
  const count = fc.nat({ max: 100_000 });
  const anyBuckets = fc.record({ promoters: count, passives: count, detractors: count });

  it("stays within −100…100, with a margin of error ≥ 0", () => {
    fc.assert(
      fc.property(anyBuckets, (input) => {
        const { value, marginOfError } = computeNps(input);
        if (npsResponses(input) === 0) return value === null && marginOfError === null;
        return value !== null && value >= -100 && value <= 100 && marginOfError !== null && marginOfError >= 0;
      }),
    );
  });

  it("never falls when a promoter is added, never rises when a detractor is added", () => {
    fc.assert(
      fc.property(
        anyBuckets.filter((input) => npsResponses(input) > 0),
        (input) => {
          const before = computeNps(input).value ?? Number.NaN;
          const withPromoter = computeNps({ ...input, promoters: input.promoters + 1 }).value ?? Number.NaN;
          const withDetractor = computeNps({ ...input, detractors: input.detractors + 1 }).value ?? Number.NaN;
          expect(withPromoter).toBeGreaterThanOrEqual(before);
          expect(withDetractor).toBeLessThanOrEqual(before);
        },
      ),
    );
  });

  it("does not depend on the order of the responses", () => {
    const scores = fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 200 });
    const withShuffle = scores.chain((list) =>
      fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
    );
    fc.assert(
      fc.property(withShuffle, ([list, shuffled]) => {
        const figure = computeNps(npsBucketsFromScoreCounts(countScores(list)));
        expect(computeNps(npsBucketsFromScoreCounts(countScores(shuffled)))).toEqual(figure);
        // oracle: categorise each answer one by one
        const tally = buckets(0, 0, 0);
        for (const score of shuffled) tally[`${npsCategory(score)}s`]++;
        expect(computeNps(tally)).toEqual(figure);
      }),
    );
  });

  it("halves its margin of error (so never widens) with 4× the responses at the same shares", () => {
    fc.assert(
      fc.property(
        anyBuckets.filter((input) => npsResponses(input) > 0),
        (input) => {
          const moe = computeNps(input).marginOfError ?? Number.NaN;
          const scaled = computeNps({
            promoters: 4 * input.promoters,
            passives: 4 * input.passives,
            detractors: 4 * input.detractors,
          });
          expect(scaled.value).toBeCloseTo(computeNps(input).value ?? Number.NaN, 9);
          expect(scaled.marginOfError).toBeLessThanOrEqual(moe);
          expect(scaled.marginOfError).toBeCloseTo(moe / 2, 9);
        },
      ),
    );
  });
});
