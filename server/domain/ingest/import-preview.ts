import type { FeedbackSource, MetricKind } from "../enums";
import { DATE_FORMATS, parseDateValue, type DateFormat } from "./dates";
import { DATE_FIELDS, suggestColumns, suggestMetricKind, type ImportEntity, type ImportField } from "./mapping";
import { normaliseHeader } from "./values";

/** Distinct values kept per column for the value maps of the import page. */
export const MAX_COLUMN_SAMPLES = 20;

/** What the import page pre-fills for a file: a field per column, the score's scale, the source, the date format. */
export interface MappingSuggestion {
  columns: Partial<Record<ImportField, string>>;
  constants: { metricKind?: MetricKind; source?: FeedbackSource };
  dateFormat: DateFormat;
}

/** Words in a header that give away where feedback comes from ("tweet_id" → social). */
const SOURCE_HINTS: Array<[RegExp, FeedbackSource]> = [
  [/\btweet\b/, "social"],
  [/\breview\b/, "review"],
  [/\bticket\b/, "ticket"],
  [/\bcomplaint\b/, "complaint"],
  [/\b(?:survey|nps|csat|ces)\b/, "survey"],
];

/**
 * Distinct non-blank values of each column, in order of first appearance, at most `max` each
 * (trimmed; a row shorter than the header just lacks the cell).
 */
export function columnSamples(
  rows: readonly (readonly string[])[],
  width: number,
  max = MAX_COLUMN_SAMPLES,
): string[][] {
  const samples = Array.from({ length: width }, () => new Set<string>());
  for (const row of rows) {
    for (let i = 0; i < width; i++) {
      const value = (row[i] ?? "").trim();
      if (value !== "" && samples[i]!.size < max) samples[i]!.add(value);
    }
  }
  return samples.map((set) => [...set]);
}

/**
 * The date format all non-blank samples of the date columns read with, trying iso, dmy, mdy and
 * the epoch formats in that order (so 01/02/2024 reads as day-month, as most of the world writes
 * it, unless a sample like 12/31/2024 rules it out); iso when nothing fits.
 */
export function suggestDateFormat(samples: readonly string[]): DateFormat {
  const values = samples.filter((s) => s.trim() !== "");
  if (values.length === 0) return "iso";
  return DATE_FORMATS.find((format) => values.every((v) => !("error" in parseDateValue(v, format)))) ?? "iso";
}

/**
 * A first mapping for a file: suggestColumns for the fields, suggestMetricKind for a score column,
 * the source its headers give away (feedback), and the date format of its date columns' samples.
 */
export function suggestMapping(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  entity: ImportEntity,
): MappingSuggestion {
  const columns = suggestColumns(header, entity);
  const samples = columnSamples(rows, header.length);
  const samplesOf = (column: string | undefined) =>
    column === undefined ? [] : (samples[header.indexOf(column)] ?? []);
  const constants: MappingSuggestion["constants"] = {};
  if (entity === "feedback") {
    const score = (columns as Partial<Record<string, string>>).score;
    if (score !== undefined) {
      const kind = suggestMetricKind(score, samplesOf(score));
      if (kind) constants.metricKind = kind;
    }
    if ((columns as Partial<Record<string, string>>).source === undefined) {
      const names = header.map(normaliseHeader).join(" | ");
      const hint = SOURCE_HINTS.find(([pattern]) => pattern.test(names));
      if (hint) constants.source = hint[1];
    }
  }
  const dateSamples = Object.entries(columns).flatMap(([field, column]) =>
    DATE_FIELDS.has(field) ? samplesOf(column) : [],
  );
  return { columns, constants, dateFormat: suggestDateFormat(dateSamples) };
}
