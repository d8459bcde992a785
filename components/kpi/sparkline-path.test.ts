import { describe, expect, it } from "vitest";
import { sparklineEnd, sparklinePath } from "./sparkline-path";

const months = (values: (number | null)[]) =>
  values.map((value, i) => ({ month: `2026-${String(i + 1).padStart(2, "0")}`, value }));

describe("sparklinePath", () => {
  it("spreads the months over the width and the values over the height", () => {
    expect(sparklinePath(months([0, 5, 10]), 104, 24, 2)).toBe("M2 22L52 12L102 2");
  });

  it("breaks the line at a month without data", () => {
    expect(sparklinePath(months([10, null, 0, 10]), 32, 12, 2)).toBe("M2 2M20.67 10L30 2");
  });

  it("draws a flat series through the middle", () => {
    expect(sparklinePath(months([3, 3]), 20, 10, 0)).toBe("M0 5L20 5");
  });

  it("draws nothing without data, and a single point in the middle", () => {
    expect(sparklinePath(months([null, null]), 100, 20)).toBe("");
    expect(sparklinePath(months([]), 100, 20)).toBe("");
    expect(sparklinePath(months([7]), 100, 20)).toBe("M50 10");
  });

  it("handles negative NPS the same way", () => {
    expect(sparklinePath(months([-20, 0, 20]), 12, 12, 1)).toBe("M1 11L6 6L11 1");
  });

  it("finds the last point", () => {
    expect(sparklineEnd(months([0, 5, 10]), 104, 24, 2)).toEqual({ x: 102, y: 2 });
    expect(sparklineEnd(months([null]), 104, 24)).toBeNull();
  });
});
