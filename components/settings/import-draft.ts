import { CHANNELS, FEEDBACK_SOURCES, METRIC_KINDS, ORDER_KINDS } from "@/server/domain/enums";
import type { DateFormat } from "@/server/domain/ingest/dates";
import type { ImportEncoding } from "@/server/domain/ingest/encoding";
import type { MappingSuggestion } from "@/server/domain/ingest/import-preview";
import {
  IMPORT_FIELDS,
  requiredMappingProblems,
  type columnMappingInput,
  type ImportEntity,
} from "@/server/domain/ingest/mapping";
import { parseBoolean, parseScore } from "@/server/domain/ingest/values";
import type { z } from "zod";

/**
 * The import page's editable mapping (Settings → Import): a field per file column, constants,
 * value maps, date format, time zone and the two switches — and its conversions from a suggestion
 * or a saved mapping and to the columnMappingInput the server checks. Pure.
 */

export type MappingInput = z.input<typeof columnMappingInput>;
export type ConstantField =
  "source" | "channel" | "metricKind" | "kind" | "currency" | "receivedAt" | "orderedAt" | "churnedAt";

export interface ImportDraft {
  entity: ImportEntity;
  /** Field per column header; a column without one is not imported. */
  fields: Record<string, string>;
  /** Text as typed or chosen; "" is unset. Dates as YYYY-MM-DD. */
  constants: Partial<Record<ConstantField, string>>;
  /** Per field, file value → value to read instead; "" entries are ignored. */
  valueMaps: Record<string, Record<string, string>>;
  dateFormat: DateFormat;
  timeZone: string;
  negativeAmountsAreRefunds: boolean;
  decodeHtmlEntities: boolean;
}

/** The encoding choice: detect, or one the user names. */
export type EncodingChoice = ImportEncoding | "auto";

/** Constants each entity offers, in the order the page shows them. */
export const CONSTANT_FIELDS: Record<ImportEntity, readonly ConstantField[]> = {
  feedback: ["source", "channel", "metricKind", "receivedAt"],
  customer: ["churnedAt"],
  order: ["kind", "currency", "channel", "orderedAt"],
};

/** The closed choices of a constant or a value map target; absent: free text (or a date). */
export const FIELD_CHOICES: Partial<Record<string, readonly string[]>> = {
  source: FEEDBACK_SOURCES,
  channel: CHANNELS,
  preferredChannel: CHANNELS,
  metricKind: METRIC_KINDS,
  kind: ORDER_KINDS,
  churned: ["yes", "no"],
};

/** Fields whose file values the page offers to translate ("Month-to-month" → a segment, "Very satisfied" → 5). */
export const VALUE_MAP_FIELDS: Record<ImportEntity, readonly string[]> = {
  feedback: ["source", "channel", "metricKind", "score"],
  customer: ["segment", "preferredChannel", "churned"],
  order: ["kind", "channel", "currency"],
};

const DATE_CONSTANTS = new Set<ConstantField>(["receivedAt", "orderedAt", "churnedAt"]);

export function isDateConstant(field: ConstantField): boolean {
  return DATE_CONSTANTS.has(field);
}

/** A first draft for a file: the server's suggestion, UTC, HTML entities decoded. */
export function draftFromSuggestion(entity: ImportEntity, suggestion: MappingSuggestion): ImportDraft {
  const fields: Record<string, string> = {};
  for (const [field, header] of Object.entries(suggestion.columns)) if (header !== undefined) fields[header] = field;
  return {
    entity,
    fields,
    constants: { ...suggestion.constants },
    valueMaps: {},
    dateFormat: suggestion.dateFormat,
    timeZone: "UTC",
    negativeAmountsAreRefunds: false,
    decodeHtmlEntities: true,
  };
}

/**
 * A saved mapping applied to this file's header: its settings, and the columns the file has;
 * `missing` lists the saved columns it lacks (those fields stay unmapped).
 */
export function draftFromMapping(
  saved: MappingInput,
  header: readonly string[],
): { draft: ImportDraft; missing: string[] } {
  const fields: Record<string, string> = {};
  const missing: string[] = [];
  for (const [field, column] of Object.entries(saved.columns)) {
    if (header.includes(column)) fields[column] = field;
    else missing.push(column);
  }
  const constants: ImportDraft["constants"] = {};
  for (const [field, value] of Object.entries(saved.constants ?? {})) {
    if (typeof value !== "string") continue;
    constants[field as ConstantField] = DATE_CONSTANTS.has(field as ConstantField) ? value.slice(0, 10) : value;
  }
  return {
    draft: {
      entity: saved.entity,
      fields,
      constants,
      valueMaps: structuredClone(saved.valueMaps ?? {}),
      dateFormat: saved.dateFormat ?? "iso",
      timeZone: saved.timeZone ?? "UTC",
      negativeAmountsAreRefunds: saved.negativeAmountsAreRefunds ?? false,
      decodeHtmlEntities: saved.decodeHtmlEntities ?? true,
    },
    missing,
  };
}

/** Maps `header` to `field` (or to nothing with ""); a field belongs to one column, so another column holding it lets go. */
export function assignField(draft: ImportDraft, header: string, field: string): ImportDraft {
  const fields: Record<string, string> = {};
  for (const [column, current] of Object.entries(draft.fields))
    if (current !== field && column !== header) fields[column] = current;
  if (field !== "") fields[header] = field;
  return { ...draft, fields };
}

/** The column mapped to `field`, if any. */
export function columnOf(draft: ImportDraft, field: string): string | undefined {
  return Object.entries(draft.fields).find(([, f]) => f === field)?.[0];
}

/**
 * The draft as the server's columnMappingInput: field → column for the entity's fields, constants
 * that are set (dates at UTC midnight), value maps of mapped fields without blank targets.
 */
export function mappingOfDraft(draft: ImportDraft): MappingInput {
  const known = new Set<string>(IMPORT_FIELDS[draft.entity]);
  const columns: Record<string, string> = {};
  for (const [column, field] of Object.entries(draft.fields)) if (known.has(field)) columns[field] = column;
  const constants: Record<string, string> = {};
  for (const field of CONSTANT_FIELDS[draft.entity]) {
    const value = draft.constants[field]?.trim();
    if (!value) continue;
    constants[field] = DATE_CONSTANTS.has(field)
      ? `${value}T00:00:00Z`
      : field === "currency"
        ? value.toUpperCase()
        : value;
  }
  const valueMaps: Record<string, Record<string, string>> = {};
  for (const [field, map] of Object.entries(draft.valueMaps)) {
    if (columns[field] === undefined) continue;
    const entries = Object.entries(map).filter(([, to]) => to.trim() !== "");
    if (entries.length > 0) valueMaps[field] = Object.fromEntries(entries);
  }
  return {
    entity: draft.entity,
    columns,
    constants: constants as MappingInput["constants"],
    valueMaps,
    dateFormat: draft.dateFormat,
    timeZone: draft.timeZone.trim() || "UTC",
    negativeAmountsAreRefunds: draft.negativeAmountsAreRefunds,
    decodeHtmlEntities: draft.decodeHtmlEntities,
  };
}

/** What the draft still lacks before it can be checked (the server's own rule: requiredMappingProblems). */
export function draftProblems(draft: ImportDraft): string[] {
  const mapping = mappingOfDraft(draft);
  return requiredMappingProblems({
    entity: mapping.entity,
    columns: mapping.columns,
    constants: mapping.constants ?? {},
  }).map((problem) => problem.message);
}

/**
 * Whether a value of the file would not read as `field` without a translation: an unknown choice
 * (any case), a score that is not a whole number, a churned flag that is not yes/no, an unknown
 * segment, a currency that is not a 3-letter code. The page lists only those values to translate.
 */
export function needsTranslation(field: string, value: string, segmentNames: readonly string[] = []): boolean {
  const text = value.trim();
  const lower = text.toLowerCase();
  if (field === "score") return "error" in parseScore(text);
  if (field === "churned") return "error" in parseBoolean(text);
  if (field === "segment") return !segmentNames.some((name) => name.toLowerCase() === lower);
  if (field === "currency") return !/^[A-Za-z]{3}$/.test(text);
  const choices = FIELD_CHOICES[field];
  return choices ? !choices.includes(lower) : false;
}
