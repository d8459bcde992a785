import type { CreateActionInput, UpdateActionInput } from "@/server/domain/actions/inputs";
import type { ActionField } from "@/server/domain/actions/workflow";
import type { Channel, Kpi } from "@/server/domain/enums";
import type { CreatePrefill } from "./actions-url";

/** The action form's state: every control's value as text, "" for not set. */
export interface ActionFormValues {
  title: string;
  description: string;
  ownerTeamId: string;
  assigneeId: string;
  dueDate: string;
  reviewDate: string;
  segmentId: string;
  stageId: string;
  channel: string;
  themeId: string;
  kpi: Kpi;
  target: string;
}
export type ActionFormField = keyof ActionFormValues;
/** Where a problem is shown: next to a field, or above the buttons ("form"). */
export type ActionFormErrors = Partial<Record<ActionFormField | "form", string>>;

/** Every field of the form, in its order: what a manager fills in for a new action. */
export const FORM_FIELDS: readonly ActionFormField[] = [
  "title",
  "description",
  "ownerTeamId",
  "assigneeId",
  "dueDate",
  "reviewDate",
  "segmentId",
  "stageId",
  "channel",
  "themeId",
  "kpi",
  "target",
];

/** The form's control for each column the server's permission rules name (editableFields). */
export const FIELD_OF_COLUMN: Readonly<Partial<Record<ActionField, ActionFormField>>> = {
  title: "title",
  description: "description",
  ownerTeamId: "ownerTeamId",
  assigneeId: "assigneeId",
  dueDate: "dueDate",
  reviewDate: "reviewDate",
  scopeSegmentId: "segmentId",
  scopeStageId: "stageId",
  scopeChannel: "channel",
  scopeThemeId: "themeId",
  kpi: "kpi",
  target: "target",
};

const text = (id: number | null | undefined) => (id === undefined || id === null ? "" : String(id));
const idOrNull = (value: string) => (value === "" ? null : Number(value));

/** "35.50" → "35.5", "40.00" → "40", "100" stays. */
function trimDecimals(value: string): string {
  return value.includes(".") ? value.replace(/0+$/, "").replace(/\.$/, "") : value;
}

/** A new action's form: empty, NPS as the KPI, the scope from the link that opened it. */
export function newActionFormValues(prefill: CreatePrefill): ActionFormValues {
  return {
    title: "",
    description: "",
    ownerTeamId: "",
    assigneeId: "",
    dueDate: "",
    reviewDate: "",
    segmentId: text(prefill.segmentId),
    stageId: text(prefill.stageId),
    channel: prefill.channel ?? "",
    themeId: text(prefill.themeId),
    kpi: "nps",
    target: "",
  };
}

/** An existing action's form. Numeric text loses trailing zeros ("35.00" → "35"), as a person writes it. */
export function actionFormValues(action: {
  title: string;
  description: string;
  ownerTeamId: number | null;
  assigneeId: number | null;
  dueDate: string | null;
  reviewDate: string | null;
  scopeSegmentId: number | null;
  scopeStageId: number | null;
  scopeChannel: Channel | null;
  scopeThemeId: number | null;
  kpi: Kpi;
  target: string | null;
}): ActionFormValues {
  return {
    title: action.title,
    description: action.description,
    ownerTeamId: text(action.ownerTeamId),
    assigneeId: text(action.assigneeId),
    dueDate: action.dueDate ?? "",
    reviewDate: action.reviewDate ?? "",
    segmentId: text(action.scopeSegmentId),
    stageId: text(action.scopeStageId),
    channel: action.scopeChannel ?? "",
    themeId: text(action.scopeThemeId),
    kpi: action.kpi,
    target: action.target === null ? "" : trimDecimals(action.target),
  };
}

/** The input createActionInput checks, from the form (empty = not set). */
export function toCreateInput(values: ActionFormValues, feedbackIds: readonly number[]): CreateActionInput {
  return {
    title: values.title,
    description: values.description,
    ownerTeamId: idOrNull(values.ownerTeamId),
    assigneeId: idOrNull(values.assigneeId),
    dueDate: values.dueDate || null,
    reviewDate: values.reviewDate || null,
    scope: {
      segmentId: idOrNull(values.segmentId),
      stageId: idOrNull(values.stageId),
      channel: (values.channel || null) as Channel | null,
      themeId: idOrNull(values.themeId),
    },
    kpi: values.kpi,
    target: values.target.trim() === "" ? null : values.target,
    feedbackIds: [...feedbackIds],
  };
}

/**
 * The edit sent to actions.update: only the fields this user may edit (the server's
 * `editableFields`), at the version on screen. The scope goes whole when its parts are editable;
 * a target goes with its KPI (the server checks the value against the KPI's range).
 */
export function toUpdateInput(
  values: ActionFormValues,
  action: { id: number; version: number },
  editable: ReadonlySet<ActionFormField>,
): UpdateActionInput {
  const input: UpdateActionInput = { id: action.id, version: action.version };
  if (editable.has("title")) input.title = values.title;
  if (editable.has("description")) input.description = values.description;
  if (editable.has("ownerTeamId")) input.ownerTeamId = idOrNull(values.ownerTeamId);
  if (editable.has("assigneeId")) input.assigneeId = idOrNull(values.assigneeId);
  if (editable.has("dueDate")) input.dueDate = values.dueDate || null;
  if (editable.has("reviewDate")) input.reviewDate = values.reviewDate || null;
  if (["segmentId", "stageId", "channel", "themeId"].every((f) => editable.has(f as ActionFormField))) {
    input.scope = toCreateInput(values, []).scope;
  }
  if (editable.has("kpi")) input.kpi = values.kpi;
  if (editable.has("target")) {
    input.kpi = values.kpi;
    input.target = values.target.trim() === "" ? null : values.target;
  }
  return input;
}

/** The form field a zod issue's path points at ("scope" → "stageId" → stageId); anything else is the form's. */
export function fieldOfIssue(path: readonly PropertyKey[]): ActionFormField | "form" {
  const last = String(path.at(-1) ?? "");
  return (FORM_FIELDS as readonly string[]).includes(last) ? (last as ActionFormField) : "form";
}

/** The first problem per field, from a zod error's issues. */
export function formErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): ActionFormErrors {
  const errors: ActionFormErrors = {};
  for (const issue of issues) errors[fieldOfIssue(issue.path)] ??= issue.message;
  return errors;
}
