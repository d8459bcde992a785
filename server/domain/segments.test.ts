import { describe, expect, it } from "vitest";
import { segmentRevenueWindowStart } from "./segments";

describe("segmentRevenueWindowStart", () => {
  it("is the same instant 12 calendar months earlier", () => {
    expect(segmentRevenueWindowStart(new Date("2024-06-15T10:00:00Z"))).toEqual(new Date("2023-06-15T10:00:00Z"));
  });
});
