import { describe, expect, it } from "vitest";
import {
  customersHref,
  customersListInput,
  nextCustomersCursor,
  parseCustomerSearch,
  parseCustomerSegment,
} from "./customer-query";

describe("customers URL state", () => {
  it.each([
    ["", undefined, "/customers"],
    [" ada ", undefined, "/customers?q=ada"],
    ["", 4, "/customers?segment=4"],
    ["lov", null, "/customers?q=lov&segment=none"],
  ])("search %o in segment %o → %s", (search, segment, href) => {
    expect(customersHref(search, segment)).toBe(href);
    const params = new URL(href, "http://x").searchParams;
    expect(parseCustomerSearch(params.get("q") ?? undefined)).toBe(search.trim());
    expect(parseCustomerSegment(params.get("segment") ?? undefined)).toBe(segment);
  });

  it.each([
    [undefined, undefined],
    ["", undefined],
    ["NONE", null],
    ["0", undefined],
    ["x", undefined],
    ["99999999999", undefined],
    [["5", "6"], 5],
  ])("reads segment=%o as %o", (value, expected) => {
    expect(parseCustomerSegment(value)).toBe(expected);
  });

  it("cuts a search to the input's 100 characters", () => {
    expect(parseCustomerSearch("a".repeat(120))).toHaveLength(100);
    expect(parseCustomerSearch(["b", "c"])).toBe("b");
  });

  it("builds the list input with only what is set", () => {
    expect(customersListInput("")).toEqual({ limit: 50 });
    expect(customersListInput("ada", null)).toEqual({ limit: 50, search: "ada", segmentId: null });
    expect(customersListInput("", 3)).toEqual({ limit: 50, segmentId: 3 });
  });

  it("stops paging without a cursor", () => {
    expect(nextCustomersCursor({ nextCursor: null })).toBeUndefined();
    expect(nextCustomersCursor({ nextCursor: 12 })).toBe(12);
  });
});
