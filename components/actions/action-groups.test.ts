import { describe, expect, it } from "vitest";
import type { ActionStatus } from "@/server/domain/enums";
import { BOARD_COLUMNS, groupActionsByStatus, groupActionsByTeam } from "./action-groups";

const action = (id: number, status: ActionStatus, team: [number, string] | null = null, overdue = false) => ({
  id,
  status,
  ownerTeamId: team?.[0] ?? null,
  ownerTeamName: team?.[1] ?? null,
  overdue,
});

describe("groupActionsByStatus", () => {
  it("has the five workflow columns in order, empty ones included", () => {
    const { columns, dropped } = groupActionsByStatus([]);
    expect(columns.map((c) => c.status)).toEqual([...BOARD_COLUMNS]);
    expect(columns.every((c) => c.items.length === 0)).toBe(true);
    expect(dropped).toEqual([]);
  });

  it("puts each action in its status's column, keeping the list's order, and dropped ones apart", () => {
    const items = [
      action(1, "planned"),
      action(2, "dropped"),
      action(3, "proposed"),
      action(4, "planned"),
      action(5, "verified"),
      action(6, "in_progress"),
      action(7, "done"),
    ];
    const { columns, dropped } = groupActionsByStatus(items);
    expect(Object.fromEntries(columns.map((c) => [c.status, c.items.map((i) => i.id)]))).toEqual({
      proposed: [3],
      planned: [1, 4],
      in_progress: [6],
      done: [7],
      verified: [5],
    });
    expect(dropped.map((i) => i.id)).toEqual([2]);
  });
});

describe("groupActionsByTeam", () => {
  it("orders teams by name, no team last, and counts overdue actions per team", () => {
    const items = [
      action(1, "planned", [2, "Support"], true),
      action(2, "planned", null, true),
      action(3, "done", [1, "Delivery"]),
      action(4, "in_progress", [2, "Support"], true),
      action(5, "proposed", [3, "billing"]),
    ];
    const groups = groupActionsByTeam(items, "en");
    expect(groups.map((g) => [g.teamName, g.items.map((i) => i.id), g.overdue])).toEqual([
      ["billing", [5], 0],
      ["Delivery", [3], 0],
      ["Support", [1, 4], 2],
      [null, [2], 1],
    ]);
  });

  it("keeps two teams of the same name apart", () => {
    const groups = groupActionsByTeam([action(1, "planned", [5, "Ops"]), action(2, "planned", [4, "Ops"])], "en");
    expect(groups.map((g) => g.teamId)).toEqual([4, 5]);
  });
});
