import { AppError } from "../../errors";

/** What ordering needs of a journey stage (or of a touchpoint within its stage). */
export interface OrderedItem {
  id: number;
  position: number;
  archivedAt: Date | null;
}

/** A stage's new position; what the service writes back. */
export interface StagePosition {
  id: number;
  position: number;
}

const byPosition = (a: OrderedItem, b: OrderedItem) => a.position - b.position || a.id - b.id;

/**
 * The journey order: active stages (no archivedAt) by position, ties (bad data only: positions are
 * unique per workspace) broken by id, so the order is always total. Archived stages leave the order;
 * they keep their rows, so feedback tagged with them keeps its history.
 */
export function orderStages<T extends OrderedItem>(stages: readonly T[]): T[] {
  return stages.filter((stage) => stage.archivedAt === null).sort(byPosition);
}

/**
 * Positions for every stage, active and archived: the active ones 0…k−1 in journey order, then the
 * archived ones k… in their previous order. Keeping archived stages after the active ones lets
 * positions stay unique per workspace (the table's constraint) while the active order has no gaps.
 * Archiving (set archivedAt, normalise), restoring (clear archivedAt, normalise: its position is after
 * every active one, so it comes back last) and adding (position max + 1, normalise: last) all go
 * through this one function. Applying the result row by row can collide with the unique constraint
 * mid-way; the service moves the changed rows out of the way first (e.g. position + n), then sets them.
 */
export function normaliseStagePositions(stages: readonly OrderedItem[]): StagePosition[] {
  const active = orderStages(stages);
  const archived = stages.filter((stage) => stage.archivedAt !== null).sort(byPosition);
  return [...active, ...archived].map((stage, position) => ({ id: stage.id, position }));
}

/** The positions that differ between `before` and `after`: the rows to update. */
export function changedStagePositions(
  before: readonly StagePosition[],
  after: readonly StagePosition[],
): StagePosition[] {
  const old = new Map(before.map((stage) => [stage.id, stage.position]));
  return after.filter((stage) => old.get(stage.id) !== stage.position);
}

function assertOrder(ids: readonly number[], movedId: number): number {
  if (new Set(ids).size !== ids.length) {
    throw new AppError("INVALID_INPUT", "The stage order lists a stage twice; reload the journey and try again.");
  }
  const from = ids.indexOf(movedId);
  if (from === -1) {
    throw new AppError(
      "INVALID_INPUT",
      `Stage ${movedId} is not in the journey (it may be archived); reload and try again.`,
    );
  }
  return from;
}

/**
 * Drag and drop: the active stage ids in journey order, with `movedId` taken out and put back at
 * `toIndex` (0 = first; the index in the resulting order). Returns every stage with its new
 * position 0…n−1. Throws INVALID_INPUT when `movedId` is not in `ids`, `ids` repeats an id, or
 * `toIndex` is not a whole number in 0…n−1.
 */
export function reorderStages(ids: readonly number[], movedId: number, toIndex: number): StagePosition[] {
  const from = assertOrder(ids, movedId);
  if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= ids.length) {
    throw new AppError("INVALID_INPUT", `A stage can move to places 1 to ${ids.length}; got place ${toIndex + 1}.`);
  }
  const order = ids.filter((_, index) => index !== from);
  order.splice(toIndex, 0, movedId);
  return order.map((id, position) => ({ id, position }));
}

/** A keyboard move: one step towards the start or the end of the journey, or all the way. */
export type StageMove = "earlier" | "later" | "first" | "last";

/**
 * Keyboard reordering: moves `movedId` one place earlier/later, or to the first/last place. At either
 * end a step is a no-op (the positions come back unchanged), so holding a key does no harm.
 */
export function moveStage(ids: readonly number[], movedId: number, move: StageMove): StagePosition[] {
  const from = assertOrder(ids, movedId);
  const last = ids.length - 1;
  const to = { earlier: Math.max(0, from - 1), later: Math.min(last, from + 1), first: 0, last }[move];
  return reorderStages(ids, movedId, to);
}

export type TextDirection = "ltr" | "rtl";

/**
 * The move a key asks for on a stage of the journey map. Stages run in reading direction, so
 * ArrowLeft is "earlier" left to right and "later" right to left (and ArrowRight the opposite);
 * ArrowUp/ArrowDown (a vertical list) are earlier/later in both; Home/End go to the first/last place.
 * Any other key → null.
 */
export function stageMoveForKey(key: string, direction: TextDirection): StageMove | null {
  switch (key) {
    case "ArrowLeft":
      return direction === "ltr" ? "earlier" : "later";
    case "ArrowRight":
      return direction === "ltr" ? "later" : "earlier";
    case "ArrowUp":
      return "earlier";
    case "ArrowDown":
      return "later";
    case "Home":
      return "first";
    case "End":
      return "last";
    default:
      return null;
  }
}

/**
 * Journey-ordered items in their visual left-to-right order: as they are left to right, reversed
 * right to left. For layouts the browser does not mirror by itself (chart axes, absolutely placed
 * connectors); a flex row inside `dir="rtl"` already runs right to left and wants journey order.
 */
export function inDisplayOrder<T>(items: readonly T[], direction: TextDirection): T[] {
  return direction === "rtl" ? [...items].reverse() : [...items];
}
