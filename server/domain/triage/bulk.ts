import { AppError, type AppErrorCode } from "../../errors";
import { type TriageCommand, type TriageCommandType, validateCommand } from "./commands";
import { type TriageActor, type TriagePlan, type TriageState, assertPlanContext, planTransition } from "./plan";
import { DEFAULT_SLA_POLICY, type SlaPolicy } from "./sla";

/** The most items one bulk command may touch: one inbox page of selections, one short transaction. */
export const MAX_BULK_ITEMS = 1000;

export interface BulkItemError {
  id: number;
  code: AppErrorCode;
  message: string;
}

export type BulkPlanResult = { ok: true; plans: TriagePlan[] } | { ok: false; errors: BulkItemError[] };

/**
 * Plans one command on many items, for an all-or-nothing write in one transaction.
 *
 * The command itself, the actor and `now` are checked once: a problem there (a blank resolution
 * note…) is the same for every item, so it throws INVALID_INPUT instead of repeating per item. So do
 * an empty selection, more than MAX_BULK_ITEMS items, and an item listed twice (its second plan
 * would be computed on a stale state). Then every item is planned with planTransition:
 * - all legal → `{ ok: true, plans }` in the order given (a plan with no changes is a no-op to skip);
 * - any illegal → `{ ok: false, errors }`, one per failing item in the order given, and no plans.
 */
export function planBulk(
  items: readonly TriageState[],
  command: TriageCommand,
  actor: TriageActor,
  now: Date,
  policy: SlaPolicy = DEFAULT_SLA_POLICY,
): BulkPlanResult {
  if (items.length === 0) throw new AppError("INVALID_INPUT", "Select at least one item.");
  if (items.length > MAX_BULK_ITEMS) {
    throw new AppError("INVALID_INPUT", `Select at most ${MAX_BULK_ITEMS} items at a time (${items.length} selected).`);
  }
  const seen = new Set<number>();
  for (const item of items) {
    if (seen.has(item.id)) throw new AppError("INVALID_INPUT", `Feedback ${item.id} is selected twice.`);
    seen.add(item.id);
  }
  assertPlanContext(actor, now);
  const valid = validateCommand(command, now);

  const plans: TriagePlan[] = [];
  const errors: BulkItemError[] = [];
  for (const item of items) {
    try {
      plans.push(planTransition(item, valid, actor, now, policy));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors.push({ id: item.id, code: error.code, message: error.message });
    }
  }
  return errors.length === 0 ? { ok: true, plans } : { ok: false, errors };
}

const BULK_VERBS: Record<TriageCommandType, string> = {
  triage: "triaged",
  start: "started",
  resolve: "resolved",
  dismiss: "dismissed",
  reopen: "reopened",
  setPriority: "re-prioritised",
  assign: "reassigned",
  setDueDate: "given this due date",
};

/** How many failing items bulkFailure names before summarising the rest. */
const LISTED_ERRORS = 3;

/**
 * One AppError for a failed bulk plan, for the service to throw (nothing was written):
 * "2 of 20 items cannot be resolved — Feedback 4: A dismissed item cannot be resolved; reopen it
 * first. … Deselect them and try again." Names the first three failures and counts the rest.
 * Code INVALID_STATE unless every failure shares another code.
 */
export function bulkFailure(errors: readonly BulkItemError[], total: number, command: TriageCommandType): AppError {
  const listed = errors.slice(0, LISTED_ERRORS).map((error) => `Feedback ${error.id}: ${error.message}`);
  const more = errors.length - listed.length;
  const codes = new Set(errors.map((error) => error.code));
  const [onlyCode] = codes;
  const code: AppErrorCode = codes.size === 1 && onlyCode !== undefined ? onlyCode : "INVALID_STATE";
  const count = errors.length === 1 ? `1 of ${total} items cannot be` : `${errors.length} of ${total} items cannot be`;
  const rest = more > 0 ? ` …and ${more} more.` : "";
  return new AppError(
    code,
    `${count} ${BULK_VERBS[command]}, so none were changed — ${listed.join(" ")}${rest} Deselect them and try again.`,
  );
}
