import { describe, expect, it } from "vitest";
import { containsPattern, listCustomersInput } from "./customers";

describe("containsPattern", () => {
  it.each([
    ["acme", "%acme%"],
    ["100%", "%100\\%%"],
    ["a_b", "%a\\_b%"],
    ["C:\\dir", "%C:\\\\dir%"],
    ["", "%%"],
  ])("%j → %j", (term, pattern) => {
    expect(containsPattern(term)).toBe(pattern);
  });
});

describe("listCustomersInput", () => {
  it("trims the search and bounds the limit", () => {
    expect(listCustomersInput.parse({ search: "  ada  " })).toEqual({ search: "ada", limit: 50 });
    expect(listCustomersInput.safeParse({ limit: 101 }).success).toBe(false);
    expect(listCustomersInput.safeParse({ search: "x".repeat(101) }).success).toBe(false);
  });
});
