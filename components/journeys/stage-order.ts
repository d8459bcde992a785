import { moveStage, reorderStages, type StageMove, type StagePosition } from "@/server/domain/journeys/stages";

/** Stage ids in the order of their new positions. */
function idsOf(positions: readonly StagePosition[]): number[] {
  return [...positions].sort((a, b) => a.position - b.position).map((stage) => stage.id);
}

/** The journey order after a keyboard move of `movedId` (a no-op at either end). */
export function idsAfterMove(ids: readonly number[], movedId: number, move: StageMove): number[] {
  return idsOf(moveStage(ids, movedId, move));
}

/**
 * The journey order after dropping `movedId` on the stage `targetId`: the dragged stage takes the
 * target's place, so the target shifts one place towards where the dragged stage came from
 * (dropped on a later stage it lands after it, on an earlier one before it). Dropping a stage on
 * itself, or on a stage no longer in the order, changes nothing.
 */
export function idsAfterDrop(ids: readonly number[], movedId: number, targetId: number): number[] {
  const to = ids.indexOf(targetId);
  if (movedId === targetId || to === -1 || !ids.includes(movedId)) return [...ids];
  return idsOf(reorderStages(ids, movedId, to));
}

export function sameOrder(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/**
 * The order to show: the one being saved while it differs from the server's, else the server's.
 * A pending order that lists other stages than the server (one was added or archived meanwhile)
 * is dropped: the server's list is the truth about which stages exist.
 */
export function displayedOrder(server: readonly number[], pending: readonly number[] | null): readonly number[] {
  if (!pending || pending.length !== server.length) return server;
  const known = new Set(server);
  return pending.every((id) => known.has(id)) ? pending : server;
}
