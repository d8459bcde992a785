import { describe, expect, it } from "vitest";
import { hasInboxFilters, moveActive, toggleSelection } from "./feedback-inbox-state";

const ids = [10, 11, 12, 13, 14];

describe("toggleSelection", () => {
  it("toggles one row", () => {
    expect([...toggleSelection(new Set(), ids, 1, null, false)]).toEqual([11]);
    expect([...toggleSelection(new Set([11]), ids, 1, null, false)]).toEqual([]);
  });

  it("with Shift, gives the range the anchor's state, in either direction", () => {
    expect([...toggleSelection(new Set([11]), ids, 3, 1, true)].sort()).toEqual([11, 12, 13]);
    expect([...toggleSelection(new Set([13]), ids, 0, 3, true)].sort()).toEqual([10, 11, 12, 13]);
    expect([...toggleSelection(new Set([10, 12, 13]), ids, 3, 1, true)].sort()).toEqual([10]);
  });

  it("treats Shift without an anchor as a plain click, and ignores rows that are gone", () => {
    expect([...toggleSelection(new Set(), ids, 2, null, true)]).toEqual([12]);
    expect([...toggleSelection(new Set([12]), ids, 9, 1, false)]).toEqual([12]);
  });
});

describe("moveActive", () => {
  it("starts at the first row and stops at the ends", () => {
    expect(moveActive(ids, undefined, 1)).toBe(10);
    expect(moveActive(ids, 10, -1)).toBe(10);
    expect(moveActive(ids, 10, 1)).toBe(11);
    expect(moveActive(ids, 14, 1)).toBe(14);
    expect(moveActive(ids, 99, -1)).toBe(10);
    expect(moveActive([], 10, 1)).toBeUndefined();
  });
});

describe("hasInboxFilters", () => {
  it("counts the status and every other filter", () => {
    expect(hasInboxFilters({ segmentIds: [] })).toBe(false);
    expect(hasInboxFilters({ segmentIds: [], status: "new" })).toBe(true);
    expect(hasInboxFilters({ segmentIds: [null] })).toBe(true);
    expect(hasInboxFilters({ segmentIds: [], overdue: false })).toBe(true);
  });
});
