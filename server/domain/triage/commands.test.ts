import { describe, expect, it } from "vitest";
import {
  DISMISS_REASON_LABELS,
  DISMISS_REASONS,
  EDIT_COMMAND_TYPES,
  STATUS_COMMAND_TYPES,
  TRIAGE_COMMAND_TYPES,
  isStatusCommandType,
  triageCommandInput,
  validateCommand,
} from "./commands";

const now = new Date("2024-06-03T12:00:00Z");
const UNKNOWN =
  "Unknown triage command; use triage, start, resolve, dismiss, reopen, setPriority, assign or setDueDate.";

describe("triageCommandInput", () => {
  it("exports the dismissal reasons with a label each", () => {
    expect(DISMISS_REASONS).toEqual(["spam", "duplicate", "not_actionable"]);
    expect(Object.keys(DISMISS_REASON_LABELS).sort()).toEqual([...DISMISS_REASONS].sort());
  });

  it("names every command type once, status or edit", () => {
    expect(TRIAGE_COMMAND_TYPES).toEqual([...STATUS_COMMAND_TYPES, ...EDIT_COMMAND_TYPES]);
    expect(TRIAGE_COMMAND_TYPES.filter(isStatusCommandType)).toEqual([...STATUS_COMMAND_TYPES]);
  });

  it("parses a resolve command for a form, trimming the note", () => {
    expect(
      triageCommandInput.parse({ type: "resolve", resolutionNote: " Called back ", customerContacted: false }),
    ).toEqual({ type: "resolve", resolutionNote: "Called back", customerContacted: false });
  });

  it.each([[{ type: "escalate" }], [null], [{}]])("rejects %j as an unknown command", (input) => {
    expect(() => validateCommand(input, now)).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", message: UNKNOWN }),
    );
  });
});

describe("validateCommand", () => {
  it("drops a blank dismissal note and keeps a real one trimmed", () => {
    expect(validateCommand({ type: "dismiss", reason: "spam", note: "  " }, now)).toEqual({
      type: "dismiss",
      reason: "spam",
    });
    expect(validateCommand({ type: "dismiss", reason: "duplicate", note: " #12 " }, now)).toEqual({
      type: "dismiss",
      reason: "duplicate",
      note: "#12",
    });
  });

  it("lists the dismissal reasons when the reason is unknown", () => {
    expect(() => validateCommand({ type: "dismiss", reason: "boring" }, now)).toThrow(
      "Choose why this item is dismissed: Spam or unrelated, Duplicate of another item, Not actionable.",
    );
  });

  it("accepts a due date of now or later and null", () => {
    expect(validateCommand({ type: "setDueDate", dueAt: now }, now)).toEqual({ type: "setDueDate", dueAt: now });
    expect(validateCommand({ type: "setDueDate", dueAt: null }, now)).toEqual({ type: "setDueDate", dueAt: null });
  });
});
