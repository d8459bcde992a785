import "server-only";
import { CsvStreamParser, type CsvRecord } from "../domain/ingest/csv-stream";
import { ByteStreamDecoder, detectEncoding, type ImportEncoding } from "../domain/ingest/encoding";
import { columnSamples, suggestMapping, type MappingSuggestion } from "../domain/ingest/import-preview";
import type { ImportEntity } from "../domain/ingest/mapping";
import { AppError } from "../errors";
import { openUpload } from "./imports-uploads";

/** Rows shown under the mapping table. */
export const PREVIEW_ROWS = 20;
/** The preview reads at most this much of the file (the samples for value maps come from it). */
export const PREVIEW_BYTES = 1024 * 1024;
const SAMPLE_RECORDS = 1_000;

export interface UploadPreview {
  encoding: ImportEncoding;
  /** Set when UTF-8 failed on the file's first bytes and Windows-1252 was assumed. */
  warning: string | null;
  header: string[];
  /** The first PREVIEW_ROWS records after the header (a ragged one as it is). */
  rows: string[][];
  /** Per column, distinct values of the first rows (for value maps). */
  samples: string[][];
  suggestion: MappingSuggestion;
}

/**
 * The start of an uploaded file for the mapping step: reads up to PREVIEW_BYTES, decides the
 * encoding when none is chosen (detectEncoding: Windows-1252 with a warning when the bytes are not
 * UTF-8), decodes and parses the complete records in it, and suggests a mapping for `entity`.
 * A file that is UTF-16 or not valid UTF-8 when UTF-8 is chosen is INVALID_INPUT, saying what to choose.
 */
export async function previewUpload(
  uploadDir: string,
  workspaceId: number,
  uploadId: string,
  entity: ImportEntity,
  chosen?: ImportEncoding,
): Promise<UploadPreview> {
  const stream = await openUpload(uploadDir, workspaceId, uploadId);
  const chunks: Buffer[] = [];
  let size = 0;
  let ended = true;
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size >= PREVIEW_BYTES) {
      ended = false;
      break;
    }
  }
  stream.destroy();
  const bytes = new Uint8Array(Buffer.concat(chunks));
  let encoding = chosen;
  let warning: string | null = null;
  if (!encoding) {
    const guess = detectEncoding(bytes);
    if (guess.encoding === null) throw new AppError("INVALID_INPUT", guess.error);
    if (guess.encoding === "windows-1252") warning = guess.warning;
    encoding = guess.encoding;
  }
  const decoder = new ByteStreamDecoder(encoding);
  const parser = new CsvStreamParser();
  const records: CsvRecord[] = parser.push(decoder.decode(bytes));
  // a file read to its end also has its last record; a cut one only the complete records
  if (ended) records.push(...parser.push(decoder.end()), ...parser.end());
  const [headerRecord, ...rest] = records.slice(0, SAMPLE_RECORDS + 1);
  if (!headerRecord) throw new AppError("INVALID_INPUT", "The file is empty; it needs a header row and data rows.");
  const header = headerRecord.fields;
  const rows = rest.map((record) => record.fields);
  return {
    encoding,
    warning,
    header,
    rows: rows.slice(0, PREVIEW_ROWS),
    samples: columnSamples(rows, header.length),
    suggestion: suggestMapping(header, rows, entity),
  };
}
