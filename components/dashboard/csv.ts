import { csvField, type CsvValue } from "@/server/domain/export/csv";

// The field rules (quoting, the formula guard) live in the domain, shared with the server's CSV exports.
export { csvField, type CsvValue };

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
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
