import { describe, expect, it } from "vitest";
import { csvField, exportFileName, toCsv } from "./csv";

describe("csvField", () => {
  it.each([
    [null, ""],
    [undefined, ""],
    [0, "0"],
    [-12.5, "-12.5"],
    [Number.NaN, ""],
    [Number.POSITIVE_INFINITY, ""],
    [true, "true"],
    ["Enterprise", "Enterprise"],
    ["", ""],
  ])("%j → %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"'],
    ["carriage\rreturn", '"carriage\rreturn"'],
  ])("quotes %j as %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+cmd", "'+cmd"],
    ["-2+3", "'-2+3"],
    ["@import", "'@import"],
    ["\tx", "'\tx"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
  ])("guards the formula %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each(["-1234.50", "+12", "-0.10", "42"])("leaves the plain number %j alone", (value) => {
    expect(csvField(value)).toBe(value);
  });
});

describe("toCsv", () => {
  const rows = [
    { name: "Small Business", revenue: "1234.50", nps: 22.5 },
    { name: 'Tom, Dick & "Harry"', revenue: "-10.00", nps: null },
  ];

  it("writes a header and one CRLF-separated line per row", () => {
    const csv = toCsv(rows, [
      { header: "Segment", value: (row) => row.name },
      { header: "Revenue (USD)", value: (row) => row.revenue },
      { header: "NPS", value: (row) => row.nps },
    ]);
    expect(csv).toBe(
      ["Segment,Revenue (USD),NPS", "Small Business,1234.50,22.5", '"Tom, Dick & ""Harry""",-10.00,'].join("\r\n"),
    );
  });

  it("quotes and guards headers too", () => {
    expect(toCsv([], [{ header: "=Mean, per customer", value: () => 1 }])).toBe(`"'=Mean, per customer"`);
  });

  it("gives only the header for no rows", () => {
    expect(toCsv([], [{ header: "Month", value: () => "" }])).toBe("Month");
  });
});

describe("exportFileName", () => {
  const date = new Date("2026-09-30T22:00:00Z");
  it.each([
    ["Revenue at risk by segment", "revenue-at-risk-by-segment-2026-09-30"],
    ["NPS and revenue, last 24 months", "nps-and-revenue-last-24-months-2026-09-30"],
    ["Zufriedenheit über Phasen", "zufriedenheit-uber-phasen-2026-09-30"],
    ["満足度", "満足度-2026-09-30"],
    ["***", "chart-2026-09-30"],
  ])("%j → %j", (title, expected) => {
    expect(exportFileName(title, date)).toBe(expected);
  });
});
