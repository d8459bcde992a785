import { z } from "zod";
import { CHANNELS, FEEDBACK_SOURCES, METRIC_KINDS, ORDER_KINDS } from "../enums";
import { DATE_FORMATS } from "./dates";
import { isoTimestampSchema } from "./fields";
import { isKnownTimeZone } from "./timestamps";
import { normaliseHeader } from "./values";

/** What a CSV import creates, and the fields a column can be mapped to for each. */
export const IMPORT_ENTITIES = ["feedback", "customer", "order"] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export const IMPORT_FIELDS = {
  feedback: [
    "externalId",
    "customerExternalId",
    "customerEmail",
    "customerName",
    "source",
    "channel",
    "metricKind",
    "score",
    "title",
    "text",
    "language",
    "receivedAt",
  ],
  customer: [
    "externalId",
    "name",
    "email",
    "segment",
    "region",
    "preferredChannel",
    "createdAt",
    "churnedAt",
    "churned",
  ],
  order: ["externalId", "customerExternalId", "kind", "amount", "currency", "orderedAt", "channel"],
} as const satisfies Record<ImportEntity, readonly string[]>;
export type ImportField = (typeof IMPORT_FIELDS)[ImportEntity][number];

/** Date-valued fields, read with the mapping's date format and time zone. */
export const DATE_FIELDS = new Set<string>(["receivedAt", "createdAt", "churnedAt", "orderedAt"]);

/** Normalised header names (values.ts normaliseHeader) that suggest each field, per entity. */
const SYNONYMS: Record<ImportEntity, Partial<Record<ImportField, string[]>>> = {
  feedback: {
    externalId: ["id", "external id", "feedback id", "response id", "review id", "tweet id", "ticket id", "record id"],
    customerExternalId: [
      "customer id",
      "customer external id",
      "client id",
      "user id",
      "account id",
      "customer unique id",
    ],
    customerEmail: ["email", "e mail", "customer email", "email address"],
    customerName: ["name", "customer name", "full name", "user name", "author"],
    source: ["source", "feedback source"],
    channel: ["channel"],
    metricKind: ["metric", "metric kind", "survey type"],
    score: ["score", "rating", "review score", "nps", "nps score", "csat", "csat score", "ces", "ces score", "stars"],
    title: ["title", "subject", "summary", "review title", "review comment title", "headline"],
    text: [
      "text",
      "review text",
      "review",
      "comment",
      "comments",
      "feedback",
      "message",
      "body",
      "verbatim",
      "review comment message",
      "answer",
    ],
    language: ["language", "lang", "locale"],
    receivedAt: [
      "received at",
      "created at",
      "created",
      "date",
      "timestamp",
      "submitted at",
      "review creation date",
      "tweet created",
      "datetime",
      "date created",
      "response date",
    ],
  },
  customer: {
    externalId: ["customer id", "id", "external id", "customer external id", "client id", "customer unique id"],
    name: ["name", "customer name", "full name"],
    email: ["email", "e mail", "email address", "customer email"],
    segment: ["segment", "customer segment", "contract", "plan", "tier"],
    region: ["region", "state", "customer state", "country"],
    preferredChannel: ["channel", "preferred channel"],
    createdAt: ["created at", "created", "signup date", "customer since", "joined at", "date created"],
    churnedAt: ["churned at", "churn date", "cancelled at", "canceled at"],
    churned: ["churn", "churned", "is churned"],
  },
  order: {
    externalId: ["order id", "id", "external id", "transaction id", "invoice id"],
    customerExternalId: ["customer id", "customer external id", "client id", "customer unique id"],
    kind: ["kind", "type", "order type", "transaction type"],
    amount: ["amount", "total", "value", "order value", "order products value", "price", "revenue", "order total"],
    currency: ["currency", "currency code"],
    orderedAt: [
      "ordered at",
      "order date",
      "purchase date",
      "order purchase timestamp",
      "created at",
      "date",
      "timestamp",
    ],
    channel: ["channel", "sales channel"],
  },
};

// A leading word naming the record ("review score", "tweet created") is noise for a second-pass match.
const RECORD_WORDS = /^(?:review|customer|order|tweet|feedback|response|survey|ticket|client) /;
// pandas writes its row index as an unnamed first column ("" or "Unnamed: 0").
const INDEX_HEADERS = new Set(["", "unnamed 0", "index"]);

/**
 * Suggests a field per column from its header: first exact matches of the normalised header
 * against the synonyms (SYNONYMS: "Customer ID", "customer_id" and "customerId" all read
 * "customer id"), then matches with a leading record word removed ("review_title" → "title"). Each
 * field takes the leftmost matching column, each column one field, the better match first. An
 * unnamed or "index" column is never suggested. Returns field → header.
 */
export function suggestColumns(headers: readonly string[], entity: ImportEntity): Partial<Record<ImportField, string>> {
  const synonyms = SYNONYMS[entity];
  const normalised = headers.map(normaliseHeader);
  const taken = new Set<number>();
  const columns: Partial<Record<ImportField, string>> = {};
  const passes = [(h: string) => h, (h: string) => h.replace(RECORD_WORDS, "")];
  for (const pass of passes) {
    for (const field of IMPORT_FIELDS[entity] as readonly ImportField[]) {
      if (columns[field] !== undefined) continue;
      const names = synonyms[field] ?? [];
      // earlier synonyms are stronger: "id" before "record id" does not matter, but per field the
      // first listed name that any column has wins, then the leftmost such column
      for (const name of names) {
        const index = normalised.findIndex((h, i) => !taken.has(i) && !INDEX_HEADERS.has(h) && pass(h) === name);
        if (index >= 0) {
          taken.add(index);
          columns[field] = headers[index]!;
          break;
        }
      }
    }
  }
  return columns;
}

/**
 * The metric kind a score column suggests: by its header (nps, csat/satisfaction, ces/effort), else
 * by the sample values' range: within 0–10 with a 0 or a value above 7 → nps, within 1–7 with a 6
 * or 7 → ces, within 1–5 → rating (the user may switch it to csat). Null when nothing fits.
 */
export function suggestMetricKind(
  header: string,
  samples: readonly string[] = [],
): (typeof METRIC_KINDS)[number] | null {
  const name = normaliseHeader(header);
  if (/\bnps\b|promoter|recommend/.test(name)) return "nps";
  if (/\bcsat\b|satisf/.test(name)) return "csat";
  if (/\bces\b|effort/.test(name)) return "ces";
  const values = samples
    .map((s) => s.trim())
    .filter((s) => /^\d+$/.test(s))
    .map(Number);
  if (values.length === 0) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (min >= 1 && max <= 5) return "rating";
  if (min >= 1 && max <= 7) return "ces";
  if (min >= 0 && max <= 10) return "nps";
  return null;
}

const timeZoneSchema = z
  .string()
  .refine(isKnownTimeZone, "Choose an IANA time zone such as Europe/Warsaw, America/Sao_Paulo or UTC.");

/**
 * A saved, reusable column mapping: field → column header, constants for values the file does not
 * hold (source, metric kind, a date for all rows…), value maps per field applied before parsing
 * ("Month-to-month" → a segment name, "good" → "5"), the date format and IANA time zone for local
 * times, whether negative amounts on purchases are refunds, and whether HTML entities in text are
 * decoded. Which fields must be mapped is checked per entity (requiredMappingProblems).
 */
export const columnMappingInput = z
  .object({
    entity: z.enum(IMPORT_ENTITIES),
    columns: z.record(z.string(), z.string().min(1, "Choose a column.")),
    constants: z
      .object({
        source: z.enum(FEEDBACK_SOURCES).optional(),
        channel: z.enum(CHANNELS).optional(),
        metricKind: z.enum(METRIC_KINDS).optional(),
        kind: z.enum(ORDER_KINDS).optional(),
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/, "Currency is a 3-letter code such as USD.")
          .optional(),
        receivedAt: isoTimestampSchema.optional(),
        orderedAt: isoTimestampSchema.optional(),
        churnedAt: isoTimestampSchema.optional(),
      })
      .default({}),
    valueMaps: z.record(z.string(), z.record(z.string(), z.string())).default({}),
    dateFormat: z.enum(DATE_FORMATS).default("iso"),
    timeZone: timeZoneSchema.default("UTC"),
    negativeAmountsAreRefunds: z.boolean().default(false),
    decodeHtmlEntities: z.boolean().default(true),
  })
  .superRefine((mapping, ctx) => {
    const fields = IMPORT_FIELDS[mapping.entity] as readonly string[];
    for (const field of [...Object.keys(mapping.columns), ...Object.keys(mapping.valueMaps)]) {
      if (!fields.includes(field)) {
        ctx.addIssue({
          code: "custom",
          path: ["columns", field],
          message: `An import of ${mapping.entity} has no field "${field}".`,
        });
      }
    }
    for (const problem of requiredMappingProblems(mapping)) ctx.addIssue({ code: "custom", ...problem });
  });
export type ColumnMapping = z.output<typeof columnMappingInput>;

/** Fields an entity cannot do without, each from a column or a constant; see columnMappingInput. */
export function requiredMappingProblems(
  mapping: Pick<ColumnMapping, "entity" | "columns"> & { constants: Partial<Record<string, unknown>> },
): Array<{ path: string[]; message: string }> {
  const has = (field: string) => mapping.columns[field] !== undefined || mapping.constants[field] !== undefined;
  const problems: Array<{ path: string[]; message: string }> = [];
  const need = (field: string, message: string) => {
    if (!has(field)) problems.push({ path: ["columns", field], message });
  };
  if (mapping.entity === "feedback") {
    need("source", "Choose the source of this feedback (survey, review, ticket…), or map a source column.");
    need("receivedAt", "Map a date column, or choose one date for every row (the file has none).");
    if (mapping.columns.score !== undefined)
      need("metricKind", "Choose the scale of the score column (nps, csat, ces or rating).");
  } else if (mapping.entity === "customer") {
    need("externalId", "Map the column holding the customer id.");
  } else {
    need("customerExternalId", "Map the column holding the customer id of each order.");
    need("amount", "Map the column holding the amount.");
    need("orderedAt", "Map the order date column, or choose one date for every row.");
  }
  return problems;
}

/** The mapping's fields as column indexes of this file's header, or the headers it lacks. */
export type ResolvedMapping = {
  mapping: ColumnMapping;
  indexes: Partial<Record<string, number>>;
  headers: readonly string[];
};

/**
 * Binds a saved mapping to a file's header row: each mapped header's column index (the first
 * column of that name when a name repeats). Returns the missing headers as errors when the file
 * does not have them, so a mapping saved for another layout is caught before any row is read.
 */
export function resolveMapping(
  headers: readonly string[],
  mapping: ColumnMapping,
): { resolved: ResolvedMapping } | { errors: string[] } {
  const indexes: Partial<Record<string, number>> = {};
  const errors: string[] = [];
  for (const [field, header] of Object.entries(mapping.columns)) {
    const index = headers.indexOf(header);
    if (index < 0) errors.push(`The file has no column "${header}" (mapped to ${field}); pick another column.`);
    else indexes[field] = index;
  }
  return errors.length > 0 ? { errors } : { resolved: { mapping, indexes, headers } };
}
