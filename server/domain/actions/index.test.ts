import { describe, expect, it } from "vitest";
import { ACTION_STATUSES } from "../enums";
import { isActionOverdue, utcDate } from "./index";

const TODAY = "2024-06-15";

describe("isActionOverdue", () => {
  it.each(ACTION_STATUSES)("status %s: late only while open", (status) => {
    const open = !["done", "verified", "dropped"].includes(status);
    expect(isActionOverdue({ dueDate: "2024-06-14", status }, TODAY)).toBe(open);
    expect(isActionOverdue({ dueDate: TODAY, status }, TODAY)).toBe(false);
    expect(isActionOverdue({ dueDate: "2024-06-16", status }, TODAY)).toBe(false);
    expect(isActionOverdue({ dueDate: null, status }, TODAY)).toBe(false);
  });

  it("compares across months and years", () => {
    expect(isActionOverdue({ dueDate: "2023-12-31", status: "planned" }, "2024-01-01")).toBe(true);
  });
});

describe("utcDate", () => {
  it("is the UTC calendar day", () => {
    expect(utcDate(new Date("2024-06-15T23:59:59.999Z"))).toBe("2024-06-15");
    expect(utcDate(new Date("2024-06-16T00:00:00+02:00"))).toBe("2024-06-15");
  });
});
