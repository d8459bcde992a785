import { describe, expect, it } from "vitest";
import { PRIORITIES } from "@/server/domain/enums";
import { DEFAULT_SLA_POLICY } from "@/server/domain/triage/sla";
import {
  changedSlaRows,
  checkSlaDraft,
  MAX_SLA_HOURS,
  parseSlaHours,
  slaDays,
  type SlaDraft,
  slaDraftOf,
  type SlaPolicyRow,
} from "./sla-draft";

const policy: SlaPolicyRow[] = PRIORITIES.map((priority) => ({
  priority,
  ...DEFAULT_SLA_POLICY[priority],
  isDefault: true,
  defaults: DEFAULT_SLA_POLICY[priority],
}));

describe("parseSlaHours", () => {
  it.each([
    ["1", 1],
    [" 24 ", 24],
    ["+8", 8],
    ["72.0", 72],
    [String(MAX_SLA_HOURS), MAX_SLA_HOURS],
  ])("reads %j as %d hours", (text, hours) => {
    expect(parseSlaHours(text)).toEqual({ hours });
  });

  it.each([
    ["", "required"],
    ["   ", "required"],
    ["1.5", "whole"],
    ["two", "whole"],
    ["1e3", "whole"],
    ["0", "min"],
    ["-4", "min"],
    [String(MAX_SLA_HOURS + 1), "max"],
  ])("rejects %j: %s", (text, problem) => {
    expect(parseSlaHours(text)).toEqual({ problem });
  });
});

describe("checkSlaDraft", () => {
  it("turns the policy in force back into the same rows, with no problems", () => {
    const { rows, problems } = checkSlaDraft(slaDraftOf(policy), PRIORITIES);
    expect(problems).toEqual({});
    expect(rows).toEqual(
      policy.map(({ priority, firstResponseHours, resolutionHours }) => ({
        priority,
        firstResponseHours,
        resolutionHours,
      })),
    );
  });

  it("reports each field's problem and leaves that priority out", () => {
    const draft: SlaDraft = {
      ...slaDraftOf(policy),
      urgent: { firstResponseHours: "", resolutionHours: "8" },
      high: { firstResponseHours: "6", resolutionHours: "5" },
      low: { firstResponseHours: "0.5", resolutionHours: "9000" },
    };
    const { rows, problems } = checkSlaDraft(draft, PRIORITIES);
    expect(problems).toEqual({
      urgent: { firstResponseHours: "required" },
      high: { resolutionHours: "beforeFirstResponse" },
      low: { firstResponseHours: "whole", resolutionHours: "max" },
    });
    expect(rows.map((row) => row.priority)).toEqual(["normal"]);
  });

  it("accepts resolution equal to first response", () => {
    const draft = { ...slaDraftOf(policy), high: { firstResponseHours: "12", resolutionHours: "12" } };
    expect(checkSlaDraft(draft, ["high"])).toEqual({
      rows: [{ priority: "high", firstResponseHours: 12, resolutionHours: 12 }],
      problems: {},
    });
  });
});

describe("changedSlaRows", () => {
  it("keeps only the priorities whose targets differ from the policy in force", () => {
    const draft = { ...slaDraftOf(policy), high: { firstResponseHours: "2", resolutionHours: "24" } };
    const { rows } = checkSlaDraft(draft, PRIORITIES);
    expect(changedSlaRows(rows, policy)).toEqual([{ priority: "high", firstResponseHours: 2, resolutionHours: 24 }]);
    expect(changedSlaRows(checkSlaDraft(slaDraftOf(policy), PRIORITIES).rows, policy)).toEqual([]);
  });
});

describe("slaDays", () => {
  it.each([
    [1, null],
    [23, null],
    [24, 1],
    [36, null],
    [168, 7],
  ])("%d h → %s days", (hours, days) => {
    expect(slaDays(hours)).toBe(days);
  });
});
