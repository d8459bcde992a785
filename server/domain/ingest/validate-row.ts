import type { z } from "zod";
import { contentHashId, type ContentOccurrences } from "./content-hash";
import { customerInput, type CustomerInput } from "./customer-input";
import { parseDateValue } from "./dates";
import { feedbackInput, type FeedbackInput } from "./feedback-input";
import { DATE_FIELDS, type ImportEntity, type ResolvedMapping } from "./mapping";
import { orderInput, type OrderInput } from "./order-input";
import { decodeHtmlEntities, parseAmount, parseBoolean, parseScore } from "./values";

/** One problem of one cell: the row (header = 1, as spreadsheets number them), the column header, what is wrong. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

export type ImportRecord = FeedbackInput | CustomerInput | OrderInput;
export type RowResult<T = ImportRecord> = { ok: true; value: T } | { ok: false; errors: RowError[] };

const SCHEMAS: Record<ImportEntity, z.ZodType> = {
  feedback: feedbackInput,
  customer: customerInput,
  order: orderInput,
};
const TEXT_FIELDS = new Set(["text", "title", "customerName", "name"]);
const ALL_ROWS = "(all rows)";
// Placeholder while the row has no id column; replaced by the content hash once the row is valid.
const PENDING_ID = "pending-content-hash";

/**
 * Turns one CSV record into the entity's validated input, or lists every problem as
 * `{ row, column, message }`. Per mapped field: the cell is trimmed; blank → the field's constant
 * when the mapping has one, else null (a required field then says the cell is blank); a value map applies (exact text first, then
 * case-insensitive); HTML entities in text fields are decoded (unless turned off); dates are read
 * with the mapping's format and time zone; scores and amounts are read from text. Constants fill
 * fields without a column and blank cells. Feedback: a title is put before the text as its own paragraph.
 * Customer: "churned" yes/no sets the churn date from its column or the constant, an error when
 * neither exists. Order: a negative amount without a kind column becomes a refund when
 * `negativeAmountsAreRefunds`; otherwise a negative purchase is an error saying so. Rows without
 * an id column get contentHashId of their validated values; pass one ContentOccurrences per file
 * to keep identical rows apart (without it they share an id and import as one).
 */
export function validateRow(
  fields: readonly string[],
  row: number,
  resolved: ResolvedMapping,
  occurrences?: ContentOccurrences,
): RowResult {
  const { mapping, indexes, headers } = resolved;
  const errors: RowError[] = [];
  const raw: Record<string, unknown> = { ...mapping.constants };
  const columnOf = (field: string) => {
    const index = indexes[field];
    return index === undefined ? ALL_ROWS : (headers[index] ?? `column ${index + 1}`);
  };

  for (const [field, index] of Object.entries(indexes)) {
    if (index === undefined) continue;
    let cell: string | null = (fields[index] ?? "").trim();
    const map = mapping.valueMaps[field];
    if (map && cell !== "") cell = mapValue(map, cell);
    if (cell === "") {
      raw[field] = (mapping.constants as Record<string, unknown>)[field] ?? null;
      continue;
    }
    const parsed = readCell(field, cell, mapping);
    if ("error" in parsed) errors.push({ row, column: columnOf(field), message: parsed.error });
    else raw[field] = parsed.value;
  }

  if (mapping.entity === "feedback") joinTitle(raw);
  if (mapping.entity === "customer")
    applyChurned(raw, (message) => errors.push({ row, column: columnOf("churned"), message }));
  if (mapping.entity === "order") {
    const negative = typeof raw.amount === "string" && raw.amount.startsWith("-");
    if (negative && indexes.kind === undefined && mapping.negativeAmountsAreRefunds) raw.kind = "refund";
  }
  const hashed = indexes.externalId === undefined;
  if (hashed) raw.externalId = PENDING_ID;

  const result = SCHEMAS[mapping.entity].safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (errors.some((error) => error.column === columnOf(field))) continue; // already said why
      errors.push({ row, column: columnOf(field), message: explain(field, issue.message, raw, mapping.entity) });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const value = result.data as Record<string, unknown>;
  if (hashed) {
    const hash = contentHashId(mapping.entity, value);
    value.externalId = occurrences ? occurrences.idFor(hash) : hash;
  }
  return { ok: true, value: value as ImportRecord };
}

function mapValue(map: Record<string, string>, cell: string): string {
  if (Object.prototype.hasOwnProperty.call(map, cell)) return map[cell]!.trim();
  const lower = cell.toLowerCase();
  const key = Object.keys(map).find((k) => k.toLowerCase() === lower);
  return key === undefined ? cell : map[key]!.trim();
}

function readCell(
  field: string,
  cell: string,
  mapping: ResolvedMapping["mapping"],
): { value: unknown } | { error: string } {
  if (DATE_FIELDS.has(field)) return parseDateValue(cell, mapping.dateFormat, mapping.timeZone);
  if (field === "score") return parseScore(cell);
  if (field === "amount") return parseAmount(cell);
  if (field === "churned") return parseBoolean(cell);
  if (TEXT_FIELDS.has(field) && mapping.decodeHtmlEntities) return { value: decodeHtmlEntities(cell) };
  if (
    field === "metricKind" ||
    field === "source" ||
    field === "kind" ||
    field === "channel" ||
    field === "preferredChannel"
  ) {
    return { value: cell.toLowerCase() };
  }
  return { value: cell };
}

function joinTitle(raw: Record<string, unknown>): void {
  const title = typeof raw.title === "string" ? raw.title : null;
  const text = typeof raw.text === "string" ? raw.text : null;
  raw.text = title && text ? `${title}\n\n${text}` : (text ?? title);
  delete raw.title;
}

function applyChurned(raw: Record<string, unknown>, fail: (message: string) => void): void {
  if (!("churned" in raw)) return;
  const churned = raw.churned;
  delete raw.churned;
  if (churned === true && raw.churnedAt == null) {
    fail("The customer churned but the file gives no churn date; map a churn date column or choose one date.");
  } else if (churned === false) {
    raw.churnedAt = null;
  }
}

function explain(field: string, message: string, raw: Record<string, unknown>, entity: ImportEntity): string {
  if (entity === "order" && field === "amount" && raw.kind !== "refund" && String(raw.amount).startsWith("-")) {
    return `A purchase cannot be negative (${String(raw.amount)}); if negative amounts in this file are refunds, tick "negative amounts are refunds".`;
  }
  if (raw[field] === null) return `This cell is blank, but every ${entity} needs its ${FIELD_LABELS[field] ?? field}.`;
  return message;
}

const FIELD_LABELS: Record<string, string> = {
  externalId: "id",
  customerExternalId: "customer id",
  receivedAt: "date",
  orderedAt: "order date",
  amount: "amount",
  source: "source",
};
