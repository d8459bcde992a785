import { describe, expect, it } from "vitest";
import { createTargetInput, removeTargetInput, updateTargetInput } from "./inputs";

const valid = {
  kpi: "nps",
  scope: "all",
  targetValue: "35",
  periodStart: "2025-01-01",
  periodEnd: "2025-12-31",
  reviewDate: "2025-04-01",
} as const;

/** The field and message of each issue, for table-driven expectations. */
function problems(input: unknown): Array<[string, string]> {
  const result = createTargetInput.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
}

describe("createTargetInput", () => {
  it("stores unused scope columns as null and the value like numeric(14, 2)", () => {
    expect(createTargetInput.parse({ ...valid, targetValue: " 35.5 " })).toEqual({
      ...valid,
      targetValue: "35.50",
      segmentId: null,
      stageId: null,
      channel: null,
    });
  });

  it.each([
    ["segment", { segmentId: 4 }],
    ["stage", { stageId: 9 }],
    ["channel", { channel: "app" }],
  ] as const)("accepts a %s target that names its %s", (scope, ids) => {
    expect(createTargetInput.parse({ ...valid, scope, ...ids })).toMatchObject({ scope, ...ids });
  });

  it.each([
    ["segment", {}, "segmentId", "Choose the segment this target is for."],
    ["stage", { stageId: null }, "stageId", "Choose the journey stage this target is for."],
    ["channel", {}, "channel", "Choose the channel this target is for."],
    ["all", { segmentId: 4 }, "segmentId", 'A target for all customers names no segment, stage or channel; remove segmentId, or set scope to "segment".'],
    ["segment", { segmentId: 4, stageId: 9 }, "stageId", 'A segment target names only its segment (segmentId); remove stageId, or set scope to "stage".'],
    ["stage", { stageId: 9, channel: "web" }, "channel", 'A stage target names only its stage (stageId); remove channel, or set scope to "channel".'],
  ] as const)("scope %s with %j: %s says %s", (scope, ids, field, message) => {
    expect(problems({ ...valid, scope, ...ids })).toEqual([[field, message]]);
  });

  it("rejects a value outside the KPI's range on the value field", () => {
    expect(problems({ ...valid, kpi: "ces", targetValue: "8" })).toEqual([
      ["targetValue", "A CES target is a mean score from 1 to 7; 8 is outside that range. Enter a value such as 5.5."],
    ]);
  });

  it("rejects a value that is not a string: money stays exact", () => {
    expect(problems({ ...valid, targetValue: 35 })).toEqual([["targetValue", "Enter the target value, e.g. 35."]]);
  });

  it.each([
    ["a period that ends before it starts", { periodEnd: "2024-12-31" }, "periodEnd", "The period ends (2024-12-31) before it starts (2025-01-01); swap the dates."],
    ["a review on the first day", { reviewDate: "2025-01-01" }, "reviewDate", "Set the review date after the period starts (2025-01-01); progress is reviewed from the start on."],
    ["a review before the start", { reviewDate: "2024-11-01" }, "reviewDate", "Set the review date after the period starts (2025-01-01); progress is reviewed from the start on."],
    ["an impossible date", { periodEnd: "2025-02-29" }, "periodEnd", "Enter the end of the period as a real calendar date, YYYY-MM-DD (e.g. 2025-01-31)."],
    ["a date in another format", { reviewDate: "01/04/2025" }, "reviewDate", "Enter the review date as a real calendar date, YYYY-MM-DD (e.g. 2025-01-31)."],
  ] as const)("rejects %s", (_name, change, field, message) => {
    expect(problems({ ...valid, ...change })).toEqual([[field, message]]);
  });

  it.each([
    ["a one-day period", { periodStart: "2025-03-01", periodEnd: "2025-03-01", reviewDate: "2025-03-02" }],
    ["a review after the period ends", { reviewDate: "2026-01-15" }],
    ["a review on the last day", { reviewDate: "2025-12-31" }],
  ])("accepts %s", (_name, change) => {
    expect(problems({ ...valid, ...change })).toEqual([]);
  });

  it("reports only the field's own message when a date is not a date", () => {
    expect(problems({ ...valid, periodStart: "soon" })).toEqual([
      ["periodStart", "Enter the start of the period as a real calendar date, YYYY-MM-DD (e.g. 2025-01-31)."],
    ]);
  });

  it("names the choices for an unknown KPI or scope", () => {
    expect(problems({ ...valid, kpi: "mood", scope: "region" })).toEqual([
      ["kpi", "Choose a KPI: nps, csat, ces, revenue, churn, revenue_at_risk."],
      ["scope", "Choose what the target covers: all, segment, stage, channel."],
    ]);
  });
});

describe("updateTargetInput and removeTargetInput", () => {
  it("need the target's id and apply the same rules", () => {
    expect(updateTargetInput.parse({ id: 7, ...valid })).toMatchObject({ id: 7, targetValue: "35.00" });
    expect(updateTargetInput.safeParse({ ...valid }).success).toBe(false);
    expect(updateTargetInput.safeParse({ id: 7, ...valid, kpi: "churn", targetValue: "120" }).success).toBe(false);
    expect(removeTargetInput.safeParse({ id: 0 }).error?.issues[0]?.message).toBe(
      "A target id is a whole number from 1 to 2147483647.",
    );
  });
});
