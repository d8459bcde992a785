import type { Priority } from "@/server/domain/enums";

/** Whole hours, 1 to a year: the bounds sla.update accepts. */
export const MIN_SLA_HOURS = 1;
export const MAX_SLA_HOURS = 24 * 365;

export type SlaField = "firstResponseHours" | "resolutionHours";

export interface SlaTargets {
  firstResponseHours: number;
  resolutionHours: number;
}

/** One priority as sla.get returns it. */
export interface SlaPolicyRow extends SlaTargets {
  priority: Priority;
  isDefault: boolean;
  defaults: SlaTargets;
}

/** What the inputs hold: text, so a half-typed value stays on screen. */
export type SlaDraft = Record<Priority, Record<SlaField, string>>;

/**
 * Why a value cannot be saved; each is a message key under `settingsSla.problem`:
 * empty, not a whole number, below 1, above a year, resolution sooner than first response.
 */
export type SlaProblem = "required" | "whole" | "min" | "max" | "beforeFirstResponse";
export type SlaProblems = Partial<Record<Priority, Partial<Record<SlaField, SlaProblem>>>>;

export interface SlaUpdateRow extends SlaTargets {
  priority: Priority;
}

/** The inputs' starting text: the policy in force. */
export function slaDraftOf(rows: readonly SlaPolicyRow[]): SlaDraft {
  return Object.fromEntries(
    rows.map((row) => [
      row.priority,
      { firstResponseHours: String(row.firstResponseHours), resolutionHours: String(row.resolutionHours) },
    ]),
  ) as SlaDraft;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Hours typed in an input: a whole number from 1 to {@link MAX_SLA_HOURS}, or why not. */
export function parseSlaHours(text: string): { hours: number } | { problem: SlaProblem } {
  const trimmed = text.trim();
  if (trimmed === "") return { problem: "required" };
  if (!NUMBER.test(trimmed)) return { problem: "whole" };
  const value = Number(trimmed);
  if (!Number.isInteger(value)) return { problem: "whole" };
  if (value < MIN_SLA_HOURS) return { problem: "min" };
  if (value > MAX_SLA_HOURS) return { problem: "max" };
  return { hours: value };
}

/**
 * The draft checked as sla.update would: every value whole hours in range, and resolution at least
 * the first-response target (reported on the resolution field). `rows` are the valid priorities, in
 * the order of `priorities`; a priority with a problem is left out of them.
 */
export function checkSlaDraft(
  draft: SlaDraft,
  priorities: readonly Priority[],
): { rows: SlaUpdateRow[]; problems: SlaProblems } {
  const rows: SlaUpdateRow[] = [];
  const problems: SlaProblems = {};
  for (const priority of priorities) {
    const values = draft[priority];
    const first = parseSlaHours(values.firstResponseHours);
    const resolution = parseSlaHours(values.resolutionHours);
    const own: Partial<Record<SlaField, SlaProblem>> = {};
    if ("problem" in first) own.firstResponseHours = first.problem;
    if ("problem" in resolution) own.resolutionHours = resolution.problem;
    else if ("hours" in first && resolution.hours < first.hours) own.resolutionHours = "beforeFirstResponse";
    if (own.firstResponseHours || own.resolutionHours) {
      problems[priority] = own;
    } else if ("hours" in first && "hours" in resolution) {
      rows.push({ priority, firstResponseHours: first.hours, resolutionHours: resolution.hours });
    }
  }
  return { rows, problems };
}

/**
 * The rows that differ from the policy in force: sla.update replaces only the priorities it is
 * given, so an untouched priority keeps the default rather than becoming the workspace's own copy.
 */
export function changedSlaRows(rows: readonly SlaUpdateRow[], current: readonly SlaPolicyRow[]): SlaUpdateRow[] {
  return rows.filter((row) => {
    const now = current.find((c) => c.priority === row.priority);
    return !now || now.firstResponseHours !== row.firstResponseHours || now.resolutionHours !== row.resolutionHours;
  });
}

/** Whole days when `hours` is a multiple of 24 of at least a day, else null: "168 h" reads better as "7 days". */
export function slaDays(hours: number): number | null {
  return hours >= 24 && hours % 24 === 0 ? hours / 24 : null;
}
