import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { parseExternalIdsCsv } from "./external-ids";
import { REASSIGN_MAX_IDS } from "./inputs";

describe("parseExternalIdsCsv", () => {
  it.each([
    ["one id per line, no header", "C-1\nC-2\r\nC-3\n", ["C-1", "C-2", "C-3"]],
    ["a header naming the id column, anywhere", "name,External ID\nAda,C-1\nGrace, C-2 \n", ["C-1", "C-2"]],
    ["customer_id header", "customer_id\nC-9\n", ["C-9"]],
    ["first column when no header names an id", "C-1,Ada\nC-2,Grace", ["C-1", "C-2"]],
    ["quoted ids with commas, blanks and repeats", '"A,1"\n\n  \nA,1\n"A,1"\nB', ["A,1", "A", "B"]],
    ["a byte-order mark", "\uFEFFid\nC-1", ["C-1"]],
  ])("reads %s", (_name, text, expected) => {
    expect(parseExternalIdsCsv(text)).toEqual(expected);
  });

  it.each([
    ["empty text", ""],
    ["only a header", "external_id\n"],
    ["only blanks", "\n \n,\n"],
  ])("rejects %s", (_name, text) => {
    expect(() => parseExternalIdsCsv(text)).toThrow(AppError);
    expect(() => parseExternalIdsCsv(text)).toThrow(/names no customer ids/);
  });

  it("caps the ids of one upload", () => {
    const ids = Array.from({ length: REASSIGN_MAX_IDS + 1 }, (_, i) => `C-${i}`);
    expect(parseExternalIdsCsv(ids.slice(1).join("\n"))).toHaveLength(REASSIGN_MAX_IDS);
    expect(() => parseExternalIdsCsv(ids.join("\n"))).toThrow(/at most 50000 per upload/);
  });
});
