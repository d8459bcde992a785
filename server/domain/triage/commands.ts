import { z } from "zod";
import { AppError } from "../../errors";
import { PRIORITIES } from "../enums";

/**
 * The commands a CX manager runs on a feedback item, one shape for the form, the router (zod) and
 * the domain planner. Status commands move the item along the workflow (see status.ts); edit
 * commands change who owns it, how urgent it is or when it is due.
 */

/** Why an item leaves the inbox without a resolution. Stored as the code in feedback.dismiss_reason. */
export const DISMISS_REASONS = ["spam", "duplicate", "not_actionable"] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

export const DISMISS_REASON_LABELS: Record<DismissReason, string> = {
  spam: "Spam or unrelated",
  duplicate: "Duplicate of another item",
  not_actionable: "Not actionable",
};

export const RESOLUTION_NOTE_MAX_LENGTH = 2000;
export const DISMISS_NOTE_MAX_LENGTH = 500;

/** Ids are PostgreSQL `integer`s: a larger one would fail in the query instead of here. */
const MAX_ID = 2_147_483_647;

const id = (what: string) => {
  const message = `A ${what} id is a whole number from 1 to ${MAX_ID}.`;
  return z.number({ error: message }).int(message).min(1, message).max(MAX_ID, message);
};

const priority = z.enum(PRIORITIES, { error: `A priority is one of ${PRIORITIES.join(", ")}.` });
/** `undefined` leaves the owner as it is, `null` clears it. */
const assigneeId = id("user").nullable().optional();
const teamId = id("team").nullable().optional();

const triageCommand = z.object({
  type: z.literal("triage"),
  /** Optionally confirm or change the priority and owner in the same step. */
  priority: priority.optional(),
  assigneeId,
  teamId,
});

const startCommand = z.object({ type: z.literal("start") });

const resolveCommand = z.object({
  type: z.literal("resolve"),
  resolutionNote: z
    .string({ error: "Write a resolution note: what was done for this customer." })
    .trim()
    .min(1, "Write a resolution note: what was done for this customer.")
    .max(RESOLUTION_NOTE_MAX_LENGTH, `Keep the resolution note under ${RESOLUTION_NOTE_MAX_LENGTH} characters.`),
  customerContacted: z.boolean({ error: "Say whether the customer was contacted about this resolution." }),
});

const dismissCommand = z.object({
  type: z.literal("dismiss"),
  reason: z.enum(DISMISS_REASONS, {
    error: `Choose why this item is dismissed: ${DISMISS_REASONS.map((r) => DISMISS_REASON_LABELS[r]).join(", ")}.`,
  }),
  /** Optional free text, e.g. "Same as #4127"; blank counts as no note. */
  note: z
    .string()
    .trim()
    .max(DISMISS_NOTE_MAX_LENGTH, `Keep the dismissal note under ${DISMISS_NOTE_MAX_LENGTH} characters.`)
    .optional(),
});

const reopenCommand = z.object({ type: z.literal("reopen") });

const setPriorityCommand = z.object({ type: z.literal("setPriority"), priority });

const assignCommand = z
  .object({ type: z.literal("assign"), assigneeId, teamId })
  .refine((command) => command.assigneeId !== undefined || command.teamId !== undefined, {
    error: "Choose a person or a team to assign this item to (or clear the current owner).",
  });

const setDueDateCommand = z.object({
  type: z.literal("setDueDate"),
  /** A custom due date, or `null` to go back to the date the SLA policy gives. */
  dueAt: z.date({ error: "Pick a valid due date and time." }).nullable(),
});

/** The zod input for one triage command; routers wrap it with the item id and version. */
export const triageCommandInput = z.discriminatedUnion(
  "type",
  [
    triageCommand,
    startCommand,
    resolveCommand,
    dismissCommand,
    reopenCommand,
    setPriorityCommand,
    assignCommand,
    setDueDateCommand,
  ],
  {
    error: "Unknown triage command; use triage, start, resolve, dismiss, reopen, setPriority, assign or setDueDate.",
  },
);

export type TriageCommand = z.output<typeof triageCommandInput>;
export type TriageCommandType = TriageCommand["type"];

export const STATUS_COMMAND_TYPES = ["triage", "start", "resolve", "dismiss", "reopen"] as const;
export type StatusCommandType = (typeof STATUS_COMMAND_TYPES)[number];
export const EDIT_COMMAND_TYPES = ["setPriority", "assign", "setDueDate"] as const;
export type EditCommandType = (typeof EDIT_COMMAND_TYPES)[number];
export const TRIAGE_COMMAND_TYPES: readonly TriageCommandType[] = [...STATUS_COMMAND_TYPES, ...EDIT_COMMAND_TYPES];

export function isStatusCommandType(type: TriageCommandType): type is StatusCommandType {
  return (STATUS_COMMAND_TYPES as readonly string[]).includes(type);
}

/**
 * Checks a command's own fields, independent of any item, and returns it normalised (notes
 * trimmed, a blank dismissal note dropped). Throws INVALID_INPUT with the first problem:
 * a blank resolution note, a missing `customerContacted`, an unknown dismissal reason or priority,
 * a bad id, or a custom due date before `now` (due exactly `now` is allowed — it is simply due).
 */
export function validateCommand(command: unknown, now: Date): TriageCommand {
  const parsed = triageCommandInput.safeParse(command);
  if (!parsed.success) {
    throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? "This triage command is not valid.");
  }
  const valid = parsed.data;
  if (valid.type === "dismiss" && valid.note === "") return { type: "dismiss", reason: valid.reason };
  if (valid.type === "setDueDate" && valid.dueAt !== null && valid.dueAt.getTime() < now.getTime()) {
    throw new AppError("INVALID_INPUT", "The due date is in the past; pick a time from now on.");
  }
  return valid;
}
