/** A cell of a CSV export: text, a number, a flag, or nothing (an empty cell). */
export type CsvValue = string | number | boolean | null | undefined;

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal such as "-1234.50" cannot be a formula, and quoting it would break its numeric import. */
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * The UTF-8 byte-order mark a downloaded CSV file starts with: without it Excel reads the file in
 * the machine's legacy code page and garbles Hebrew, Chinese or accented text.
 */
export const CSV_BOM = "\uFEFF";

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

/** One record of a CSV file: its fields through {@link csvField}, comma-separated, ending in CRLF (RFC 4180). */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
