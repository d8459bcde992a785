import { describe, expect, it } from "vitest";
import {
  type ActionColumns,
  actionScopeColumns,
  addActionCommentInput,
  changedActionFields,
  createActionInput,
  isWholeWorkspaceScope,
  setActionStatusInput,
  updateActionInput,
} from "./inputs";

const minimal = { title: "Shorten checkout", kpi: "csat" };

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("createActionInput", () => {
  it("fills defaults and flattens the scope into columns", () => {
    expect(createActionInput.parse(minimal)).toEqual({
      title: "Shorten checkout",
      description: "",
      ownerTeamId: null,
      assigneeId: null,
      dueDate: null,
      reviewDate: null,
      scopeSegmentId: null,
      scopeStageId: null,
      scopeChannel: null,
      scopeThemeId: null,
      kpi: "csat",
      target: null,
      feedbackIds: [],
    });
  });

  it("keeps every field given, normalises the target and removes duplicate feedback ids", () => {
    const parsed = createActionInput.parse({
      title: "  Call back detractors within 48h ",
      description: " Script in the wiki ",
      ownerTeamId: 3,
      assigneeId: 9,
      dueDate: "2025-07-31",
      reviewDate: "2025-09-30",
      scope: { segmentId: 2, stageId: 5, channel: "call_centre", themeId: 11 },
      kpi: "nps",
      target: "35",
      feedbackIds: [4, 5, 4],
    });
    expect(parsed).toMatchObject({
      title: "Call back detractors within 48h",
      description: "Script in the wiki",
      scopeSegmentId: 2,
      scopeStageId: 5,
      scopeChannel: "call_centre",
      scopeThemeId: 11,
      target: "35.00",
      feedbackIds: [4, 5],
    });
  });

  it.each([
    ["a blank title", { ...minimal, title: "   " }, "title: Give the action a title."],
    ["a long title", { ...minimal, title: "x".repeat(201) }, "title: Keep the title under 200 characters"],
    ["an unknown KPI", { ...minimal, kpi: "happiness" }, "kpi: Choose the KPI the action should move"],
    [
      "an NPS target out of range",
      { ...minimal, kpi: "nps", target: "150" },
      "target: An NPS target is a score from -100 to 100",
    ],
    ["a CSAT target with 3 decimals", { ...minimal, target: "80.125" }, "target: Write the target as a number"],
    ["a bad due date", { ...minimal, dueDate: "2025-02-30" }, "dueDate: Enter the due date as a real calendar date"],
    ["an unknown channel", { ...minimal, scope: { channel: "fax" } }, "scope.channel: Choose a channel"],
    ["a zero segment id", { ...minimal, scope: { segmentId: 0 } }, "scope.segmentId: A segment id is a whole number"],
    [
      "too many feedback items",
      { ...minimal, feedbackIds: Array.from({ length: 1001 }, (_, i) => i + 1) },
      "feedbackIds: Create an action from at most 1000",
    ],
  ])("rejects %s", (_name, input, message) => {
    const result = createActionInput.safeParse(input);
    expect(result.success).toBe(false);
    expect(messages(result).some((m) => m.startsWith(message))).toBe(true);
  });
});

describe("updateActionInput", () => {
  it("passes on only the fields sent; null clears", () => {
    expect(updateActionInput.parse({ id: 12, version: 3, dueDate: null, title: " New " })).toEqual({
      id: 12,
      version: 3,
      values: { dueDate: null, title: "New" },
    });
  });

  it("a scope sent replaces the whole scope", () => {
    expect(updateActionInput.parse({ id: 12, version: 1, scope: { stageId: 4 } }).values).toEqual({
      scopeSegmentId: null,
      scopeStageId: 4,
      scopeChannel: null,
      scopeThemeId: null,
    });
  });

  it("checks baseline and target against the KPI sent with them", () => {
    expect(updateActionInput.parse({ id: 1, version: 1, kpi: "ces", baseline: "4.2", target: "5" }).values).toEqual({
      kpi: "ces",
      baseline: "4.20",
      target: "5.00",
    });
    const outOfRange = updateActionInput.safeParse({ id: 1, version: 1, kpi: "ces", baseline: "9" });
    expect(messages(outOfRange)).toEqual([
      "baseline: A CES baseline is a mean score from 1 to 7; 9 is outside that range. Enter a value such as 5.5.",
    ]);
    const withoutKpi = updateActionInput.safeParse({ id: 1, version: 1, target: "5" });
    expect(messages(withoutKpi)).toEqual([
      "kpi: Send the KPI with its target so the value can be checked against the KPI's range.",
    ]);
  });

  it("requires the version", () => {
    expect(updateActionInput.safeParse({ id: 1, title: "x" }).success).toBe(false);
  });
});

describe("changedActionFields", () => {
  const current: ActionColumns = {
    title: "Shorten checkout",
    description: "",
    ownerTeamId: 3,
    assigneeId: null,
    dueDate: "2025-07-31",
    reviewDate: "2025-09-30",
    ...actionScopeColumns({ stageId: 5 }),
    kpi: "csat",
    baseline: "71.40",
    target: "80.00",
  };

  it.each([
    ["nothing sent", {}, []],
    ["the same values", { title: "Shorten checkout", target: "80", baseline: "71.4", scopeStageId: 5 }, []],
    ["a new title and due date", { title: "Shorter checkout", dueDate: "2025-08-15" }, ["title", "dueDate"]],
    ["a cleared assignee that was already empty", { assigneeId: null }, []],
    [
      "a whole scope where only the channel changes",
      { ...actionScopeColumns({ stageId: 5, channel: "web" }) },
      ["scopeChannel"],
    ],
    ["a new target", { target: "85.00" }, ["target"]],
  ] as const)("%s → %j", (_name, update, expected) => {
    expect(changedActionFields(current, update)).toEqual(expected);
  });
});

describe("isWholeWorkspaceScope", () => {
  it("is true only for an empty scope", () => {
    expect(isWholeWorkspaceScope(actionScopeColumns({}))).toBe(true);
    expect(isWholeWorkspaceScope(actionScopeColumns({ themeId: 1 }))).toBe(false);
  });
});

describe("setActionStatusInput", () => {
  it("needs a reason to drop", () => {
    expect(messages(setActionStatusInput.safeParse({ id: 1, status: "dropped", reason: "  " }))).toEqual([
      "reason: Say why the action is dropped; the reason is kept with it.",
    ]);
    expect(setActionStatusInput.parse({ id: 1, status: "dropped", reason: " Duplicate " }).reason).toBe("Duplicate");
    expect(setActionStatusInput.parse({ id: 1, status: "done" })).toEqual({ id: 1, status: "done" });
  });

  it("rejects an unknown status", () => {
    expect(setActionStatusInput.safeParse({ id: 1, status: "finished" }).success).toBe(false);
  });
});

describe("addActionCommentInput", () => {
  it("trims and refuses blank comments", () => {
    expect(addActionCommentInput.parse({ actionId: 2, body: " Looks good " })).toEqual({
      actionId: 2,
      body: "Looks good",
    });
    expect(messages(addActionCommentInput.safeParse({ actionId: 2, body: " " }))).toEqual(["body: Write a comment."]);
  });
});
