import { describe, expect, it } from "vitest";
import { customerByIdInput, listCustomersInput, prefixPattern, wordPrefixPattern } from "./customers";

describe("prefixPattern and wordPrefixPattern", () => {
  it.each([
    ["acme", "acme%", "% acme%"],
    ["100%", "100\\%%", "% 100\\%%"],
    ["a_b", "a\\_b%", "% a\\_b%"],
    ["C:\\dir", "C:\\\\dir%", "% C:\\\\dir%"],
  ])("%j → %j and %j", (term, prefix, word) => {
    expect(prefixPattern(term)).toBe(prefix);
    expect(wordPrefixPattern(term)).toBe(word);
  });
});

describe("listCustomersInput", () => {
  it("trims the search and bounds the limit", () => {
    expect(listCustomersInput.parse({ search: "  ada  " })).toEqual({ search: "ada", limit: 50 });
    expect(listCustomersInput.safeParse({ limit: 101 }).success).toBe(false);
    expect(listCustomersInput.safeParse({ search: "x".repeat(101) }).success).toBe(false);
  });

  it("takes a segment or null for customers without one", () => {
    expect(listCustomersInput.parse({ segmentId: null }).segmentId).toBeNull();
    expect(listCustomersInput.parse({ segmentId: 3 }).segmentId).toBe(3);
    expect(listCustomersInput.safeParse({ segmentId: 0 }).success).toBe(false);
  });
});

describe("customerByIdInput", () => {
  it("defaults the timeline page and checks the cursor", () => {
    expect(customerByIdInput.parse({ id: 4 })).toEqual({ id: 4, limit: 30 });
    const cursor = { at: new Date("2025-01-01T00:00:00Z"), kind: "order", id: 9 };
    expect(customerByIdInput.parse({ id: 4, cursor }).cursor).toEqual(cursor);
    expect(customerByIdInput.safeParse({ id: 4, cursor: { ...cursor, kind: "call" } }).success).toBe(false);
  });
});
