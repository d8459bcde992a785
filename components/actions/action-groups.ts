import type { ActionStatus } from "@/server/domain/enums";

/** The board's columns, in workflow order; dropped actions sit apart, collapsed. */
export const BOARD_COLUMNS = [
  "proposed",
  "planned",
  "in_progress",
  "done",
  "verified",
] as const satisfies readonly ActionStatus[];

export interface BoardGroups<T> {
  columns: { status: (typeof BOARD_COLUMNS)[number]; items: T[] }[];
  dropped: T[];
}

/** Sorts actions into the board's columns, keeping the list's order (due date first) within each. */
export function groupActionsByStatus<T extends { status: ActionStatus }>(items: readonly T[]): BoardGroups<T> {
  const columns = BOARD_COLUMNS.map((status) => ({ status, items: [] as T[] }));
  const dropped: T[] = [];
  for (const item of items) {
    if (item.status === "dropped") dropped.push(item);
    else columns.find((column) => column.status === item.status)?.items.push(item);
  }
  return { columns, dropped };
}

export interface TeamGroup<T> {
  teamId: number | null;
  teamName: string | null;
  items: T[];
  overdue: number;
}

/**
 * Groups actions by owner team for the team table: teams by name (in `locale`), actions without a
 * team last; within a team the list's order is kept. `overdue` counts the group's overdue actions.
 */
export function groupActionsByTeam<
  T extends { ownerTeamId: number | null; ownerTeamName: string | null; overdue: boolean },
>(items: readonly T[], locale: string): TeamGroup<T>[] {
  const groups = new Map<number | null, TeamGroup<T>>();
  for (const item of items) {
    let group = groups.get(item.ownerTeamId);
    if (!group) {
      group = { teamId: item.ownerTeamId, teamName: item.ownerTeamName, items: [], overdue: 0 };
      groups.set(item.ownerTeamId, group);
    }
    group.items.push(item);
    if (item.overdue) group.overdue += 1;
  }
  const collator = new Intl.Collator(locale);
  return [...groups.values()].sort((a, b) => {
    if (a.teamId === null || b.teamId === null) return a.teamId === null ? (b.teamId === null ? 0 : 1) : -1;
    return collator.compare(a.teamName ?? "", b.teamName ?? "") || a.teamId - b.teamId;
  });
}
