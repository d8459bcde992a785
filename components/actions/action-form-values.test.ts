import { describe, expect, it } from "vitest";
import { createActionInput, updateActionInput } from "@/server/domain/actions/inputs";
import {
  actionFormValues,
  type ActionFormField,
  fieldOfIssue,
  FORM_FIELDS,
  formErrorsOf,
  newActionFormValues,
  toCreateInput,
  toUpdateInput,
} from "./action-form-values";

const stored = {
  title: "Faster refunds",
  description: "Cut refund time",
  ownerTeamId: 4,
  assigneeId: null,
  dueDate: "2025-03-31",
  reviewDate: null,
  scopeSegmentId: null,
  scopeStageId: 3,
  scopeChannel: "web" as const,
  scopeThemeId: 7,
  kpi: "nps" as const,
  target: "35.50",
};

describe("create form", () => {
  it("starts from the link's scope, and sends empty controls as not set", () => {
    const values = { ...newActionFormValues({ stageId: 3, channel: "chat", feedbackIds: [1, 2] }), title: "Fix it" };
    expect(toCreateInput(values, [1, 2])).toEqual({
      title: "Fix it",
      description: "",
      ownerTeamId: null,
      assigneeId: null,
      dueDate: null,
      reviewDate: null,
      scope: { segmentId: null, stageId: 3, channel: "chat", themeId: null },
      kpi: "nps",
      target: null,
      feedbackIds: [1, 2],
    });
    expect(createActionInput.safeParse(toCreateInput(values, [1, 2])).success).toBe(true);
  });

  it("puts each schema problem next to its field", () => {
    const values = { ...newActionFormValues({ feedbackIds: [] }), target: "500", dueDate: "2025-02-30" };
    const parsed = createActionInput.safeParse(toCreateInput(values, []));
    expect(parsed.success).toBe(false);
    const errors = formErrorsOf(parsed.error!.issues);
    expect(Object.keys(errors).sort()).toEqual(["dueDate", "target", "title"]);
    expect(errors.target).toMatch(/-100 to 100/);
  });

  it("maps nested scope paths to their control, anything unknown to the form", () => {
    expect(fieldOfIssue(["scope", "stageId"])).toBe("stageId");
    expect(fieldOfIssue(["title"])).toBe("title");
    expect(fieldOfIssue(["feedbackIds", 3])).toBe("form");
    expect(fieldOfIssue([])).toBe("form");
  });
});

describe("edit form", () => {
  it("reads a stored action, target without trailing zeros", () => {
    expect(actionFormValues(stored)).toMatchObject({
      ownerTeamId: "4",
      assigneeId: "",
      reviewDate: "",
      stageId: "3",
      channel: "web",
      themeId: "7",
      target: "35.5",
    });
    expect(actionFormValues({ ...stored, target: "40.00" }).target).toBe("40");
    expect(actionFormValues({ ...stored, target: "100" }).target).toBe("100");
  });

  it("sends only a team member's fields: never scope, KPI or target", () => {
    const editable = new Set<ActionFormField>(["title", "description", "assigneeId", "dueDate"]);
    const input = toUpdateInput({ ...actionFormValues(stored), assigneeId: "9" }, { id: 5, version: 2 }, editable);
    expect(input).toEqual({
      id: 5,
      version: 2,
      title: "Faster refunds",
      description: "Cut refund time",
      assigneeId: 9,
      dueDate: "2025-03-31",
    });
    expect(updateActionInput.safeParse(input).success).toBe(true);
  });

  it("sends a manager's whole scope, and the target with its KPI", () => {
    const editable = new Set<ActionFormField>(FORM_FIELDS);
    const input = toUpdateInput(
      { ...actionFormValues(stored), themeId: "", target: "" },
      { id: 5, version: 2 },
      editable,
    );
    expect(input).toMatchObject({
      ownerTeamId: 4,
      reviewDate: null,
      scope: { segmentId: null, stageId: 3, channel: "web", themeId: null },
      kpi: "nps",
      target: null,
    });
    expect(updateActionInput.safeParse(input).success).toBe(true);
  });
});
