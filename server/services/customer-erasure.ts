import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { auditEvents } from "@/db/schema";
import { ERASED_TEXT } from "../domain/customers";
import { notFound } from "../errors";
import { txRows } from "./segments";

export const ERASE_ACTION = "customers.erase";

export interface ErasureResult {
  id: number;
  /** When the customer was first erased (this call, or an earlier one). */
  erasedAt: Date;
  /** An earlier erasure had run: this one only cleared what arrived since. */
  repeated: boolean;
  /** Feedback items whose free text this call removed. */
  feedbackErased: number;
  /** Comments on their feedback this call blanked. */
  commentsErased: number;
}

/**
 * GDPR erasure of one customer (admins), in one transaction: their name and email become null;
 * the free text of their feedback (the comment, its search words and duplicate-text key, and the
 * team's resolution note and dismiss reason) is removed; comments on their feedback are replaced
 * by {@link ERASED_TEXT}. Scores, sentiment, themes, orders and the customer row stay, so every
 * aggregate (rollups, segment figures) is unchanged — no counted column is touched, and the
 * rollup triggers move nothing. Audited as `customers.erase` with who and when and counts only,
 * never the erased data. Erasing again is harmless: it clears only text that arrived since.
 * Not erased: earlier audit events (append-only) that recorded triage notes.
 */
export async function eraseCustomer(db: Db, actor: { userId: number; workspaceId: number }, id: number) {
  return db.transaction(async (tx): Promise<ErasureResult> => {
    const [customer] = await txRows<{ id: number; firstErasedAt: Date | string | null }>(
      tx,
      sql`SELECT c.id, (SELECT min(e.at) FROM audit_events e WHERE e.workspace_id = c.workspace_id
            AND e.entity_type = 'customer' AND e.entity_id = c.id::text AND e.action = ${ERASE_ACTION}) AS "firstErasedAt"
        FROM customers c WHERE c.workspace_id = ${actor.workspaceId} AND c.id = ${id} FOR UPDATE OF c`,
    );
    if (!customer) throw notFound("Customer", id);
    await tx.execute(sql`UPDATE customers SET name = NULL, email = NULL
      WHERE id = ${id} AND (name IS NOT NULL OR email IS NOT NULL)`);
    const items = await txRows<{ id: number }>(
      tx,
      sql`UPDATE feedback SET text = NULL, search_terms = '{}', text_key = NULL, resolution_note = NULL,
          dismiss_reason = CASE WHEN dismiss_reason IS NULL THEN NULL ELSE ${ERASED_TEXT} END
        WHERE workspace_id = ${actor.workspaceId} AND customer_id = ${id}
          AND (text IS NOT NULL OR search_terms <> '{}' OR text_key IS NOT NULL OR resolution_note IS NOT NULL
            OR dismiss_reason <> ${ERASED_TEXT})
        RETURNING id`,
    );
    const comments = await txRows<{ id: number }>(
      tx,
      sql`UPDATE feedback_comments c SET body = ${ERASED_TEXT}
        FROM feedback f
        WHERE f.id = c.feedback_id AND f.workspace_id = ${actor.workspaceId} AND f.customer_id = ${id}
          AND c.body <> ${ERASED_TEXT}
        RETURNING c.id`,
    );
    const [event] = await tx
      .insert(auditEvents)
      .values({
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: ERASE_ACTION,
        entityType: "customer",
        entityId: String(id),
        after: {
          feedbackErased: items.length,
          commentsErased: comments.length,
          repeated: customer.firstErasedAt !== null,
        },
      })
      .returning({ at: auditEvents.at });
    return {
      id,
      erasedAt: customer.firstErasedAt ? new Date(customer.firstErasedAt) : event!.at,
      repeated: customer.firstErasedAt !== null,
      feedbackErased: items.length,
      commentsErased: comments.length,
    };
  });
}
