import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { customers, feedback, journeyStages } from "@/db/schema";
import { decodeFeedbackCursor, encodeFeedbackCursor, type ListFeedbackInput } from "../domain/feedback";

/** `receivedAt` at full precision, in the cursor's format (see server/domain/feedback.ts). */
const exactReceivedAt = sql<string>`to_char(${feedback.receivedAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The workspace's feedback, newest first, keyset-paginated on (receivedAt, id). */
export async function listFeedback(db: Db, workspaceId: number, input: ListFeedbackInput) {
  const cursor = input.cursor ? decodeFeedbackCursor(input.cursor) : null;
  const rows = await db
    .select({
      id: feedback.id,
      receivedAt: feedback.receivedAt,
      source: feedback.source,
      channel: feedback.channel,
      metricKind: feedback.metricKind,
      score: feedback.score,
      text: feedback.text,
      language: feedback.language,
      status: feedback.status,
      priority: feedback.priority,
      customerExternalId: customers.externalId,
      stageName: journeyStages.name,
      exactReceivedAt,
    })
    .from(feedback)
    .leftJoin(customers, and(eq(customers.workspaceId, feedback.workspaceId), eq(customers.id, feedback.customerId)))
    .leftJoin(
      journeyStages,
      and(eq(journeyStages.workspaceId, feedback.workspaceId), eq(journeyStages.id, feedback.stageId)),
    )
    .where(
      and(
        eq(feedback.workspaceId, workspaceId),
        input.status ? eq(feedback.status, input.status) : undefined,
        cursor
          ? sql`(${feedback.receivedAt}, ${feedback.id}) < (${cursor.receivedAt}::timestamptz, ${cursor.id})`
          : undefined,
      ),
    )
    .orderBy(desc(feedback.receivedAt), desc(feedback.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const items = page.map(({ exactReceivedAt: _exact, ...item }) => item);
  const nextCursor =
    rows.length > input.limit && last ? encodeFeedbackCursor({ receivedAt: last.exactReceivedAt, id: last.id }) : null;
  return { items, nextCursor };
}
