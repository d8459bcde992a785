import { describe, expect, it } from "vitest";
import { MAX_JOURNEY_NAME, STAGE_METRICS } from "@/server/domain/journeys/inputs";
import { changedFields, MAX_NAME, nameProblem, STAGE_METRIC_CHOICES } from "./journey-names";

describe("journey names", () => {
  it("mirrors the server's limits", () => {
    expect(MAX_NAME).toBe(MAX_JOURNEY_NAME);
    expect([...STAGE_METRIC_CHOICES]).toEqual(STAGE_METRICS);
  });
  it("checks a name as the server trims it", () => {
    expect(nameProblem("")).toBe("required");
    expect(nameProblem("   ")).toBe("required");
    expect(nameProblem(" Delivery ")).toBeNull();
    expect(nameProblem("x".repeat(80))).toBeNull();
    expect(nameProblem(` ${"x".repeat(80)} `)).toBeNull();
    expect(nameProblem("x".repeat(81))).toBe("tooLong");
  });
  it("sends only the fields that changed", () => {
    const before = { name: "Delivery", mainMetric: "csat" };
    expect(changedFields(before, { name: " Delivery ", mainMetric: "csat" })).toEqual({});
    expect(changedFields(before, { name: "Shipping ", mainMetric: "csat" })).toEqual({ name: "Shipping" });
    expect(changedFields(before, { name: "Delivery", mainMetric: "ces" })).toEqual({ mainMetric: "ces" });
  });
});
