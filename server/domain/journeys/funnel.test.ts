import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeFunnel, computeFunnelBySegment, type FunnelMode, funnelCountsFromCustomers } from "./funnel";

const counts = (...customers: number[]) => customers.map((n, i) => ({ stageId: (i + 1) * 10, customers: n }));

describe("computeFunnel", () => {
  it("cumulative: furthest-stage counts 20, 30, 50 reach 100, 80, 50", () => {
    expect(computeFunnel(counts(20, 30, 50))).toEqual([
      { stageId: 10, reached: 100, dropCount: null, dropPercent: null, conversionPercent: 100 },
      { stageId: 20, reached: 80, dropCount: 20, dropPercent: 20, conversionPercent: 80 },
      { stageId: 30, reached: 50, dropCount: 30, dropPercent: 37.5, conversionPercent: 50 },
    ]);
  });

  it("observed: counts as given; a later stage with more customers is a negative drop", () => {
    expect(computeFunnel(counts(100, 40, 60), "observed")).toEqual([
      { stageId: 10, reached: 100, dropCount: null, dropPercent: null, conversionPercent: 100 },
      { stageId: 20, reached: 40, dropCount: 60, dropPercent: 60, conversionPercent: 40 },
      { stageId: 30, reached: 60, dropCount: -20, dropPercent: -50, conversionPercent: 60 },
    ]);
  });

  it("empty stages: no percentages where the base is 0", () => {
    expect(computeFunnel(counts(0, 0, 5), "observed")).toEqual([
      { stageId: 10, reached: 0, dropCount: null, dropPercent: null, conversionPercent: null },
      { stageId: 20, reached: 0, dropCount: 0, dropPercent: null, conversionPercent: null },
      { stageId: 30, reached: 5, dropCount: -5, dropPercent: null, conversionPercent: null },
    ]);
    expect(computeFunnel([])).toEqual([]);
  });

  it.each([
    ["a negative count", counts(5, -1), /whole number/],
    ["a fractional count", counts(5, 1.5), /whole number/],
    ["a stage twice", [...counts(5), ...counts(3)], /Stage 10 appears twice/],
  ])("rejects %s", (_name, input, message) => {
    expect(() => computeFunnel(input)).toThrow(message);
  });
});

describe("funnelCountsFromCustomers", () => {
  const journey = [1, 2, 3, 4];
  const customers = [[1], [1, 2], [3], [2, 4, 4], [9], []];

  it("cumulative: one count per customer at their furthest stage; unknown stages ignored", () => {
    expect(funnelCountsFromCustomers(journey, customers).map((c) => c.customers)).toEqual([1, 1, 1, 1]);
    expect(computeFunnel(funnelCountsFromCustomers(journey, customers)).map((s) => s.reached)).toEqual([4, 3, 2, 1]);
  });

  it("observed: one count per stage a customer was seen at", () => {
    expect(funnelCountsFromCustomers(journey, customers, "observed").map((c) => c.customers)).toEqual([2, 2, 1, 1]);
  });

  const customersArb = fc.array(fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 5 }), { maxLength: 60 });
  const modeArb = fc.constantFrom<FunnelMode>("cumulative", "observed");

  it("reached matches the definition customer by customer", () => {
    fc.assert(
      fc.property(customersArb, modeArb, (raw, mode) => {
        const steps = computeFunnel(funnelCountsFromCustomers(journey, raw, mode), mode);
        journey.forEach((stageId, i) => {
          const expected = raw.filter((stages) =>
            mode === "observed"
              ? stages.includes(stageId)
              : stages.some((s) => journey.includes(s) && journey.indexOf(s) >= i),
          ).length;
          expect(steps[i]?.reached).toBe(expected);
        });
      }),
    );
  });

  it("cumulative never widens and reaches at least what is observed", () => {
    fc.assert(
      fc.property(customersArb, (raw) => {
        const cumulative = computeFunnel(funnelCountsFromCustomers(journey, raw));
        const observed = computeFunnel(funnelCountsFromCustomers(journey, raw, "observed"), "observed");
        cumulative.forEach((step, i) => {
          if (i > 0) expect(step.dropCount).toBeGreaterThanOrEqual(0);
          expect(step.reached).toBeGreaterThanOrEqual(observed[i]?.reached ?? 0);
          if (step.conversionPercent !== null) expect(step.conversionPercent).toBeLessThanOrEqual(100);
        });
      }),
    );
  });
});

describe("computeFunnelBySegment", () => {
  it("one funnel per segment, no segment last, and the overall sum", () => {
    const result = computeFunnelBySegment(
      [1, 2],
      [
        { segmentId: null, stageId: 1, customers: 4 },
        { segmentId: 7, stageId: 2, customers: 10 },
        { segmentId: 3, stageId: 1, customers: 5 },
        { segmentId: 3, stageId: 2, customers: 5 },
      ],
    );
    expect(result.segments.map((s) => [s.segmentId, s.steps.map((step) => step.reached)])).toEqual([
      [3, [10, 5]],
      [7, [10, 10]],
      [null, [4, 0]],
    ]);
    expect(result.overall.map((step) => step.reached)).toEqual([24, 15]);
    expect(result.overall[1]?.dropPercent).toBeCloseTo(37.5, 12);
  });

  it("adds up repeated rows of a segment and stage", () => {
    const result = computeFunnelBySegment(
      [1, 2],
      [
        { segmentId: 1, stageId: 1, customers: 2 },
        { segmentId: 1, stageId: 1, customers: 3 },
      ],
      "observed",
    );
    expect(result.segments[0]?.steps.map((s) => s.reached)).toEqual([5, 0]);
  });

  it("rejects a stage outside the journey", () => {
    expect(() => computeFunnelBySegment([1, 2], [{ segmentId: 1, stageId: 3, customers: 1 }])).toThrow(
      /Stage 3 is not in the journey/,
    );
  });

  it("the overall funnel is the funnel of all segments' customers together", () => {
    const rowArb = fc.record({
      segmentId: fc.option(fc.integer({ min: 1, max: 4 })),
      stageId: fc.integer({ min: 1, max: 3 }),
      customers: fc.nat(50),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 20 }), (rows) => {
        const result = computeFunnelBySegment([1, 2, 3], rows);
        result.overall.forEach((step, i) => {
          const sum = result.segments.reduce((s, segment) => s + (segment.steps[i]?.reached ?? 0), 0);
          expect(step.reached).toBe(sum);
        });
      }),
    );
  });
});
