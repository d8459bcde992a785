import { z } from "zod";
import { CHANNELS, KPIS, TARGET_SCOPES, type TargetScope } from "../enums";
import { normaliseTargetValue, targetValueProblem } from "./values";

/** Ids are PostgreSQL `integer`s: a larger one would fail in the query instead of here. */
const MAX_ID = 2_147_483_647;

const id = (what: string) => {
  const message = `A ${what} id is a whole number from 1 to ${MAX_ID}.`;
  return z.number({ error: message }).int(message).min(1, message).max(MAX_ID, message);
};

const calendarDate = (what: string) =>
  z.iso.date({ error: `Enter the ${what} as a real calendar date, YYYY-MM-DD (e.g. 2025-01-31).` });
const isCalendarDate = (value: unknown) => z.iso.date().safeParse(value).success;

/** The column each scope names; every other scope column must be empty. */
export const SCOPE_FIELD = { segment: "segmentId", stage: "stageId", channel: "channel" } as const;
type ScopeField = (typeof SCOPE_FIELD)[keyof typeof SCOPE_FIELD];
const SCOPE_BY_FIELD: Record<ScopeField, TargetScope> = { segmentId: "segment", stageId: "stage", channel: "channel" };
const CHOOSE: Record<ScopeField, string> = {
  segmentId: "Choose the segment this target is for.",
  stageId: "Choose the journey stage this target is for.",
  channel: "Choose the channel this target is for.",
};

const targetFields = {
  kpi: z.enum(KPIS, { error: `Choose a KPI: ${KPIS.join(", ")}.` }),
  scope: z.enum(TARGET_SCOPES, { error: `Choose what the target covers: ${TARGET_SCOPES.join(", ")}.` }),
  segmentId: id("segment").nullish(),
  stageId: id("journey stage").nullish(),
  channel: z.enum(CHANNELS, { error: `Choose a channel: ${CHANNELS.join(", ")}.` }).nullish(),
  targetValue: z.string({ error: "Enter the target value, e.g. 35." }).trim(),
  periodStart: calendarDate("start of the period"),
  periodEnd: calendarDate("end of the period"),
  reviewDate: calendarDate("review date"),
};

type TargetFields = z.output<z.ZodObject<typeof targetFields>>;

/** Scope "all" names no segment, stage or channel; the others name exactly their own one. */
function checkScopeShape(target: TargetFields, ctx: z.RefinementCtx): void {
  const wanted = target.scope === "all" ? null : SCOPE_FIELD[target.scope];
  for (const field of Object.values(SCOPE_FIELD)) {
    const given = target[field] !== null && target[field] !== undefined;
    if (field === wanted && !given) ctx.addIssue({ code: "custom", path: [field], message: CHOOSE[field] });
    if (field === wanted || !given) continue;
    const change = `remove ${field}, or set scope to "${SCOPE_BY_FIELD[field]}"`;
    const message =
      wanted === null
        ? `A target for all customers names no segment, stage or channel; ${change}.`
        : `A ${target.scope} target names only its ${target.scope} (${wanted}); ${change}.`;
    ctx.addIssue({ code: "custom", path: [field], message });
  }
}

/**
 * The rules across fields:
 * - the scope shape (the table's CHECK, with a message): see {@link checkScopeShape};
 * - the value is in the KPI's range (./values.ts);
 * - periodStart ≤ periodEnd (both days included);
 * - reviewDate is after periodStart. It may fall after periodEnd (a year's target reviewed in
 *   January of the next year), but not on or before the start: the KPI engine draws the glide path
 *   from the period start to the review date, so that span must not be empty.
 */
function checkTarget(target: TargetFields, ctx: z.RefinementCtx): void {
  // zod runs this even when a field failed above; that field already has its message
  if (TARGET_SCOPES.includes(target.scope)) checkScopeShape(target, ctx);
  if (KPIS.includes(target.kpi) && typeof target.targetValue === "string") {
    const problem = targetValueProblem(target.kpi, target.targetValue);
    if (problem) ctx.addIssue({ code: "custom", path: ["targetValue"], message: problem });
  }
  if (!isCalendarDate(target.periodStart)) return;
  if (isCalendarDate(target.periodEnd) && target.periodEnd < target.periodStart) {
    const message = `The period ends (${target.periodEnd}) before it starts (${target.periodStart}); swap the dates.`;
    ctx.addIssue({ code: "custom", path: ["periodEnd"], message });
  }
  if (isCalendarDate(target.reviewDate) && target.reviewDate <= target.periodStart) {
    const message = `Set the review date after the period starts (${target.periodStart}); progress is reviewed from the start on.`;
    ctx.addIssue({ code: "custom", path: ["reviewDate"], message });
  }
}

/** The columns as stored: unused scope columns null, the value as numeric(14, 2) text. */
function toTarget<T extends TargetFields>(target: T) {
  return {
    ...target,
    segmentId: target.segmentId ?? null,
    stageId: target.stageId ?? null,
    channel: target.channel ?? null,
    targetValue: normaliseTargetValue(target.targetValue),
  };
}

/** A new KPI target; see {@link checkTarget} for the rules across fields. */
export const createTargetInput = z.object(targetFields).superRefine(checkTarget).transform(toTarget);
export type CreateTargetInput = z.input<typeof createTargetInput>;
/** A target's columns after validation, ready to store. */
export type TargetValues = Omit<z.output<typeof createTargetInput>, "id">;

/** Every field of target `id`, replaced; the same rules as {@link createTargetInput}. */
export const updateTargetInput = z
  .object({ id: id("target"), ...targetFields })
  .superRefine(checkTarget)
  .transform(toTarget);
export type UpdateTargetInput = z.output<typeof updateTargetInput>;

export const removeTargetInput = z.object({ id: id("target") });
export type RemoveTargetInput = z.output<typeof removeTargetInput>;
