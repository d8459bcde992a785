import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import {
  assertAtMost,
  assertCount,
  isLowSample,
  LOW_SAMPLE_THRESHOLD,
  makeFigure,
  percentFigure,
  percentOf,
} from "./figure";

describe("isLowSample", () => {
  it.each([
    [0, true],
    [1, true],
    [29, true],
    [30, false],
    [10_000, false],
  ])("n = %i → %s", (n, expected) => {
    expect(isLowSample(n)).toBe(expected);
  });

  it("uses the documented threshold", () => {
    expect(LOW_SAMPLE_THRESHOLD).toBe(30);
  });
});

describe("makeFigure", () => {
  it.each([
    [12.5, 0, { value: null, sampleSize: 0, lowSample: true }],
    [12.5, 29, { value: 12.5, sampleSize: 29, lowSample: true }],
    [0, 30, { value: 0, sampleSize: 30, lowSample: false }],
    [null, 40, { value: null, sampleSize: 40, lowSample: false }],
  ] as const)("value %s, n = %i", (value, n, expected) => {
    expect(makeFigure(value, n)).toEqual(expected);
  });
});

describe("percentOf and percentFigure", () => {
  it.each([
    [0, 0, null],
    [0, 4, 0],
    [1, 4, 25],
    [4, 4, 100],
  ])("%i / %i → %s", (part, whole, expected) => {
    expect(percentOf(part, whole)).toBe(expected);
    expect(percentFigure(part, whole, { part: "a", whole: "b" }).value).toBe(expected);
  });

  it("rejects a part larger than its whole, naming both", () => {
    expect(() => percentFigure(5, 4, { part: "churned", whole: "activeAtStart" })).toThrow(
      "churned (5) cannot exceed activeAtStart (4).",
    );
  });
});

describe("assertCount", () => {
  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "3" as unknown as number])("rejects %s", (value) => {
    expect(() => assertCount("orders", value)).toThrow(AppError);
    expect(() => assertCount("orders", value)).toThrow(/orders must be a whole number ≥ 0/);
  });

  it.each([0, 1, 1_000_000])("accepts %i", (value) => {
    expect(() => assertCount("orders", value)).not.toThrow();
  });

  it("throws INVALID_INPUT", () => {
    try {
      assertAtMost("a", 2, "b", 1);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("INVALID_INPUT");
    }
  });
});
