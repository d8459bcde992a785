import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FEEDBACK_STATUSES, PRIORITIES } from "../enums";
import { DEFAULT_SLA_POLICY, dueDates, isOverdue, resolveSlaPolicy, slaDueAt } from "./sla";

const HOUR = 3_600_000;
const start = new Date("2024-06-03T09:00:00Z");
const after = (hours: number) => new Date(start.getTime() + hours * HOUR);

describe("DEFAULT_SLA_POLICY and dueDates", () => {
  it.each([
    ["urgent", 1, 8],
    ["high", 4, 24],
    ["normal", 24, 72],
    ["low", 72, 168],
  ] as const)("%s: first response within %i h, resolution within %i h", (priority, first, resolution) => {
    expect(DEFAULT_SLA_POLICY[priority]).toEqual({ firstResponseHours: first, resolutionHours: resolution });
    expect(dueDates(DEFAULT_SLA_POLICY, priority, start)).toEqual({
      firstResponseDueAt: after(first),
      resolutionDueAt: after(resolution),
    });
  });

  it("counts calendar hours, straight through a daylight-saving change", () => {
    // Europe/Warsaw springs forward on 2024-03-31 at 01:00 UTC; 24 calendar hours are 24 h of real time
    const saturday = new Date("2024-03-30T12:00:00Z");
    expect(dueDates(DEFAULT_SLA_POLICY, "normal", saturday).firstResponseDueAt).toEqual(
      new Date("2024-03-31T12:00:00Z"),
    );
  });

  it("rejects an invalid start", () => {
    expect(() => dueDates(DEFAULT_SLA_POLICY, "high", new Date("x"))).toThrow(
      "The SLA clock needs a valid start time.",
    );
  });

  it("gives each priority a due date no later than the one below it, and resolution after first response", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }), (at) => {
        const dates = PRIORITIES.map((priority) => dueDates(DEFAULT_SLA_POLICY, priority, at));
        for (const [index, due] of dates.entries()) {
          expect(due.firstResponseDueAt.getTime()).toBeGreaterThan(at.getTime());
          expect(due.resolutionDueAt.getTime()).toBeGreaterThanOrEqual(due.firstResponseDueAt.getTime());
          const lower = dates[index + 1];
          if (lower) expect(due.resolutionDueAt.getTime()).toBeLessThanOrEqual(lower.resolutionDueAt.getTime());
        }
      }),
    );
  });
});

describe("resolveSlaPolicy", () => {
  it("lays workspace rows over the defaults", () => {
    const policy = resolveSlaPolicy([{ priority: "high", firstResponseHours: 2, resolutionHours: 12 }]);
    expect(policy).toEqual({ ...DEFAULT_SLA_POLICY, high: { firstResponseHours: 2, resolutionHours: 12 } });
    expect(resolveSlaPolicy([])).toEqual(DEFAULT_SLA_POLICY);
  });

  it.each([
    [
      { priority: "low", firstResponseHours: 0, resolutionHours: 10 },
      "The low SLA is invalid: first response within 0 h",
    ],
    [{ priority: "low", firstResponseHours: 1.5, resolutionHours: 10 }, "first response within 1.5 h"],
    [{ priority: "urgent", firstResponseHours: 4, resolutionHours: 2 }, "at least the first-response target"],
    [
      { priority: "soon", firstResponseHours: 1, resolutionHours: 2 },
      'A priority is one of urgent, high, normal, low, got "soon".',
    ],
  ])("rejects %j", (row, message) => {
    expect(() => resolveSlaPolicy([row as never])).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    expect(() => resolveSlaPolicy([row as never])).toThrow(message);
  });
});

describe("slaDueAt", () => {
  it.each([
    ["new", "urgent", after(1)],
    ["new", "high", after(4)],
    ["new", "normal", null],
    ["new", "low", null],
    ["triaged", "urgent", after(8)],
    ["triaged", "normal", after(72)],
    ["in_progress", "high", after(24)],
    ["in_progress", "low", after(168)],
    ["resolved", "urgent", null],
    ["dismissed", "high", null],
  ] as const)("%s %s → %s", (status, priority, expected) => {
    expect(slaDueAt(DEFAULT_SLA_POLICY, { status, priority, receivedAt: start })).toEqual(expected);
  });
});

describe("isOverdue", () => {
  const dueAt = after(4);

  it.each([
    ["a millisecond before the due date", dueAt.getTime() - 1, false],
    ["exactly at the due date", dueAt.getTime(), false],
    ["a millisecond after", dueAt.getTime() + 1, true],
  ])("an open item is overdue %s: %s", (_, nowMs, expected) => {
    expect(isOverdue({ status: "triaged", dueAt }, new Date(nowMs))).toBe(expected);
  });

  it.each(FEEDBACK_STATUSES)("past the due date, a %s item is overdue only if open", (status) => {
    const open = status === "new" || status === "triaged" || status === "in_progress";
    expect(isOverdue({ status, dueAt }, after(100))).toBe(open);
  });

  it("never counts an item without a due date as overdue", () => {
    expect(isOverdue({ status: "new", dueAt: null }, after(10_000))).toBe(false);
  });
});
