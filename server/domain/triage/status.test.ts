import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { FEEDBACK_STATUSES, type FeedbackStatus } from "../enums";
import { TRIAGE_COMMAND_TYPES, type TriageCommand, type TriageCommandType } from "./commands";
import { type TriageState, applyPlan, planTransition } from "./plan";
import { availableCommands, canRunCommand } from "./status";
import { buildTriageState } from "./test-state";

const actor = { userId: 7 };
const now = new Date("2024-06-03T12:00:00Z");

const SAMPLE_COMMANDS: Record<TriageCommandType, TriageCommand> = {
  triage: { type: "triage" },
  start: { type: "start" },
  resolve: { type: "resolve", resolutionNote: "Refunded the delivery fee", customerContacted: true },
  dismiss: { type: "dismiss", reason: "spam" },
  reopen: { type: "reopen" },
  setPriority: { type: "setPriority", priority: "high" },
  assign: { type: "assign", assigneeId: 12 },
  setDueDate: { type: "setDueDate", dueAt: new Date("2024-06-05T12:00:00Z") },
};

/** An item in each status, reached through the workflow itself so its fields are consistent. */
function itemIn(status: FeedbackStatus): TriageState {
  const paths: Record<FeedbackStatus, TriageCommandType[]> = {
    new: [],
    triaged: ["triage"],
    in_progress: ["triage", "start"],
    resolved: ["triage", "resolve"],
    dismissed: ["dismiss"],
  };
  const at = new Date("2024-06-03T10:00:00Z");
  return paths[status].reduce(
    (state, type) => applyPlan(state, planTransition(state, SAMPLE_COMMANDS[type], actor, at)),
    buildTriageState(),
  );
}

type Expected = FeedbackStatus | { error: string };

/** The specification, written out: every status × every command. */
const MATRIX: Record<FeedbackStatus, Record<TriageCommandType, Expected>> = {
  new: {
    triage: "triaged",
    start: { error: "Triage this item before starting work on it." },
    resolve: { error: "Triage this item before resolving it: confirm its priority and owner first." },
    dismiss: "dismissed",
    reopen: { error: "Only resolved or dismissed items can be reopened; this one is new." },
    setPriority: "new",
    assign: "new",
    setDueDate: "new",
  },
  triaged: {
    triage: { error: "This item is already triaged." },
    start: "in_progress",
    resolve: "resolved",
    dismiss: "dismissed",
    reopen: { error: "Only resolved or dismissed items can be reopened; this one is triaged." },
    setPriority: "triaged",
    assign: "triaged",
    setDueDate: "triaged",
  },
  in_progress: {
    triage: { error: "This item is already triaged and in progress." },
    start: { error: "Work on this item has already started." },
    resolve: "resolved",
    dismiss: "dismissed",
    reopen: { error: "Only resolved or dismissed items can be reopened; this one is in progress." },
    setPriority: "in_progress",
    assign: "in_progress",
    setDueDate: "in_progress",
  },
  resolved: {
    triage: { error: "A resolved item cannot be triaged again; reopen it first." },
    start: { error: "A resolved item cannot be started; reopen it first." },
    resolve: { error: "This item is already resolved." },
    dismiss: { error: "A resolved item cannot be dismissed; reopen it first." },
    reopen: "triaged",
    setPriority: { error: "A resolved item cannot be re-prioritised; reopen it first." },
    assign: { error: "A resolved item cannot be reassigned; reopen it first." },
    setDueDate: { error: "A resolved item cannot be given a due date; reopen it first." },
  },
  dismissed: {
    triage: { error: "A dismissed item cannot be triaged again; reopen it first." },
    start: { error: "A dismissed item cannot be started; reopen it first." },
    resolve: { error: "A dismissed item cannot be resolved; reopen it first." },
    dismiss: { error: "This item is already dismissed." },
    reopen: "triaged",
    setPriority: { error: "A dismissed item cannot be re-prioritised; reopen it first." },
    assign: { error: "A dismissed item cannot be reassigned; reopen it first." },
    setDueDate: { error: "A dismissed item cannot be given a due date; reopen it first." },
  },
};

const CASES = FEEDBACK_STATUSES.flatMap((status) =>
  TRIAGE_COMMAND_TYPES.map((command) => [status, command, MATRIX[status][command]] as const),
);

describe("the transition table", () => {
  it.each(CASES)("%s + %s → %j", (status, command, expected) => {
    const item = itemIn(status);
    expect(item.status).toBe(status);
    if (typeof expected === "string") {
      expect(canRunCommand(status, command)).toBe(true);
      expect(applyPlan(item, planTransition(item, SAMPLE_COMMANDS[command], actor, now)).status).toBe(expected);
    } else {
      expect(canRunCommand(status, command)).toBe(false);
      let thrown: unknown;
      try {
        planTransition(item, SAMPLE_COMMANDS[command], actor, now);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect(thrown).toMatchObject({ code: "INVALID_STATE", message: expected.error });
    }
  });

  it("offers exactly the legal commands per status", () => {
    expect(availableCommands("new", TRIAGE_COMMAND_TYPES)).toEqual([
      "triage",
      "dismiss",
      "setPriority",
      "assign",
      "setDueDate",
    ]);
    expect(availableCommands("resolved", TRIAGE_COMMAND_TYPES)).toEqual(["reopen"]);
    expect(availableCommands("dismissed", ["resolve", "reopen"])).toEqual(["reopen"]);
  });
});
