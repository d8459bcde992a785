import { describe, expect, it } from "vitest";
import type { TriageCommand } from "./commands";
import { type TriageState, applyPlan, planTransition } from "./plan";
import { DEFAULT_SLA_POLICY, type SlaPolicy } from "./sla";
import { buildTriageState } from "./test-state";

const actor = { userId: 7 };
const received = new Date("2024-06-03T09:00:00Z");
const now = new Date("2024-06-03T12:00:00Z");
const hoursAfterReceipt = (hours: number) => new Date(received.getTime() + hours * 3_600_000);

function run(state: TriageState, command: TriageCommand, at = now, policy?: SlaPolicy): TriageState {
  return applyPlan(state, planTransition(state, command, actor, at, policy));
}

const resolve: TriageCommand = { type: "resolve", resolutionNote: "Refunded the fee", customerContacted: true };
const triaged = () => run(buildTriageState(), { type: "triage" });

describe("triage", () => {
  it("sets the status, the first-triage time and the resolution due date", () => {
    const plan = planTransition(buildTriageState(), { type: "triage" }, actor, now);
    expect(plan.changes).toEqual({ status: "triaged", firstTriagedAt: now, dueAt: hoursAfterReceipt(72) });
    expect(plan.before).toEqual({ status: "new", firstTriagedAt: null, dueAt: null });
    expect(plan).toMatchObject({ id: 1, command: "triage", action: "feedback.setStatus", actorId: 7, at: now });
  });

  it("takes an optional priority and owner in the same step, and dates the SLA by that priority", () => {
    const state = run(buildTriageState(), { type: "triage", priority: "urgent", assigneeId: 3, teamId: 2 });
    expect(state).toMatchObject({ priority: "urgent", assigneeId: 3, teamId: 2, dueAt: hoursAfterReceipt(8) });
  });

  it("clears the owner when given null and keeps it when not given", () => {
    const owned = buildTriageState({ assigneeId: 3, teamId: 2 });
    expect(run(owned, { type: "triage", assigneeId: null })).toMatchObject({ assigneeId: null, teamId: 2 });
    expect(run(owned, { type: "triage" })).toMatchObject({ assigneeId: 3, teamId: 2 });
  });

  it("never dates the first triage before the item was received (skewed clocks)", () => {
    const early = new Date(received.getTime() - 60_000);
    expect(run(buildTriageState(), { type: "triage" }, early).firstTriagedAt).toEqual(received);
  });
});

describe("start", () => {
  it("assigns an unassigned item to whoever starts it", () => {
    expect(run(triaged(), { type: "start" })).toMatchObject({ status: "in_progress", assigneeId: 7 });
  });

  it("keeps an existing assignee and the due date", () => {
    const state = run(run(buildTriageState(), { type: "triage", assigneeId: 3 }), { type: "start" });
    expect(state).toMatchObject({ assigneeId: 3, dueAt: hoursAfterReceipt(72) });
  });
});

describe("resolve", () => {
  it("records when, the trimmed note and whether the customer was contacted, and freezes the due date", () => {
    const later = new Date("2024-06-04T08:00:00Z");
    const plan = planTransition(triaged(), { ...resolve, resolutionNote: "  Refunded the fee \n" }, actor, later);
    expect(plan.changes).toEqual({
      status: "resolved",
      resolvedAt: later,
      resolutionNote: "Refunded the fee",
      customerContacted: true,
    });
  });

  it("accepts customerContacted false", () => {
    expect(run(triaged(), { ...resolve, customerContacted: false }).customerContacted).toBe(false);
  });

  it.each([
    [
      "a blank note",
      { ...resolve, resolutionNote: "  \t " },
      "Write a resolution note: what was done for this customer.",
    ],
    [
      "no note",
      { type: "resolve", customerContacted: true },
      "Write a resolution note: what was done for this customer.",
    ],
    [
      "a note too long",
      { ...resolve, resolutionNote: "x".repeat(2001) },
      "Keep the resolution note under 2000 characters.",
    ],
    [
      "no customerContacted",
      { type: "resolve", resolutionNote: "Called back" },
      "Say whether the customer was contacted about this resolution.",
    ],
    [
      "a non-boolean customerContacted",
      { ...resolve, customerContacted: "yes" },
      "Say whether the customer was contacted about this resolution.",
    ],
  ])("rejects %s", (_, command, message) => {
    expect(() => planTransition(triaged(), command as TriageCommand, actor, now)).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", message }),
    );
  });
});

describe("dismiss", () => {
  it("stores the reason code, the optional note as the closing note, and counts as the first triage", () => {
    const plan = planTransition(
      buildTriageState(),
      { type: "dismiss", reason: "duplicate", note: " Same as #4127 " },
      actor,
      now,
    );
    expect(plan.changes).toEqual({
      status: "dismissed",
      dismissReason: "duplicate",
      resolutionNote: "Same as #4127",
      firstTriagedAt: now,
    });
  });

  it.each(["", "   "])("treats the note %j as no note", (note) => {
    expect(run(buildTriageState(), { type: "dismiss", reason: "spam", note }).resolutionNote).toBeNull();
  });

  it("keeps the first-triage time of an item triaged earlier", () => {
    const state = run(triaged(), { type: "dismiss", reason: "not_actionable" }, new Date("2024-06-05T00:00:00Z"));
    expect(state.firstTriagedAt).toEqual(now);
  });

  it.each([
    [{ type: "dismiss" }],
    [{ type: "dismiss", reason: "rude" }],
    [{ type: "dismiss", reason: "spam", note: "x".repeat(501) }],
  ])("rejects %j", (command) => {
    expect(() => planTransition(buildTriageState(), command as TriageCommand, actor, now)).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT" }),
    );
  });
});

describe("reopen", () => {
  it("clears the resolution and restores the resolution due date (the clock is not restarted)", () => {
    const resolved = run(triaged(), resolve);
    const muchLater = new Date("2024-06-20T00:00:00Z");
    const plan = planTransition(resolved, { type: "reopen" }, actor, muchLater);
    expect(plan.changes).toEqual({
      status: "triaged",
      resolvedAt: null,
      resolutionNote: null,
      customerContacted: null,
    });
    const reopened = applyPlan(resolved, plan);
    expect(reopened).toMatchObject({ firstTriagedAt: now, dueAt: hoursAfterReceipt(72) });
  });

  it("clears the dismissal reason and note, keeping the first-triage time", () => {
    const dismissed = run(buildTriageState(), { type: "dismiss", reason: "spam", note: "Bot" });
    const reopened = run(dismissed, { type: "reopen" });
    expect(reopened).toMatchObject({
      status: "triaged",
      dismissReason: null,
      resolutionNote: null,
      firstTriagedAt: now,
      dueAt: hoursAfterReceipt(72),
    });
  });
});

describe("setPriority", () => {
  it.each([
    ["normal", "high", hoursAfterReceipt(4)],
    ["high", "urgent", hoursAfterReceipt(1)],
    ["high", "normal", null],
    ["normal", "low", null],
  ] as const)("on a new item %s → %s sets the first-response due date %s", (from, to, due) => {
    const item = buildTriageState({ priority: from, dueAt: from === "high" ? hoursAfterReceipt(4) : null });
    expect(run(item, { type: "setPriority", priority: to })).toMatchObject({ priority: to, dueAt: due });
  });

  it.each([
    ["urgent", 8],
    ["high", 24],
    ["normal", 72],
    ["low", 168],
  ] as const)("on a triaged item → %s sets the resolution due date %i h after receipt", (priority, hours) => {
    const item = run(buildTriageState({ priority: priority === "low" ? "urgent" : "low" }), { type: "triage" });
    const plan = planTransition(item, { type: "setPriority", priority }, actor, now);
    expect(plan.action).toBe("feedback.setPriority");
    expect(applyPlan(item, plan).dueAt).toEqual(hoursAfterReceipt(hours));
  });

  it("replaces a custom due date with the SLA's", () => {
    const custom = run(triaged(), { type: "setDueDate", dueAt: new Date("2024-06-30T00:00:00Z") });
    expect(run(custom, { type: "setPriority", priority: "high" }).dueAt).toEqual(hoursAfterReceipt(24));
  });

  it("uses the workspace policy", () => {
    const policy = { ...DEFAULT_SLA_POLICY, high: { firstResponseHours: 2, resolutionHours: 10 } };
    expect(run(triaged(), { type: "setPriority", priority: "high" }, now, policy).dueAt).toEqual(hoursAfterReceipt(10));
  });

  it("is a no-op for the same priority", () => {
    expect(planTransition(triaged(), { type: "setPriority", priority: "normal" }, actor, now).changes).toEqual({});
  });

  it("rejects an unknown priority", () => {
    expect(() => planTransition(triaged(), { type: "setPriority", priority: "asap" } as never, actor, now)).toThrow(
      "A priority is one of urgent, high, normal, low.",
    );
  });
});

describe("assign", () => {
  it("sets a person, a team or both, and clears with null", () => {
    const item = triaged();
    expect(planTransition(item, { type: "assign", assigneeId: 5 }, actor, now)).toMatchObject({
      action: "feedback.assign",
      changes: { assigneeId: 5 },
      before: { assigneeId: null },
    });
    expect(run(item, { type: "assign", teamId: 2 })).toMatchObject({ assigneeId: null, teamId: 2 });
    const owned = run(item, { type: "assign", assigneeId: 5, teamId: 2 });
    expect(run(owned, { type: "assign", assigneeId: null })).toMatchObject({ assigneeId: null, teamId: 2 });
  });

  it("is a no-op when nothing changes", () => {
    const owned = run(triaged(), { type: "assign", assigneeId: 5 });
    expect(planTransition(owned, { type: "assign", assigneeId: 5 }, actor, now).changes).toEqual({});
  });

  it.each([
    [{ type: "assign" }, "Choose a person or a team to assign this item to (or clear the current owner)."],
    [{ type: "assign", assigneeId: 0 }, "A user id is a whole number from 1 to 2147483647."],
    [{ type: "assign", teamId: 1.5 }, "A team id is a whole number from 1 to 2147483647."],
  ])("rejects %j", (command, message) => {
    expect(() => planTransition(triaged(), command as TriageCommand, actor, now)).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", message }),
    );
  });
});

describe("setDueDate", () => {
  it("sets a custom due date that starting work keeps", () => {
    const due = new Date("2024-06-04T17:00:00Z");
    const plan = planTransition(triaged(), { type: "setDueDate", dueAt: due }, actor, now);
    expect(plan).toMatchObject({ action: "feedback.setDueDate", changes: { dueAt: due } });
    expect(run(applyPlan(triaged(), plan), { type: "start" }).dueAt).toEqual(due);
  });

  it("allows a due date of exactly now and rejects one a millisecond earlier", () => {
    expect(run(triaged(), { type: "setDueDate", dueAt: now }).dueAt).toEqual(now);
    expect(() =>
      planTransition(triaged(), { type: "setDueDate", dueAt: new Date(now.getTime() - 1) }, actor, now),
    ).toThrow(
      expect.objectContaining({
        code: "INVALID_INPUT",
        message: "The due date is in the past; pick a time from now on.",
      }),
    );
  });

  it("goes back to the SLA's date with null", () => {
    const custom = run(triaged(), { type: "setDueDate", dueAt: new Date("2024-06-30T00:00:00Z") });
    expect(run(custom, { type: "setDueDate", dueAt: null }).dueAt).toEqual(hoursAfterReceipt(72));
  });

  it("rejects an invalid date", () => {
    expect(() => planTransition(triaged(), { type: "setDueDate", dueAt: new Date("nope") }, actor, now)).toThrow(
      "Pick a valid due date and time.",
    );
  });

  it("copies the date rather than keeping the caller's object", () => {
    const due = new Date("2024-06-04T17:00:00Z");
    const state = run(triaged(), { type: "setDueDate", dueAt: due });
    due.setTime(0);
    expect(state.dueAt).toEqual(new Date("2024-06-04T17:00:00Z"));
  });
});

describe("planTransition", () => {
  it("does not modify the state it is given", () => {
    const item = Object.freeze(triaged());
    planTransition(item, resolve, actor, now);
    expect(item.status).toBe("triaged");
  });

  it.each([
    [{ userId: 0 }, now, "A triage change needs the id of the user making it."],
    [actor, new Date(Number.NaN), "The current time is not a valid date."],
  ])("rejects actor %j at %s", (who, at, message) => {
    expect(() => planTransition(triaged(), { type: "start" }, who, at)).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", message }),
    );
  });

  it("rejects an unknown command", () => {
    expect(() => planTransition(triaged(), { type: "escalate" } as never, actor, now)).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT" }),
    );
  });
});
