import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { ACTION_STATUSES, type ActionStatus, ROLES, type Role } from "../enums";
import {
  ACTION_FIELDS,
  actionEditProblem,
  actionTransitionProblem,
  type ActionActor,
  type ActionRef,
  assertCanCommentOnAction,
  assertCanCreateAction,
  assertCanEditAction,
  availableActionTransitions,
  canChangeActionStatus,
  canCommentOnAction,
  canCreateAction,
  canViewAction,
  isLegalActionTransition,
  planActionTransition,
} from "./workflow";

const OWN_TEAM = 7;
const OTHER_TEAM = 8;
const actor = (role: Role, teamIds: number[] = [OWN_TEAM]): ActionActor => ({ role, userId: 42, teamIds });
const action = (status: ActionStatus, ownerTeamId: number | null = OWN_TEAM): ActionRef => ({
  id: 12,
  status,
  ownerTeamId,
});

/** The workflow as the issue states it, written out independently of ACTION_TRANSITIONS. */
const LEGAL = new Set([
  "proposed→planned",
  "planned→in_progress",
  "in_progress→done",
  "done→verified",
  "proposed→dropped",
  "planned→dropped",
  "in_progress→dropped",
  "done→in_progress",
]);
const TEAM_MEMBER_MAY = new Set(["planned→in_progress", "in_progress→done"]);

const pairs = ACTION_STATUSES.flatMap((from) => ACTION_STATUSES.map((to) => [from, to] as const));

function expectedCode(role: Role, own: boolean, from: ActionStatus, to: ActionStatus): string | null {
  if (role === "executive") return "FORBIDDEN";
  if (role === "team_member" && !own) return "FORBIDDEN";
  if (!LEGAL.has(`${from}→${to}`)) return "INVALID_STATE";
  if (role === "team_member" && !TEAM_MEMBER_MAY.has(`${from}→${to}`)) return "FORBIDDEN";
  return null;
}

describe("isLegalActionTransition", () => {
  it.each(pairs)("%s → %s", (from, to) => {
    expect(isLegalActionTransition(from, to)).toBe(LEGAL.has(`${from}→${to}`));
  });
});

describe("who may move an action where: every role × own/other team × every pair of statuses", () => {
  const cases = ROLES.flatMap((role) =>
    [true, false].flatMap((own) =>
      pairs.map(([from, to]) => [role, own ? "own team" : "other team", from, to] as const),
    ),
  );
  it.each(cases)("%s on an action of its %s: %s → %s", (role, team, from, to) => {
    const own = team === "own team";
    const subject = action(from, own ? OWN_TEAM : OTHER_TEAM);
    const problem = actionTransitionProblem(actor(role), subject, to, "Superseded by the new checkout");
    expect(problem?.code ?? null).toBe(expectedCode(role, own, from, to));
    expect(problem === null || problem instanceof AppError).toBe(true);
    expect(canChangeActionStatus(actor(role), subject, to)).toBe(problem === null);
  });
});

describe("actionTransitionProblem messages", () => {
  it.each([
    [
      "executive",
      actor("executive"),
      action("planned"),
      "in_progress",
      /Executives can read actions but not change them/,
    ],
    [
      "another team",
      actor("team_member"),
      action("planned", OTHER_TEAM),
      "in_progress",
      /Action 12 belongs to another team/,
    ],
    ["no owner team", actor("team_member"), action("planned", null), "in_progress", /belongs to another team/],
    ["same status", actor("admin"), action("planned"), "planned", /^Action 12 is already planned\.$/],
    [
      "a skipped step",
      actor("cx_manager"),
      action("proposed"),
      "done",
      /^Action 12 is proposed; it can move to planned or dropped, not to done\.$/,
    ],
    ["final", actor("admin"), action("verified"), "done", /verified, which is final/],
    [
      "team member verifies",
      actor("team_member"),
      action("done"),
      "verified",
      /^Only a CX manager or an admin can verify an action\.$/,
    ],
    ["team member drops", actor("team_member"), action("planned"), "dropped", /can drop an action; add a comment/],
    ["team member plans", actor("team_member"), action("proposed"), "planned", /can plan a proposed action/],
    [
      "team member reopens",
      actor("team_member"),
      action("done"),
      "in_progress",
      /move a done action back to in progress/,
    ],
  ] as const)("%s", (_name, who, subject, to, message) => {
    expect(actionTransitionProblem(who, subject, to, "a reason")?.message).toMatch(message);
  });

  it.each([undefined, null, "", "   "])("dropping with reason %j is INVALID_INPUT", (reason) => {
    const problem = actionTransitionProblem(actor("cx_manager"), action("in_progress"), "dropped", reason);
    expect(problem?.code).toBe("INVALID_INPUT");
    expect(problem?.message).toBe("Say why action 12 is dropped; the reason is kept with it.");
  });
});

describe("availableActionTransitions", () => {
  it.each([
    ["admin", "proposed", ["planned", "dropped"]],
    ["cx_manager", "done", ["verified", "in_progress"]],
    ["cx_manager", "verified", []],
    ["team_member", "proposed", []],
    ["team_member", "planned", ["in_progress"]],
    ["team_member", "in_progress", ["done"]],
    ["team_member", "done", []],
    ["executive", "planned", []],
  ] as const)("%s on a %s action: %j", (role, status, expected) => {
    expect(availableActionTransitions(actor(role), action(status))).toEqual(expected);
  });
});

describe("planActionTransition", () => {
  const at = new Date("2025-04-01T09:30:00Z");

  it("done stamps completedAt and records who and when", () => {
    expect(
      planActionTransition(actor("team_member"), action("in_progress"), "done", { at, note: "  shipped  " }),
    ).toEqual({
      patch: { status: "done", completedAt: at },
      change: {
        actionId: 12,
        fromStatus: "in_progress",
        toStatus: "done",
        changedBy: 42,
        changedAt: at,
        note: "shipped",
      },
    });
  });

  it("reopening clears completedAt", () => {
    expect(planActionTransition(actor("admin"), action("done"), "in_progress", { at }).patch).toEqual({
      status: "in_progress",
      completedAt: null,
    });
  });

  it("verifying keeps completedAt", () => {
    expect(planActionTransition(actor("cx_manager"), action("done"), "verified", { at }).patch).toEqual({
      status: "verified",
    });
  });

  it("dropping keeps the trimmed reason on the action and in the history", () => {
    const plan = planActionTransition(actor("cx_manager"), action("proposed"), "dropped", {
      at,
      reason: " Duplicate of 9 ",
    });
    expect(plan.patch).toEqual({ status: "dropped", droppedReason: "Duplicate of 9" });
    expect(plan.change.note).toBe("Duplicate of 9");
  });

  it("a blank note is no note", () => {
    expect(
      planActionTransition(actor("admin"), action("proposed"), "planned", { at, note: "  " }).change.note,
    ).toBeNull();
  });

  it("throws the AppError of the refused move", () => {
    expect(() => planActionTransition(actor("team_member"), action("done"), "verified", { at })).toThrow(
      expect.objectContaining({ code: "FORBIDDEN" }),
    );
    expect(() => planActionTransition(actor("admin"), action("dropped"), "planned", { at })).toThrow(
      expect.objectContaining({ code: "INVALID_STATE" }),
    );
  });
});

describe("editing an action", () => {
  const RESTRICTED = [
    "ownerTeamId",
    "reviewDate",
    "scopeSegmentId",
    "scopeStageId",
    "scopeChannel",
    "scopeThemeId",
    "kpi",
    "baseline",
    "target",
  ];

  it.each(ACTION_FIELDS)("field %s: managers always, team members only outside scope/KPI/baseline/target", (field) => {
    expect(actionEditProblem(actor("admin"), action("in_progress", OTHER_TEAM), [field])).toBeNull();
    expect(actionEditProblem(actor("cx_manager"), action("proposed", null), [field])).toBeNull();
    expect(actionEditProblem(actor("executive"), action("planned"), [field])?.code).toBe("FORBIDDEN");
    expect(actionEditProblem(actor("team_member"), action("planned", OTHER_TEAM), [field])?.code).toBe("FORBIDDEN");
    const own = actionEditProblem(actor("team_member"), action("planned"), [field]);
    expect(own?.code ?? null).toBe(RESTRICTED.includes(field) ? "FORBIDDEN" : null);
  });

  it("names every refused field", () => {
    expect(
      actionEditProblem(actor("team_member"), action("planned"), ["title", "target", "scopeStageId"])?.message,
    ).toBe("Team members cannot change target, scopeStageId of an action; ask a CX manager or an admin.");
  });

  it.each(["verified", "dropped"] as const)("a %s action cannot be edited, even by an admin", (status) => {
    const problem = actionEditProblem(actor("admin"), action(status), ["title"]);
    expect(problem?.code).toBe("INVALID_STATE");
    expect(problem?.message).toMatch(/can no longer be edited; add a comment instead/);
    expect(actionEditProblem(actor("admin"), action(status), [])).toBeNull();
  });

  it("assertCanEditAction throws the problem", () => {
    expect(() => assertCanEditAction(actor("team_member"), action("planned"), ["kpi"])).toThrow(/cannot change kpi/);
    expect(() => assertCanEditAction(actor("team_member"), action("planned"), ["dueDate"])).not.toThrow();
  });
});

describe("viewing, commenting, creating", () => {
  it.each([
    ["admin", OTHER_TEAM, true, true],
    ["cx_manager", null, true, true],
    ["executive", OWN_TEAM, true, false],
    ["team_member", OWN_TEAM, true, true],
    ["team_member", OTHER_TEAM, false, false],
    ["team_member", null, false, false],
  ] as const)("%s on team %s's action: view %s, comment %s", (role, team, view, comment) => {
    expect(canViewAction(actor(role), { ownerTeamId: team })).toBe(view);
    expect(canCommentOnAction(actor(role), action("verified", team))).toBe(comment);
    if (comment) expect(() => assertCanCommentOnAction(actor(role), action("done", team))).not.toThrow();
    else expect(() => assertCanCommentOnAction(actor(role), action("done", team))).toThrow(AppError);
  });

  it("a team member of several teams works on each team's actions", () => {
    expect(
      canChangeActionStatus(actor("team_member", [1, OTHER_TEAM]), action("planned", OTHER_TEAM), "in_progress"),
    ).toBe(true);
  });

  it.each([
    ["admin", true],
    ["cx_manager", true],
    ["executive", false],
    ["team_member", false],
  ] as const)("%s creates actions: %s", (role, may) => {
    expect(canCreateAction(role)).toBe(may);
    if (may) expect(() => assertCanCreateAction(role)).not.toThrow();
    else expect(() => assertCanCreateAction(role)).toThrow(/Only a CX manager or an admin can create an action/);
  });
});
