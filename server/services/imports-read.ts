import "server-only";
import { ContentOccurrences } from "../domain/ingest/content-hash";
import { CsvStreamParser, type CsvRecord } from "../domain/ingest/csv-stream";
import { ByteStreamDecoder, detectEncoding, type ImportEncoding } from "../domain/ingest/encoding";
import { resolveMapping, type ColumnMapping } from "../domain/ingest/mapping";
import { validateRow, type ImportRecord, type RowError } from "../domain/ingest/validate-row";
import { AppError } from "../errors";

/** A file's bytes: whole (an upload) or as a stream (a file read from disk, a request body). */
export type ImportBytes = Uint8Array | AsyncIterable<Uint8Array>;

/** One record of the file after validation: its row number (header = 1) and its value or its errors. */
export type ImportRow = { row: number; ok: true; value: ImportRecord } | { row: number; ok: false; errors: RowError[] };

const SLICE = 64 * 1024;

async function* chunksOf(bytes: ImportBytes): AsyncGenerator<Uint8Array> {
  if (bytes instanceof Uint8Array) {
    for (let offset = 0; offset < bytes.length; offset += SLICE) yield bytes.subarray(offset, offset + SLICE);
  } else {
    for await (const chunk of bytes) yield chunk;
  }
}

export interface ImportStream {
  encoding: ImportEncoding;
  /** Set when the encoding was guessed as Windows-1252 because the start of the file is not UTF-8. */
  warning: string | null;
  header: string[];
  rows: AsyncGenerator<ImportRow>;
}

/**
 * Reads a CSV file as a stream: bytes → ByteStreamDecoder → CsvStreamParser → validateRow, one
 * record in memory at a time (plus the chunk being parsed). Without an encoding, the first chunk
 * decides it (detectEncoding). The header is read and the mapping bound to it before any row is
 * yielded: a mapping naming absent columns, an empty file or a UTF-16 file throw INVALID_INPUT.
 * A ragged record (wrong field count, quote never closed) is an error row, not a crash.
 */
export async function openImportStream(
  bytes: ImportBytes,
  mapping: ColumnMapping,
  encoding?: ImportEncoding,
): Promise<ImportStream> {
  const chunks = chunksOf(bytes);
  const parser = new CsvStreamParser();
  let first = await chunks.next();
  let warning: string | null = null;
  if (!encoding) {
    const guess = detectEncoding(first.done ? new Uint8Array() : first.value);
    if (guess.encoding === null) throw new AppError("INVALID_INPUT", guess.error);
    if (guess.encoding === "windows-1252") warning = guess.warning;
    encoding = guess.encoding;
  }
  const decoder = new ByteStreamDecoder(encoding);
  const pending: CsvRecord[] = [];
  let ended = false;
  while (pending.length === 0 && !ended) {
    if (first.done) {
      pending.push(...parser.push(decoder.end()), ...parser.end());
      ended = true;
    } else {
      pending.push(...parser.push(decoder.decode(first.value)));
      first = await chunks.next();
    }
  }
  const headerRecord = pending.shift();
  if (!headerRecord) throw new AppError("INVALID_INPUT", "The file is empty; it needs a header row and data rows.");
  const bound = resolveMapping(headerRecord.fields, mapping);
  if ("errors" in bound) throw new AppError("INVALID_INPUT", bound.errors.join(" "));
  const { resolved } = bound;
  const occurrences = new ContentOccurrences();
  let next = first;

  async function* rows(): AsyncGenerator<ImportRow> {
    for (;;) {
      for (const record of pending.splice(0)) {
        if (record.problem) {
          yield {
            row: record.record,
            ok: false,
            errors: [{ row: record.record, column: "(row)", message: record.problem }],
          };
          continue;
        }
        const result = validateRow(record.fields, record.record, resolved, occurrences);
        yield result.ok
          ? { row: record.record, ok: true, value: result.value }
          : { row: record.record, ok: false, errors: result.errors };
      }
      if (ended) return;
      if (next.done) {
        pending.push(...parser.push(decoder.end()), ...parser.end());
        ended = true;
      } else {
        pending.push(...parser.push(decoder.decode(next.value)));
        next = await chunks.next();
      }
    }
  }
  return { encoding, warning, header: headerRecord.fields, rows: rows() };
}

/** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The error report as CSV text: a `row,column,message` header, then one line per error (CRLF, RFC 4180). */
export function errorReportCsv(errors: Iterable<RowError>): string {
  const lines = ["row,column,message"];
  for (const e of errors) lines.push([e.row, e.column, e.message].map(csvField).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
