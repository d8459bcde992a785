import { describe, expect, it } from "vitest";
import { displayedOrder, idsAfterDrop, idsAfterMove, sameOrder } from "./stage-order";

const ids = [10, 20, 30, 40];

describe("idsAfterMove", () => {
  it("moves one place or to either end", () => {
    expect(idsAfterMove(ids, 30, "earlier")).toEqual([10, 30, 20, 40]);
    expect(idsAfterMove(ids, 30, "later")).toEqual([10, 20, 40, 30]);
    expect(idsAfterMove(ids, 30, "first")).toEqual([30, 10, 20, 40]);
    expect(idsAfterMove(ids, 20, "last")).toEqual([10, 30, 40, 20]);
  });
  it("is a no-op at the ends", () => {
    expect(idsAfterMove(ids, 10, "earlier")).toEqual(ids);
    expect(idsAfterMove(ids, 40, "later")).toEqual(ids);
  });
});

describe("idsAfterDrop", () => {
  it("puts the dragged stage in the target's place", () => {
    expect(idsAfterDrop(ids, 10, 30)).toEqual([20, 30, 10, 40]);
    expect(idsAfterDrop(ids, 40, 20)).toEqual([10, 40, 20, 30]);
    expect(idsAfterDrop(ids, 20, 30)).toEqual([10, 30, 20, 40]);
  });
  it("changes nothing on itself or an unknown stage", () => {
    expect(idsAfterDrop(ids, 20, 20)).toEqual(ids);
    expect(idsAfterDrop(ids, 20, 99)).toEqual(ids);
    expect(idsAfterDrop(ids, 99, 20)).toEqual(ids);
  });
});

describe("displayedOrder", () => {
  it("shows the pending order over the server's", () => {
    expect(displayedOrder(ids, [20, 10, 30, 40])).toEqual([20, 10, 30, 40]);
    expect(displayedOrder(ids, null)).toBe(ids);
  });
  it("drops a pending order that names other stages", () => {
    expect(displayedOrder(ids, [20, 10, 30])).toBe(ids);
    expect(displayedOrder(ids, [20, 10, 30, 50])).toBe(ids);
  });
  it("compares orders", () => {
    expect(sameOrder(ids, [10, 20, 30, 40])).toBe(true);
    expect(sameOrder(ids, [20, 10, 30, 40])).toBe(false);
    expect(sameOrder(ids, [10, 20, 30])).toBe(false);
  });
});
