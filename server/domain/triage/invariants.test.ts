import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { PRIORITIES } from "../enums";
import { DISMISS_REASONS, type TriageCommand } from "./commands";
import { type TriageState, applyPlan, planTransition } from "./plan";
import { DEFAULT_SLA_POLICY, slaDueAt } from "./sla";
import { canRunCommand, isOpenStatus } from "./status";
import { buildTriageState } from "./test-state";

const HOUR = 3_600_000;
const receivedAt = new Date("2024-06-03T09:00:00Z");

const id = fc.integer({ min: 1, max: 50 });
const ownerId = fc.option(id, { nil: null });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** setDueDate carries an offset in hours from the step's `now`: negative ones must be rejected. */
type GeneratedCommand = Exclude<TriageCommand, { type: "setDueDate" }> | { type: "setDueDate"; dueAt: number | null };

const commandArb: fc.Arbitrary<GeneratedCommand> = fc.oneof(
  fc.record({
    type: fc.constant("triage" as const),
    priority: maybe(fc.constantFrom(...PRIORITIES)),
    assigneeId: maybe(ownerId),
  }),
  fc.constant({ type: "start" as const }),
  fc.record({
    type: fc.constant("resolve" as const),
    resolutionNote: fc.constantFrom("Refunded", "  Called the customer back  ", "Replaced the part"),
    customerContacted: fc.boolean(),
  }),
  fc.record({
    type: fc.constant("dismiss" as const),
    reason: fc.constantFrom(...DISMISS_REASONS),
    note: maybe(fc.constantFrom("", " ", "Same as #12")),
  }),
  fc.constant({ type: "reopen" as const }),
  fc.record({ type: fc.constant("setPriority" as const), priority: fc.constantFrom(...PRIORITIES) }),
  fc.record({ type: fc.constant("assign" as const), assigneeId: ownerId, teamId: maybe(ownerId) }),
  fc.record({
    type: fc.constant("setDueDate" as const),
    dueAt: fc.option(fc.integer({ min: -48, max: 400 }), { nil: null }),
  }),
);

/** The command with its due-date offset turned into a date. */
function atTime(command: GeneratedCommand, now: Date): TriageCommand {
  if (command.type !== "setDueDate") return command;
  return { type: "setDueDate", dueAt: command.dueAt === null ? null : new Date(now.getTime() + command.dueAt * HOUR) };
}

const steps = fc.array(fc.record({ command: commandArb, minutesLater: fc.integer({ min: 0, max: 3 * 24 * 60 }) }), {
  maxLength: 40,
});

describe("any sequence of commands", () => {
  it("keeps the triage invariants", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PRIORITIES), steps, (priority, sequence) => {
        // as ingest opens it
        let state: TriageState = buildTriageState({
          receivedAt,
          priority,
          dueAt: slaDueAt(DEFAULT_SLA_POLICY, { status: "new", priority, receivedAt }),
        });
        let now = receivedAt;
        let everLeftNew = false;
        let customDue = false;

        for (const { command: raw, minutesLater } of sequence) {
          now = new Date(now.getTime() + minutesLater * 60_000);
          const command = atTime(raw, now);
          const before = state;
          let plan;
          try {
            plan = planTransition(state, command, { userId: 1 }, now);
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            const { code } = error as AppError;
            const pastDue = command.type === "setDueDate" && command.dueAt !== null && command.dueAt < now;
            // the command's own fields are checked before the item's status
            expect(code).toBe(pastDue ? "INVALID_INPUT" : "INVALID_STATE");
            if (!pastDue) expect(canRunCommand(state.status, command.type)).toBe(false);
            continue;
          }
          expect(canRunCommand(state.status, command.type)).toBe(true);
          state = applyPlan(state, plan);
          if (Object.keys(plan.changes).length === 0) expect(state).toEqual(before);

          if (state.status !== "new") everLeftNew = true;
          if (command.type === "setDueDate") customDue = command.dueAt !== null;
          if (command.type === "triage" || command.type === "reopen" || command.type === "setPriority")
            customDue = false;

          // the invariants
          expect(state.resolvedAt !== null).toBe(state.status === "resolved");
          expect(state.customerContacted !== null).toBe(state.status === "resolved");
          expect(state.dismissReason !== null).toBe(state.status === "dismissed");
          if (state.dismissReason !== null) expect(DISMISS_REASONS).toContain(state.dismissReason);
          expect(state.firstTriagedAt !== null).toBe(everLeftNew);
          if (everLeftNew) expect(state.status).not.toBe("new");
          if (state.status === "resolved") expect(state.resolutionNote?.trim()).toBeTruthy();
          if (isOpenStatus(state.status)) expect(state.resolutionNote).toBeNull();
          if (state.firstTriagedAt) expect(state.firstTriagedAt.getTime()).toBeGreaterThanOrEqual(receivedAt.getTime());
          if (state.resolvedAt && state.firstTriagedAt) {
            expect(state.resolvedAt.getTime()).toBeGreaterThanOrEqual(state.firstTriagedAt.getTime());
          }
          // due dates: the SLA's unless a custom one was set since; frozen on close
          if (state.status === "triaged" || state.status === "in_progress") expect(state.dueAt).not.toBeNull();
          if (isOpenStatus(state.status) && !customDue)
            expect(state.dueAt).toEqual(slaDueAt(DEFAULT_SLA_POLICY, state));
          if (!isOpenStatus(state.status) && isOpenStatus(before.status)) expect(state.dueAt).toEqual(before.dueAt);
        }
      }),
      { numRuns: 300 },
    );
  });
});
