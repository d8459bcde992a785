import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { queryRows } from "@/db/client";
import { MAX_BULK_ITEMS, RESOLUTION_NOTE_MAX_LENGTH } from "../domain/triage";
import { AppError } from "../errors";
import { findVisibleAction, type ActionsActor } from "./actions";
import { recordAudit } from "./audit";
import { bulkTriage } from "./triage";

/** The resolution note each item gets: it names the action, so the customer's history says what fixed it. */
export function closingNote(action: { id: number; title: string }): string {
  const note = `Resolved by improvement action #${action.id} “${action.title}”, verified.`;
  return note.length <= RESOLUTION_NOTE_MAX_LENGTH ? note : `${note.slice(0, RESOLUTION_NOTE_MAX_LENGTH - 1)}…`;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Close the loop of a verified action: every linked feedback item still open is resolved with a
 * note naming the action, through the inbox's bulk triage (so each item's version, audit event and
 * SLA fields are what a manual resolve writes). A new item is triaged first (the inbox resolves
 * only triaged or in-progress items). All or nothing, in one transaction; resolved and dismissed
 * items are left as they are. Needs feedback.triage over the items (admins, CX managers).
 */
export async function resolveLinkedFeedback(
  db: Db,
  actor: ActionsActor,
  input: { id: number; customerContacted: boolean },
  now = new Date(),
) {
  const action = await findVisibleAction(db, actor, input.id);
  if (action.status !== "verified") {
    throw new AppError(
      "INVALID_STATE",
      `Action ${action.id} is ${action.status.replace("_", " ")}; verify it before resolving its linked feedback.`,
    );
  }
  const open = await queryRows<{ id: number; status: string }>(
    db,
    sql`SELECT f.id, f.status::text AS status FROM action_feedback af
      JOIN feedback f ON f.id = af.feedback_id AND f.workspace_id = ${actor.workspaceId}
      WHERE af.action_id = ${action.id} AND f.status NOT IN ('resolved', 'dismissed')
      ORDER BY f.id`,
  );
  if (open.length === 0) return { actionId: action.id, resolved: 0, feedbackIds: [] as number[] };
  const triageActor = { userId: actor.userId, workspaceId: actor.workspaceId, role: actor.role };
  const ids = open.map((row) => row.id);
  const fresh = open.filter((row) => row.status === "new").map((row) => row.id);
  const resolutionNote = closingNote(action);
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    for (const part of chunks(fresh, MAX_BULK_ITEMS)) {
      await bulkTriage(txDb, triageActor, { ids: part, command: { type: "triage" } }, now);
    }
    let resolved = 0;
    for (const part of chunks(ids, MAX_BULK_ITEMS)) {
      const result = await bulkTriage(
        txDb,
        triageActor,
        { ids: part, command: { type: "resolve", resolutionNote, customerContacted: input.customerContacted } },
        now,
      );
      resolved += result.changed;
    }
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "actions.resolveFeedback",
      entityType: "action",
      entityId: action.id,
      after: { feedbackIds: ids, customerContacted: input.customerContacted },
    });
    return { actionId: action.id, resolved, feedbackIds: ids };
  });
}
