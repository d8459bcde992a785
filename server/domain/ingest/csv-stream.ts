import { AppError } from "../../errors";

/** One complete CSV record: its fields, its 1-based number (the header is record 1), and any problem. */
export interface CsvRecord {
  fields: string[];
  /** 1-based position among records (header = 1), as spreadsheets number rows when no field has a line break. */
  record: number;
  /** Set when the record is ragged (more or fewer fields than the header) or its quote never closed. */
  problem?: string;
}

export interface CsvStreamOptions {
  /** Skip records that are one empty field (blank lines); default true. */
  skipBlankLines?: boolean;
  /** Longest field accepted, in characters (default 1,000,000): an unclosed quote would otherwise buffer the file. */
  maxFieldLength?: number;
}

/**
 * An incremental RFC 4180 reader: `push` string chunks of any size (split anywhere, even inside
 * a quoted field, a doubled quote or a CRLF) and get back the records completed so far; `end`
 * returns the last one. The same reading as parseCsv (server/domain/text/csv.ts), streamed:
 * comma-separated fields, records ended by CRLF, LF or CR; a field in double quotes may hold
 * commas, line breaks and doubled quotes; text after a closing quote is kept as written; a leading
 * BOM is dropped. Records whose field count differs from the first record's (the header) carry a
 * `problem` ("ragged"); so does a final record whose quote never closed. Memory holds one record.
 */
export class CsvStreamParser {
  private field = "";
  private fields: string[] = [];
  private quoted = false;
  /** A quote seen inside a quoted field at the end of a chunk: doubled or closing, decided by the next char. */
  private pendingQuote = false;
  /** A CR ended the last record; an LF right after it belongs to it. */
  private afterCr = false;
  private started = false;
  private atStreamStart = true;
  private count = 0;
  private width: number | null = null;
  private readonly skipBlankLines: boolean;
  private readonly maxFieldLength: number;

  constructor(options: CsvStreamOptions = {}) {
    this.skipBlankLines = options.skipBlankLines ?? true;
    this.maxFieldLength = options.maxFieldLength ?? 1_000_000;
  }

  /** Reads `chunk` and returns the records it completed (possibly none). */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let i = 0;
    if (this.atStreamStart && chunk.length > 0) {
      this.atStreamStart = false;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    const n = chunk.length;
    while (i < n) {
      if (this.afterCr) {
        this.afterCr = false;
        if (chunk[i] === "\n") {
          i++;
          continue;
        }
      }
      if (this.pendingQuote) {
        this.pendingQuote = false;
        if (chunk[i] === '"') {
          this.field += '"';
          i++;
          continue;
        }
        this.quoted = false;
      }
      this.started = true;
      if (this.quoted) {
        const close = chunk.indexOf('"', i);
        if (close === -1) {
          this.append(chunk.slice(i));
          i = n;
        } else {
          this.append(chunk.slice(i, close));
          i = close + 1;
          if (i === n) this.pendingQuote = true;
          else if (chunk[i] === '"') {
            this.field += '"';
            i++;
          } else this.quoted = false;
        }
        continue;
      }
      const c = chunk[i]!;
      if (c === '"' && this.field === "") {
        this.quoted = true;
        i++;
      } else if (c === ",") {
        this.fields.push(this.field);
        this.field = "";
        i++;
      } else if (c === "\n" || c === "\r") {
        this.finishRecord(out);
        this.afterCr = c === "\r";
        i++;
      } else {
        SPECIAL.lastIndex = i;
        const next = SPECIAL.exec(chunk);
        const end = next ? next.index : n;
        // a quote inside an unquoted field is kept as written (5'8" tall)
        this.append(chunk.slice(i, end === i ? i + 1 : end));
        i = end === i ? i + 1 : end;
      }
    }
    return out;
  }

  /** Finishes the stream: the last record when the input did not end with a line break. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.pendingQuote) {
      this.pendingQuote = false;
      this.quoted = false;
    }
    if (this.started) {
      const unclosed = this.quoted;
      this.finishRecord(out);
      const last = out[out.length - 1];
      if (unclosed && last)
        last.problem = "A quoted field is never closed: a quote is missing before the end of the file.";
    }
    return out;
  }

  private append(text: string): void {
    this.field += text;
    if (this.field.length > this.maxFieldLength) {
      throw new AppError(
        "INVALID_INPUT",
        `Record ${this.count + 1} has a field longer than ${this.maxFieldLength} characters; a quote is probably never closed.`,
      );
    }
  }

  private finishRecord(out: CsvRecord[]): void {
    this.fields.push(this.field);
    const fields = this.fields.map(detached);
    this.fields = [];
    this.field = "";
    this.quoted = false;
    this.started = false;
    if (this.skipBlankLines && fields.length === 1 && fields[0] === "") return;
    this.count++;
    const record: CsvRecord = { fields, record: this.count };
    if (this.width === null) this.width = fields.length;
    else if (fields.length !== this.width) {
      record.problem = `Record ${this.count} has ${fields.length} fields where the header has ${this.width}.`;
    }
    out.push(record);
  }
}

const SPECIAL = /[",\r\n]/g;

/**
 * `text` as a string of its own. V8 keeps a substring of 13 characters or more as a view on the
 * string it was cut from, so a field kept after its record (a memo of analysed comments, an error
 * report) would keep its whole chunk of the file alive: a million-row import grew by about 0.3 KB
 * a row. Shorter substrings are copies already.
 */
function detached(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}

/** Reads a whole CSV text with CsvStreamParser (tests, previews of a first chunk). */
export function parseCsvText(text: string, options?: CsvStreamOptions): CsvRecord[] {
  const parser = new CsvStreamParser(options);
  return [...parser.push(text), ...parser.end()];
}
