import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../text/csv";
import { CsvStreamParser, parseCsvText } from "./csv-stream";

/** Feeds `text` to a parser in pieces cut at `cuts` (offsets), returning every record's fields. */
function streamed(text: string, cuts: number[], skipBlankLines = false): string[][] {
  const parser = new CsvStreamParser({ skipBlankLines });
  const offsets = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const records = [];
  let start = 0;
  for (const offset of [...offsets, text.length]) {
    records.push(...parser.push(text.slice(start, offset)));
    start = offset;
  }
  records.push(...parser.end());
  return records.map((record) => record.fields);
}

describe("CsvStreamParser", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, CRLF and LF, and a BOM", () => {
    const text = '\uFEFFid,text\r\n1,"a, b"\r\n2,"say ""hi"""\n3,"line one\nline two\r\nend"\n';
    expect(parseCsvText(text)).toEqual([
      { fields: ["id", "text"], record: 1 },
      { fields: ["1", "a, b"], record: 2 },
      { fields: ["2", 'say "hi"'], record: 3 },
      { fields: ["3", "line one\nline two\r\nend"], record: 4 },
    ]);
  });

  it("returns records as soon as they are complete, across awkward chunk boundaries", () => {
    const parser = new CsvStreamParser();
    expect(parser.push('a,"x""')).toEqual([]);
    expect(parser.push('y"\r')).toEqual([{ fields: ["a", 'x"y'], record: 1 }]);
    expect(parser.push("\nb,")).toEqual([]);
    expect(parser.push('"')).toEqual([]);
    expect(parser.push('"')).toEqual([]);
    expect(parser.end()).toEqual([{ fields: ["b", ""], record: 2 }]);
  });

  it("reports ragged records and an unclosed quote, and skips blank lines by default", () => {
    const records = parseCsvText('a,b\n1\n\n1,2,3\n2,"open\n');
    expect(records.map((r) => [r.record, r.fields.length, r.problem])).toEqual([
      [1, 2, undefined],
      [2, 1, "Record 2 has 1 fields where the header has 2."],
      [3, 3, "Record 3 has 3 fields where the header has 2."],
      [4, 2, "A quoted field is never closed: a quote is missing before the end of the file."],
    ]);
  });

  it("refuses a field longer than the limit", () => {
    const parser = new CsvStreamParser({ maxFieldLength: 10 });
    expect(() => parser.push('a,"' + "x".repeat(11))).toThrow("field longer than 10 characters");
  });

  it("agrees with parseCsv however the text is cut into chunks", () => {
    const unit = fc.constantFrom("a", "é", ",", '"', '""', "\n", "\r", "\r\n", " ", "中", "😀");
    fc.assert(
      fc.property(fc.string({ unit }), fc.array(fc.nat(200), { maxLength: 8 }), (text, cuts) => {
        expect(streamed(text, cuts)).toEqual(parseCsv(text));
      }),
      { numRuns: 500 },
    );
  });
});
