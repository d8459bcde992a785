import { describe, expect, it } from "vitest";
import { createTargetInput } from "./inputs";
import { isReviewDue, periodsOverlap, suggestTargetDates } from "./review";

describe("isReviewDue", () => {
  const today = "2025-06-15";
  it.each([
    ["2025-06-14", true],
    ["2025-06-15", true],
    ["2025-06-16", false],
    ["2024-12-31", true],
    ["2026-01-01", false],
  ])("review on %s is due on %s: %s", (reviewDate, due) => {
    expect(isReviewDue({ reviewDate }, today)).toBe(due);
  });
});

describe("periodsOverlap", () => {
  const h1 = { periodStart: "2025-01-01", periodEnd: "2025-06-30" };
  it.each([
    ["the same period", h1, true],
    ["one inside the other", { periodStart: "2025-03-01", periodEnd: "2025-03-31" }, true],
    ["one around the other", { periodStart: "2024-01-01", periodEnd: "2026-12-31" }, true],
    ["a shared last day", { periodStart: "2025-06-30", periodEnd: "2025-12-31" }, true],
    ["a shared first day", { periodStart: "2024-07-01", periodEnd: "2025-01-01" }, true],
    ["the next day on", { periodStart: "2025-07-01", periodEnd: "2025-12-31" }, false],
    ["up to the day before", { periodStart: "2024-07-01", periodEnd: "2024-12-31" }, false],
    ["a one-day period inside", { periodStart: "2025-02-10", periodEnd: "2025-02-10" }, true],
  ])("%s: %s", (_name, other, overlap) => {
    expect(periodsOverlap(h1, other)).toBe(overlap);
    expect(periodsOverlap(other, h1)).toBe(overlap);
  });
});

describe("suggestTargetDates", () => {
  it.each([
    ["2025-06-15", { periodStart: "2025-01-01", periodEnd: "2025-12-31", reviewDate: "2025-09-01" }],
    ["2025-01-01", { periodStart: "2025-01-01", periodEnd: "2025-12-31", reviewDate: "2025-04-01" }],
    ["2025-10-31", { periodStart: "2025-01-01", periodEnd: "2025-12-31", reviewDate: "2026-01-01" }],
    ["2024-12-31", { periodStart: "2024-01-01", periodEnd: "2024-12-31", reviewDate: "2025-03-01" }],
  ])("from %s suggests %j, which the input accepts", (today, dates) => {
    expect(suggestTargetDates(today)).toEqual(dates);
    expect(createTargetInput.safeParse({ kpi: "nps", scope: "all", targetValue: "30", ...dates }).success).toBe(true);
  });
});
