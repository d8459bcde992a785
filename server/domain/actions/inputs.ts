import { z } from "zod";
import { ACTION_STATUSES, CHANNELS, type Channel, type Kpi, KPIS } from "../enums";
import { normaliseTargetValue, targetValueProblem } from "../targets/values";
import type { ActionField } from "./workflow";

/** Ids are PostgreSQL `integer`s: a larger one would fail in the query instead of here. */
const MAX_ID = 2_147_483_647;
export const MAX_ACTION_TITLE_LENGTH = 200;
export const MAX_ACTION_TEXT_LENGTH = 10_000;
/** How many feedback items one action may be created from (an inbox selection). */
export const MAX_ACTION_FEEDBACK = 1000;

const id = (what: string) => {
  const message = `A ${what} id is a whole number from 1 to ${MAX_ID}.`;
  return z.number({ error: message }).int(message).min(1, message).max(MAX_ID, message);
};

const calendarDate = (what: string) =>
  z.iso.date({ error: `Enter the ${what} as a real calendar date, YYYY-MM-DD (e.g. 2025-01-31).` });

const title = z
  .string({ error: "Give the action a title." })
  .trim()
  .min(1, "Give the action a title.")
  .max(
    MAX_ACTION_TITLE_LENGTH,
    `Keep the title under ${MAX_ACTION_TITLE_LENGTH} characters; put details in the description.`,
  );
const description = z
  .string()
  .trim()
  .max(MAX_ACTION_TEXT_LENGTH, `Keep the description under ${MAX_ACTION_TEXT_LENGTH} characters.`);
const kpi = z.enum(KPIS, { error: `Choose the KPI the action should move: ${KPIS.join(", ")}.` });
/** A KPI value (baseline or target) as a decimal string, on the KPI's scale; checked in {@link checkValues}. */
const kpiValue = z.string({ error: "Enter the value as a number, e.g. 35." }).trim();

/**
 * Where the action applies; every part optional, together they narrow (segment AND stage AND …).
 * Empty = every customer of the workspace, which leaves no comparison group for impact measurement.
 */
export const actionScopeInput = z.object({
  segmentId: id("segment").nullish(),
  stageId: id("journey stage").nullish(),
  channel: z.enum(CHANNELS, { error: `Choose a channel: ${CHANNELS.join(", ")}.` }).nullish(),
  themeId: id("theme").nullish(),
});
export type ActionScopeInput = z.input<typeof actionScopeInput>;

/** The scope as the action's columns, unused parts null. */
export interface ActionScopeColumns {
  scopeSegmentId: number | null;
  scopeStageId: number | null;
  scopeChannel: Channel | null;
  scopeThemeId: number | null;
}

export function actionScopeColumns(scope: z.output<typeof actionScopeInput>): ActionScopeColumns {
  return {
    scopeSegmentId: scope.segmentId ?? null,
    scopeStageId: scope.stageId ?? null,
    scopeChannel: scope.channel ?? null,
    scopeThemeId: scope.themeId ?? null,
  };
}

/** True when the scope names nothing: the action covers every customer. */
export function isWholeWorkspaceScope(scope: ActionScopeColumns): boolean {
  return Object.values(scope).every((part) => part === null);
}

/** Baseline and target must be on the KPI's scale (NPS −100…100, CSAT 0…100, …; see targets/values). */
function checkValues(
  values: { kpi?: Kpi; baseline?: string | null; target?: string | null },
  ctx: z.RefinementCtx,
): void {
  for (const field of ["baseline", "target"] as const) {
    const value = values[field];
    if (value === null || value === undefined) continue;
    if (values.kpi === undefined) {
      const message = `Send the KPI with its ${field} so the value can be checked against the KPI's range.`;
      ctx.addIssue({ code: "custom", path: ["kpi"], message });
      continue;
    }
    if (!KPIS.includes(values.kpi)) continue;
    const problem = targetValueProblem(values.kpi, value);
    if (problem) ctx.addIssue({ code: "custom", path: [field], message: problem.replace(/target/g, field) });
  }
}

const normalise = (value: string | null | undefined) =>
  value === null || value === undefined ? value : normaliseTargetValue(value);

/**
 * A new action. The baseline is not an input: the service computes it from the scope at creation
 * (so later data does not move it). `reviewDate` left out → the service uses
 * defaultActionReviewDate(creation day). `feedbackIds` links the inbox selection it was made from
 * (duplicates removed). Output: the action's columns (scope flattened, target as numeric(14, 2) text).
 */
export const createActionInput = z
  .object({
    title,
    description: description.default(""),
    ownerTeamId: id("team").nullish(),
    assigneeId: id("user").nullish(),
    dueDate: calendarDate("due date").nullish(),
    reviewDate: calendarDate("review date").nullish(),
    scope: actionScopeInput.default({}),
    kpi,
    target: kpiValue.nullish(),
    feedbackIds: z
      .array(id("feedback"))
      .max(MAX_ACTION_FEEDBACK, `Create an action from at most ${MAX_ACTION_FEEDBACK} feedback items at once.`)
      .default([]),
  })
  .superRefine(checkValues)
  .transform(({ scope, ...action }) => ({
    ...action,
    ownerTeamId: action.ownerTeamId ?? null,
    assigneeId: action.assigneeId ?? null,
    dueDate: action.dueDate ?? null,
    reviewDate: action.reviewDate ?? null,
    ...actionScopeColumns(scope),
    target: normalise(action.target) ?? null,
    feedbackIds: [...new Set(action.feedbackIds)],
  }));
export type CreateActionInput = z.input<typeof createActionInput>;
export type CreateActionValues = z.output<typeof createActionInput>;

/**
 * Edits to action `id` at `version` (optimistic concurrency: the service refuses a stale version).
 * Only the fields sent change; null clears an optional one. `scope`, when sent, replaces the whole
 * scope. A baseline or target must come with its KPI so its range can be checked.
 */
export const updateActionInput = z
  .object({
    id: id("action"),
    version: z.number().int().min(1),
    title: title.optional(),
    description: description.optional(),
    ownerTeamId: id("team").nullish(),
    assigneeId: id("user").nullish(),
    dueDate: calendarDate("due date").nullish(),
    reviewDate: calendarDate("review date").nullish(),
    scope: actionScopeInput.optional(),
    kpi: kpi.optional(),
    baseline: kpiValue.nullish(),
    target: kpiValue.nullish(),
  })
  .superRefine(checkValues)
  .transform(({ id: actionId, version, scope, ...fields }) => {
    const values: Partial<Record<ActionField, unknown>> = {};
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      values[key as ActionField] = key === "baseline" || key === "target" ? normalise(value as string | null) : value;
    }
    return {
      id: actionId,
      version,
      values: { ...values, ...(scope ? actionScopeColumns(scope) : {}) } as ActionValues,
    };
  });
export type UpdateActionInput = z.input<typeof updateActionInput>;

/** An action's editable columns as stored (dates YYYY-MM-DD, numerics as numeric(14, 2) text). */
export interface ActionColumns extends ActionScopeColumns {
  title: string;
  description: string;
  ownerTeamId: number | null;
  assigneeId: number | null;
  dueDate: string | null;
  reviewDate: string | null;
  kpi: Kpi;
  baseline: string | null;
  target: string | null;
}
export type ActionValues = Partial<ActionColumns>;

/**
 * The fields of `update` whose value differs from `current`: what the permission check
 * (actionEditProblem) and the audit record look at. Numerics compare as numbers ("35" = "35.00").
 */
export function changedActionFields(current: ActionColumns, update: ActionValues): ActionField[] {
  const changed: ActionField[] = [];
  for (const [key, value] of Object.entries(update) as [ActionField, unknown][]) {
    if (value === undefined) continue;
    const before = current[key];
    const same =
      (key === "baseline" || key === "target") && typeof value === "string" && typeof before === "string"
        ? Number(value) === Number(before)
        : value === before;
    if (!same) changed.push(key);
  }
  return changed;
}

/** Move action `id` to `status`; a drop needs a reason, any move may carry a note for the history. */
export const setActionStatusInput = z
  .object({
    id: id("action"),
    version: z.number().int().min(1).optional(),
    status: z.enum(ACTION_STATUSES, { error: `Choose a status: ${ACTION_STATUSES.join(", ")}.` }),
    reason: z.string().trim().max(MAX_ACTION_TEXT_LENGTH).nullish(),
    note: z.string().trim().max(MAX_ACTION_TEXT_LENGTH).nullish(),
  })
  .superRefine((input, ctx) => {
    if (input.status === "dropped" && !input.reason) {
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: "Say why the action is dropped; the reason is kept with it.",
      });
    }
  });
export type SetActionStatusInput = z.output<typeof setActionStatusInput>;

export const addActionCommentInput = z.object({
  actionId: id("action"),
  body: z
    .string({ error: "Write a comment." })
    .trim()
    .min(1, "Write a comment.")
    .max(MAX_ACTION_TEXT_LENGTH, `Keep a comment under ${MAX_ACTION_TEXT_LENGTH} characters.`),
});
export type AddActionCommentInput = z.output<typeof addActionCommentInput>;
