import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  changedStagePositions,
  inDisplayOrder,
  moveStage,
  normaliseStagePositions,
  type OrderedItem,
  orderStages,
  reorderStages,
  stageMoveForKey,
} from "./stages";

const ARCHIVED = new Date("2025-01-01T00:00:00Z");
const stage = (id: number, position: number, archived = false): OrderedItem => ({
  id,
  position,
  archivedAt: archived ? ARCHIVED : null,
});
const ids = (positions: { id: number; position: number }[]) =>
  [...positions].sort((a, b) => a.position - b.position).map((p) => p.id);

describe("orderStages", () => {
  it("sorts active stages by position and leaves archived ones out", () => {
    const stages = [stage(1, 3), stage(2, 0), stage(3, 1, true), stage(4, 2)];
    expect(orderStages(stages).map((s) => s.id)).toEqual([2, 4, 1]);
  });

  it("breaks a position tie by id, so the order is total", () => {
    expect(orderStages([stage(9, 1), stage(5, 1), stage(7, 0)]).map((s) => s.id)).toEqual([7, 5, 9]);
  });
});

describe("reorderStages", () => {
  const journey = [10, 20, 30, 40, 50];

  it.each([
    ["forward", 20, 3, [10, 30, 40, 20, 50]],
    ["backward", 40, 0, [40, 10, 20, 30, 50]],
    ["to the end", 10, 4, [20, 30, 40, 50, 10]],
    ["in place", 30, 2, journey],
  ])("moves %s", (_name, moved, to, expected) => {
    const result = reorderStages(journey, moved, to);
    expect(ids(result)).toEqual(expected);
    expect(result.map((p) => p.position)).toEqual([0, 1, 2, 3, 4]);
  });

  it.each([
    ["an unknown stage", [1, 2, 3], 9, 0, /Stage 9 is not in the journey/],
    ["a place past the end", [1, 2, 3], 1, 3, /places 1 to 3; got place 4/],
    ["a negative place", [1, 2, 3], 1, -1, /got place 0/],
    ["a fractional place", [1, 2, 3], 1, 1.5, /places 1 to 3/],
    ["a repeated id", [1, 2, 2], 1, 0, /lists a stage twice/],
  ])("rejects %s", (_name, order, moved, to, message) => {
    expect(() => reorderStages(order, moved, to)).toThrow(message);
  });

  it("keeps every stage once, puts the moved one at its place, and keeps the others' relative order", () => {
    const journeyArb = fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(
        journeyArb.chain((order) =>
          fc.tuple(fc.constant(order), fc.constantFrom(...order), fc.nat({ max: order.length - 1 })),
        ),
        ([order, moved, to]) => {
          const result = ids(reorderStages(order, moved, to));
          expect([...result].sort((a, b) => a - b)).toEqual([...order].sort((a, b) => a - b));
          expect(result[to]).toBe(moved);
          expect(result.filter((id) => id !== moved)).toEqual(order.filter((id) => id !== moved));
          // moving it back where it was restores the order
          expect(ids(reorderStages(result, moved, order.indexOf(moved)))).toEqual(order);
        },
      ),
    );
  });
});

describe("moveStage (keyboard)", () => {
  const journey = [10, 20, 30];

  it.each([
    [20, "earlier", [20, 10, 30]],
    [20, "later", [10, 30, 20]],
    [10, "earlier", [10, 20, 30]],
    [30, "later", [10, 20, 30]],
    [30, "first", [30, 10, 20]],
    [10, "last", [20, 30, 10]],
  ] as const)("stage %i %s → %j", (moved, move, expected) => {
    expect(ids(moveStage(journey, moved, move))).toEqual(expected);
  });

  it("rejects a stage not in the journey", () => {
    expect(() => moveStage(journey, 99, "later")).toThrow(/Stage 99/);
  });
});

describe("stageMoveForKey", () => {
  it.each([
    ["ArrowLeft", "ltr", "earlier"],
    ["ArrowRight", "ltr", "later"],
    ["ArrowLeft", "rtl", "later"],
    ["ArrowRight", "rtl", "earlier"],
    ["ArrowUp", "rtl", "earlier"],
    ["ArrowDown", "ltr", "later"],
    ["Home", "rtl", "first"],
    ["End", "ltr", "last"],
    ["Enter", "ltr", null],
  ] as const)("%s in %s → %s", (key, direction, move) => {
    expect(stageMoveForKey(key, direction)).toBe(move);
  });
});

describe("inDisplayOrder", () => {
  it("keeps journey order left to right and reverses it right to left, without mutating", () => {
    const journey = ["Awareness", "Purchase", "Loyalty"];
    expect(inDisplayOrder(journey, "ltr")).toEqual(journey);
    expect(inDisplayOrder(journey, "rtl")).toEqual(["Loyalty", "Purchase", "Awareness"]);
    expect(journey).toEqual(["Awareness", "Purchase", "Loyalty"]);
  });
});

describe("normaliseStagePositions", () => {
  it("archiving a stage closes its gap and puts it after the active ones", () => {
    const stages = [stage(1, 0), stage(2, 1, true), stage(3, 2), stage(4, 3, true), stage(5, 4)];
    expect(normaliseStagePositions(stages)).toEqual([
      { id: 1, position: 0 },
      { id: 3, position: 1 },
      { id: 5, position: 2 },
      { id: 2, position: 3 },
      { id: 4, position: 4 },
    ]);
  });

  it("a restored stage comes back last", () => {
    const archived = normaliseStagePositions([stage(1, 0), stage(2, 1, true), stage(3, 2)]);
    // archived: 1 → 0, 3 → 1, 2 → 2; now restore 2
    const restored = archived.map((p) => stage(p.id, p.position));
    expect(ids(normaliseStagePositions(restored))).toEqual([1, 3, 2]);
  });

  it("a new stage appended at max + 1 lands after the active ones, before the archived", () => {
    const stages = [stage(1, 0), stage(3, 1), stage(2, 2, true), stage(9, 3)];
    expect(ids(normaliseStagePositions(stages))).toEqual([1, 3, 9, 2]);
  });

  it("always gives positions 0…n−1, active first in their order", () => {
    const stagesArb = fc.uniqueArray(
      fc.record({ id: fc.integer({ min: 1, max: 500 }), position: fc.nat(50), archived: fc.boolean() }),
      { selector: (s) => s.id, maxLength: 15 },
    );
    fc.assert(
      fc.property(stagesArb, (raw) => {
        const stages = raw.map((s) => stage(s.id, s.position, s.archived));
        const result = normaliseStagePositions(stages);
        expect(result.map((p) => p.position)).toEqual(stages.map((_, i) => i));
        const active = orderStages(stages).map((s) => s.id);
        expect(ids(result).slice(0, active.length)).toEqual(active);
      }),
    );
  });
});

describe("changedStagePositions", () => {
  it("lists only the stages whose position changes", () => {
    const before = [
      { id: 1, position: 0 },
      { id: 2, position: 1 },
      { id: 3, position: 2 },
    ];
    expect(changedStagePositions(before, reorderStages([1, 2, 3], 3, 1))).toEqual([
      { id: 3, position: 1 },
      { id: 2, position: 2 },
    ]);
    expect(changedStagePositions(before, before)).toEqual([]);
  });
});
