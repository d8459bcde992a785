import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { FEEDBACK_STATUSES } from "../enums";
import { MAX_BULK_ITEMS, bulkFailure, planBulk } from "./bulk";
import type { TriageCommand } from "./commands";
import { type TriageState, planTransition } from "./plan";
import { buildTriageState } from "./test-state";

const actor = { userId: 7 };
const now = new Date("2024-06-03T12:00:00Z");
const resolve: TriageCommand = { type: "resolve", resolutionNote: "Replaced the item", customerContacted: true };

const item = (id: number, overrides: Partial<TriageState> = {}) =>
  buildTriageState({ id, status: "triaged", firstTriagedAt: new Date("2024-06-03T10:00:00Z"), ...overrides });

describe("planBulk", () => {
  it("returns one plan per item, in order, when every item allows the command", () => {
    const result = planBulk([item(3), item(1, { status: "in_progress", assigneeId: 5 })], resolve, actor, now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plans.map((plan) => [plan.id, plan.changes.status])).toEqual([
      [3, "resolved"],
      [1, "resolved"],
    ]);
  });

  it("returns only the errors, per failing item, when any item does not allow it", () => {
    const items = [
      item(1),
      item(2, { status: "dismissed", dismissReason: "spam" }),
      item(3),
      item(4, { status: "new", firstTriagedAt: null }),
    ];
    expect(planBulk(items, resolve, actor, now)).toEqual({
      ok: false,
      errors: [
        { id: 2, code: "INVALID_STATE", message: "A dismissed item cannot be resolved; reopen it first." },
        {
          id: 4,
          code: "INVALID_STATE",
          message: "Triage this item before resolving it: confirm its priority and owner first.",
        },
      ],
    });
  });

  it("keeps no-op plans (already assigned) so the selection stays whole", () => {
    const result = planBulk([item(1, { assigneeId: 5 }), item(2)], { type: "assign", assigneeId: 5 }, actor, now);
    expect(result).toMatchObject({
      ok: true,
      plans: [
        { id: 1, changes: {} },
        { id: 2, changes: { assigneeId: 5 } },
      ],
    });
  });

  it.each([
    ["an invalid command, once", [item(1), item(2)], { ...resolve, resolutionNote: " " }, "Write a resolution note"],
    ["an empty selection", [], resolve, "Select at least one item."],
    ["an item selected twice", [item(1), item(2), item(1)], resolve, "Feedback 1 is selected twice."],
    [
      "too many items",
      Array.from({ length: MAX_BULK_ITEMS + 1 }, (_, index) => item(index + 1)),
      resolve,
      "Select at most 1000 items at a time (1001 selected).",
    ],
  ])("throws INVALID_INPUT for %s", (_, items, command, message) => {
    expect(() => planBulk(items, command, actor, now)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    expect(() => planBulk(items, command, actor, now)).toThrow(message);
  });

  it("succeeds exactly when every item could be planned alone, and then with the same plans", () => {
    const state = fc.record({
      id: fc.integer({ min: 1, max: 1000 }),
      status: fc.constantFrom(...FEEDBACK_STATUSES),
    });
    fc.assert(
      fc.property(fc.uniqueArray(state, { selector: (s) => s.id, minLength: 1, maxLength: 20 }), (rows) => {
        const items = rows.map(({ id, status }) => item(id, { status }));
        const alone = items.map((one) => {
          try {
            return planTransition(one, { type: "dismiss", reason: "duplicate" }, actor, now);
          } catch (error) {
            if (error instanceof AppError) return null;
            throw error;
          }
        });
        const result = planBulk(items, { type: "dismiss", reason: "duplicate" }, actor, now);
        if (alone.every((plan) => plan !== null)) {
          expect(result).toEqual({ ok: true, plans: alone });
        } else {
          expect(result.ok).toBe(false);
          if (!result.ok)
            expect(result.errors.map((e) => e.id)).toEqual(items.filter((_, i) => !alone[i]).map((i) => i.id));
        }
      }),
    );
  });
});

describe("bulkFailure", () => {
  it("names a single failing item", () => {
    const error = bulkFailure(
      [{ id: 2, code: "INVALID_STATE", message: "This item is already resolved." }],
      20,
      "resolve",
    );
    expect(error).toMatchObject({
      code: "INVALID_STATE",
      message:
        "1 of 20 items cannot be resolved, so none were changed — Feedback 2: This item is already resolved. " +
        "Deselect them and try again.",
    });
  });

  it("names the first three and counts the rest", () => {
    const errors = [1, 2, 3, 4, 5].map((id) => ({
      id,
      code: "INVALID_STATE" as const,
      message: "A resolved item cannot be reassigned; reopen it first.",
    }));
    const { message } = bulkFailure(errors, 8, "assign");
    expect(message).toMatch(/^5 of 8 items cannot be reassigned, so none were changed — Feedback 1: /);
    expect(message).toContain("Feedback 3: A resolved item cannot be reassigned; reopen it first. …and 2 more.");
    expect(message).not.toContain("Feedback 4");
  });
});
