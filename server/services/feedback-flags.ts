import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { syncSuspicious } from "@/db/screening";
import { auditEvents, feedback, feedbackFlags, users } from "@/db/schema";
import { describeSuspicion, type SuspicionDetail } from "../domain/text/suspicious";
import { AppError } from "../errors";
import type { TriageActor } from "./triage";

/** A manager's verdict on an item's suspicion flags: fake or low quality (confirm), or fine (clear). */
export const FLAG_VERDICTS = ["confirm", "clear"] as const;
export type FlagVerdict = (typeof FLAG_VERDICTS)[number];

/** The flags of one item, worded, oldest rule first; the caller has checked the item is readable. */
export async function listFeedbackFlags(db: Db, feedbackId: number) {
  const rows = await db
    .select({
      code: feedbackFlags.code,
      detail: feedbackFlags.detail,
      state: feedbackFlags.state,
      detectedAt: feedbackFlags.detectedAt,
      reviewedAt: feedbackFlags.reviewedAt,
      reviewedByName: users.name,
    })
    .from(feedbackFlags)
    .leftJoin(users, eq(users.id, feedbackFlags.reviewedBy))
    .where(eq(feedbackFlags.feedbackId, feedbackId))
    .orderBy(asc(feedbackFlags.id));
  return rows.map(({ detail, ...flag }) => ({
    ...flag,
    reason: describeSuspicion({ code: flag.code, ...detail } as SuspicionDetail),
  }));
}

/**
 * Confirm or clear every flag of an item that is not already in that state; audited with the
 * states before and after. A cleared flag is not raised again by later screenings. Managers only
 * (the router's `feedback.triage`); the item must be in the workspace and carry a flag.
 */
export async function reviewFeedbackFlags(
  db: Db,
  actor: TriageActor,
  input: { id: number; verdict: FlagVerdict },
): Promise<{ suspicious: boolean; changed: number }> {
  const state = input.verdict === "confirm" ? "confirmed" : "cleared";
  return db.transaction(async (tx) => {
    const flags = await tx
      .select({ id: feedbackFlags.id, code: feedbackFlags.code, state: feedbackFlags.state })
      .from(feedbackFlags)
      .innerJoin(feedback, eq(feedback.id, feedbackFlags.feedbackId))
      .where(and(eq(feedbackFlags.feedbackId, input.id), eq(feedback.workspaceId, actor.workspaceId)))
      .for("update", { of: feedbackFlags });
    if (flags.length === 0) {
      const [item] = await tx
        .select({ id: feedback.id })
        .from(feedback)
        .where(and(eq(feedback.id, input.id), eq(feedback.workspaceId, actor.workspaceId)));
      if (!item) throw new AppError("NOT_FOUND", `Feedback ${input.id} does not exist in this workspace.`);
      throw new AppError(
        "INVALID_STATE",
        `Feedback ${input.id} carries no suspicion flag; there is nothing to review.`,
      );
    }
    const changed = flags.filter((f) => f.state !== state);
    if (changed.length > 0) {
      await tx
        .update(feedbackFlags)
        .set({ state, reviewedBy: actor.userId, reviewedAt: sql`now()` })
        .where(and(eq(feedbackFlags.feedbackId, input.id), ne(feedbackFlags.state, state)));
      await syncSuspicious(tx as unknown as Db, actor.workspaceId, input.id);
      await tx.insert(auditEvents).values({
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: input.verdict === "confirm" ? "feedback.flags_confirm" : "feedback.flags_clear",
        entityType: "feedback",
        entityId: String(input.id),
        before: { flags: Object.fromEntries(changed.map((f) => [f.code, f.state])) },
        after: { flags: Object.fromEntries(changed.map((f) => [f.code, state])) },
      });
    }
    return { suspicious: state === "confirmed", changed: changed.length };
  });
}
