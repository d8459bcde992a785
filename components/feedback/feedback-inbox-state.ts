import type { FeedbackFilters } from "@/server/domain/feedback/filters";

/** True when any filter narrows the inbox, the status included (the empty state then names them). */
export function hasInboxFilters(filters: FeedbackFilters): boolean {
  const { segmentIds, ...rest } = filters;
  return segmentIds.length > 0 || Object.values(rest).some((value) => value !== undefined);
}

/**
 * The selection after a click on the checkbox of the row at `index`: a plain click toggles that row
 * (and makes it the anchor); with Shift, every row between the anchor and this one takes the state
 * the anchor's click gave, like a file manager. Ids, not indexes, are kept: a reload of the list does
 * not move the selection to other items.
 */
export function toggleSelection(
  selected: ReadonlySet<number>,
  ids: readonly number[],
  index: number,
  anchor: number | null,
  range: boolean,
): Set<number> {
  const next = new Set(selected);
  const id = ids[index];
  if (id === undefined) return next;
  if (range && anchor !== null && ids[anchor] !== undefined) {
    const select = next.has(ids[anchor]!);
    const [from, to] = anchor < index ? [anchor, index] : [index, anchor];
    for (const other of ids.slice(from, to + 1)) {
      if (select) next.add(other);
      else next.delete(other);
    }
    return next;
  }
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/**
 * The row J (+1) or K (−1) moves to from `activeId`: the first row when none is active (or the
 * active one left the list), and no further than either end.
 */
export function moveActive(ids: readonly number[], activeId: number | undefined, delta: 1 | -1): number | undefined {
  if (ids.length === 0) return undefined;
  const at = activeId === undefined ? -1 : ids.indexOf(activeId);
  if (at === -1) return ids[0];
  return ids[Math.min(ids.length - 1, Math.max(0, at + delta))];
}
