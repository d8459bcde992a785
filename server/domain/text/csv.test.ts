import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvRecords } from "./csv";

/** RFC 4180 writer for the round-trip property: quotes every field that needs it. */
function writeCsv(rows: string[][]): string {
  return rows.map((row) => row.map((f) => (/[",\r\n]/.test(f) || f === "" ? `"${f.replaceAll('"', '""')}"` : f)).join(",")).join("\r\n");
}

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes, LF, CR and CRLF inside", () => {
    const text = 'id,text\n1,"a, b"\r\n2,"say ""hi"""\n3,"line one\nline two\r\nline three\rend"\n';
    expect(parseCsv(text)).toEqual([
      ["id", "text"],
      ["1", "a, b"],
      ["2", 'say "hi"'],
      ["3", "line one\nline two\r\nline three\rend"],
    ]);
  });

  it("handles a BOM, empty fields, empty lines and a missing final line break", () => {
    expect(parseCsv("\uFEFFa,,c\n\n,\nx")).toEqual([["a", "", "c"], [""], ["", ""], ["x"]]);
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv('""')).toEqual([[""]]);
  });

  it("keeps quotes inside an unquoted field as written", () => {
    expect(parseCsv('5\'8" tall,ok')).toEqual([["5'8\" tall", "ok"]]);
  });

  it("reads back what an RFC 4180 writer wrote", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: fc.constantFrom("a", "é", ",", '"', "\n", "\r", " ", "中") }), { minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          expect(parseCsv(writeCsv(rows))).toEqual(rows);
        },
      ),
    );
  });
});

describe("parseCsvRecords", () => {
  it("keys fields by header, unnamed header cells by ''", () => {
    expect(parseCsvRecords(",id,text\n0,7,hello\n1,8")).toEqual([
      { "": "0", id: "7", text: "hello" },
      { "": "1", id: "8", text: "" },
    ]);
  });
});
