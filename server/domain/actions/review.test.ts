import { describe, expect, it } from "vitest";
import { ACTION_STATUSES } from "../enums";
import { addMonths, defaultActionReviewDate, isActionUpForReview, reviewDue } from "./review";

describe("addMonths", () => {
  it.each([
    ["2025-01-15", 3, "2025-04-15"],
    ["2024-11-30", 3, "2025-02-28"],
    ["2023-11-30", 3, "2024-02-29"],
    ["2024-05-31", 3, "2024-08-31"],
    ["2024-03-31", 1, "2024-04-30"],
    ["2024-10-01", 3, "2025-01-01"],
    ["2024-12-31", 12, "2025-12-31"],
    ["2024-02-29", 12, "2025-02-28"],
  ])("%s + %i months = %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe("defaultActionReviewDate", () => {
  it("is three months after creation", () => {
    expect(defaultActionReviewDate("2025-06-10")).toBe("2025-09-10");
    expect(defaultActionReviewDate("2025-11-30")).toBe("2026-02-28");
  });
});

describe("reviewDue", () => {
  it.each([
    ["2025-06-14", true],
    ["2025-06-15", true],
    ["2025-06-16", false],
    ["2024-12-31", true],
    [null, false],
  ] as const)("review date %s on 2025-06-15: %s", (reviewDate, due) => {
    expect(reviewDue(reviewDate, "2025-06-15")).toBe(due);
  });
});

describe("isActionUpForReview", () => {
  it.each(ACTION_STATUSES)("status %s: listed when due, unless final", (status) => {
    const final = status === "verified" || status === "dropped";
    expect(isActionUpForReview({ reviewDate: "2025-06-01", status }, "2025-06-15")).toBe(!final);
    expect(isActionUpForReview({ reviewDate: "2025-07-01", status }, "2025-06-15")).toBe(false);
    expect(isActionUpForReview({ reviewDate: null, status }, "2025-06-15")).toBe(false);
  });
});
