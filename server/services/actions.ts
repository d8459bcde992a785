import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { actions, teams, users } from "@/db/schema";
import { isActionOverdue, utcDate, type ListActionsInput } from "../domain/actions";

/**
 * The workspace's improvement actions by due date (undated last), optionally of one status.
 * `overdue` is judged against the UTC calendar date of `now`.
 */
export async function listActions(db: Db, workspaceId: number, input: ListActionsInput, now = new Date()) {
  const rows = await db
    .select({
      id: actions.id,
      title: actions.title,
      status: actions.status,
      kpi: actions.kpi,
      dueDate: actions.dueDate,
      ownerTeamName: teams.name,
      assigneeName: users.name,
    })
    .from(actions)
    // the team foreign key is not workspace-scoped, so the join is
    .leftJoin(teams, and(eq(teams.workspaceId, actions.workspaceId), eq(teams.id, actions.ownerTeamId)))
    .leftJoin(users, eq(users.id, actions.assigneeId))
    .where(and(eq(actions.workspaceId, workspaceId), input.status ? eq(actions.status, input.status) : undefined))
    .orderBy(sql`${actions.dueDate} asc nulls last`, asc(actions.id));
  const today = utcDate(now);
  return { today, items: rows.map((row) => ({ ...row, overdue: isActionOverdue(row, today) })) };
}
