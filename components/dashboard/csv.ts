/** A cell of a CSV export: text, a number, a flag, or nothing (an empty cell). */
export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal such as "-1234.50" cannot be a formula, and quoting it would break its numeric import. */
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field: empty for null/undefined; numbers as JavaScript prints them (non-finite ones empty);
 * text starting with =, +, -, @, tab or CR prefixed with ' so a spreadsheet shows it rather than
 * running it, unless it is a plain number; then quoted (quotes doubled) when it holds a comma, quote
 * or line break (RFC 4180).
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  let text = typeof value === "boolean" ? String(value) : value;
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * `rows` as CSV text: a header line, then one line per row, fields separated by commas, lines by
 * CRLF (RFC 4180), no trailing line break. Every field goes through {@link csvField}, headers too.
 */
export function toCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  const lines = [columns.map((column) => csvField(column.header)).join(",")];
  for (const row of rows) lines.push(columns.map((column) => csvField(column.value(row))).join(","));
  return lines.join("\r\n");
}

/**
 * A file name from a chart title and a date: "Revenue at risk" → "revenue-at-risk-2026-09-30".
 * Letters of any script are kept; everything else becomes a single hyphen.
 */
export function exportFileName(title: string, date: Date): string {
  const stem = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return `${stem || "chart"}-${date.toISOString().slice(0, 10)}`;
}
