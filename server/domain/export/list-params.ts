import type { z } from "zod";
import { listActionsInput, type ListActionsInput } from "../actions/queries";
import { listCustomersInput, type ListCustomersInput } from "../customers";
import { listFeedbackInput, type ListFeedbackInput } from "../feedback/list";
import { parseFeedbackSearchParams } from "../feedback/search-params";

/**
 * The URL parameters of a list's CSV export (`/api/export/<list>?…`), read into the very input its
 * tRPC `list` procedure validates — so an export holds exactly what the list shows. Unlike a page,
 * an export does not leave a bad value out: it refuses it and says why.
 */
export type ExportInput<T> = { ok: true; input: Omit<T, "cursor" | "limit"> } | { ok: false; error: string };

/** The lists that export to CSV. */
export const EXPORT_LISTS = ["feedback", "customers", "actions"] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

function validated<S extends z.ZodType>(schema: S, value: unknown): ExportInput<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, input: result.data };
  const issue = result.error.issues[0]!;
  return { ok: false, error: `${issue.path.join(".") || "filters"}: ${issue.message}` };
}

const YES = ["1", "true", "yes"];
const flag = (params: URLSearchParams, name: string) =>
  params.has(name) ? YES.includes(params.get(name)!.trim().toLowerCase()) : undefined;

/** A whole-number parameter, `none` as null when allowed; NaN (refused by the schema) for anything else. */
function idParam(params: URLSearchParams, name: string, allowNone = false): number | null | undefined {
  const value = params.get(name)?.trim();
  if (value === undefined || value === "") return undefined;
  if (allowNone && value.toLowerCase() === "none") return null;
  return /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
}

/** The inbox's own parameters (see parseFeedbackSearchParams): status, q, segment, stage, …, sort. */
export function feedbackExportInput(params: URLSearchParams): ExportInput<ListFeedbackInput> {
  const { filters, sort, errors } = parseFeedbackSearchParams(params);
  // the page's messages say what it shows instead ("Ignored …: why. Showing every status."); an export refuses
  if (errors.length > 0) {
    return { ok: false, error: errors.map((e) => e.replace(/^Ignored /, "").replace(/ Showing .*$/, "")).join(" ") };
  }
  return validated(listFeedbackInput, { ...filters, sort });
}

/** The customers list's `q` (search) and `segment` (an id, or `none`). */
export function customersExportInput(params: URLSearchParams): ExportInput<ListCustomersInput> {
  const segmentId = idParam(params, "segment", true);
  if (Number.isNaN(segmentId))
    return { ok: false, error: "segment: give a segment's id, or none for customers without one." };
  return validated(listCustomersInput, { search: params.get("q") ?? undefined, segmentId });
}

/** The action list's filters: `mine`, `status` (repeatable), `team`, `assignee`, `overdue`, `review`. */
export function actionsExportInput(params: URLSearchParams): ExportInput<ListActionsInput> {
  const statuses = params
    .getAll("status")
    .flatMap((value) => value.split(","))
    .map((value) => value.trim());
  return validated(listActionsInput, {
    mine: flag(params, "mine"),
    statuses: statuses.length > 0 ? statuses : undefined,
    teamId: idParam(params, "team"),
    assigneeId: idParam(params, "assignee"),
    overdue: flag(params, "overdue"),
    upForReview: flag(params, "review"),
  });
}

/** The export route of a list with the list's own URL parameters (a list page's query string). */
export function exportCsvHref(list: ExportList, query: URLSearchParams | string = ""): string {
  const text = query.toString().replace(/^\?/, "");
  return text ? `/api/export/${list}?${text}` : `/api/export/${list}`;
}
