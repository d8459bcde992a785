import { describe, expect, it } from "vitest";
import { parseCsv } from "../text/csv";
import { CSV_BOM, csvLine } from "./csv";

describe("csvLine", () => {
  it("ends each record with CRLF and quotes only what needs it", () => {
    expect(csvLine(["a", 1, true, null, undefined, ""])).toBe("a,1,true,,,\r\n");
    expect(csvLine(['say "hi"', "a,b", "two\nlines"])).toBe('"say ""hi""","a,b","two\nlines"\r\n');
  });

  it("guards cells a spreadsheet would run as formulas (OWASP), but not plain numbers", () => {
    expect(csvLine(["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=x", "-12.50", "+7"])).toBe(
      "'=1+1,'+SUM(A1),'-2+3,'@cmd,'\t=x,-12.50,+7\r\n",
    );
  });

  it("reads back as the values it was given, non-Latin text and all, after the BOM", () => {
    const values = ["שלום, עולם", "你好", 'He said "=2+2"', "line\r\nbreak", "-5", "🙂"];
    const parsed = parseCsv(CSV_BOM + csvLine(["h1", "h2", "h3", "h4", "h5", "h6"]) + csvLine(values));
    expect(parsed[0]).toEqual(["h1", "h2", "h3", "h4", "h5", "h6"]);
    expect(parsed[1]).toEqual(["שלום, עולם", "你好", `He said "=2+2"`, "line\r\nbreak", "-5", "🙂"]);
  });
});
