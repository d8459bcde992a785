import "server-only";
import { and, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { customers, feedback, journeyStages, segments } from "@/db/schema";
import {
  decodeFeedbackCursor,
  encodeFeedbackCursor,
  type FeedbackFilterLabelsInput,
  type FeedbackFilters,
  type ListFeedbackInput,
  NPS_CATEGORY_SCORES,
} from "../domain/feedback";
import { feedbackScope, type TriageActor } from "./triage";

/** `receivedAt` at full precision, in the cursor's format (see server/domain/feedback/list.ts). */
const exactReceivedAt = sql<string>`to_char(${feedback.receivedAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Any of the segments; null matches customers without one and feedback without a customer. */
function segmentCondition(ids: readonly (number | null)[]): SQL | undefined {
  if (ids.length === 0) return undefined;
  const known = ids.filter((id): id is number => id !== null);
  return or(
    known.length > 0 ? inArray(customers.segmentId, known) : undefined,
    // spelled out for anonymous feedback: after the left join the planner guesses customers.segment_id
    // IS NULL alone at ~0 rows (every customer may have a segment) and sorts the whole workspace
    known.length < ids.length ? or(isNull(feedback.customerId), isNull(customers.segmentId)) : undefined,
  );
}

/**
 * The WHERE terms of `filters` (see feedbackFiltersInput). Segment and region read the joined
 * customer. Dates are whole UTC days: `from` 00:00 up to the day after `to`, computed in SQL so the
 * last day of year 9999 needs no JavaScript Date beyond it.
 */
function filterConditions(filters: FeedbackFilters): (SQL | undefined)[] {
  const category = filters.npsCategory ? NPS_CATEGORY_SCORES[filters.npsCategory] : undefined;
  return [
    filters.status ? eq(feedback.status, filters.status) : undefined,
    segmentCondition(filters.segmentIds),
    filters.stageId !== undefined ? eq(feedback.stageId, filters.stageId) : undefined,
    filters.channel ? eq(feedback.channel, filters.channel) : undefined,
    filters.region !== undefined ? eq(customers.region, filters.region) : undefined,
    filters.metricKind ? eq(feedback.metricKind, filters.metricKind) : undefined,
    category ? sql`${feedback.score} between ${category.min} and ${category.max}` : undefined,
    filters.from
      ? sql`${feedback.receivedAt} >= (${filters.from}::date)::timestamp AT TIME ZONE 'UTC'`
      : undefined,
    filters.to
      ? sql`${feedback.receivedAt} < (${filters.to}::date + 1)::timestamp AT TIME ZONE 'UTC'`
      : undefined,
  ];
}

/**
 * The feedback the actor may see (feedbackScope) matching the filters, newest first, keyset-paginated on
 * (receivedAt, id): a page continues strictly after the cursor's row, so rows are never skipped or
 * repeated while the filters stay the same.
 */
export async function listFeedback(db: Db, actor: TriageActor, input: ListFeedbackInput) {
  const { cursor: cursorText, limit, ...filters } = input;
  const cursor = cursorText ? decodeFeedbackCursor(cursorText) : null;
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
      assigneeId: feedback.assigneeId,
      teamId: feedback.teamId,
      dueAt: feedback.dueAt,
      version: feedback.version,
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
        eq(feedback.workspaceId, actor.workspaceId),
        feedbackScope(actor, "read"),
        ...filterConditions(filters),
        cursor
          ? sql`(${feedback.receivedAt}, ${feedback.id}) < (${cursor.receivedAt}::timestamptz, ${cursor.id})`
          : undefined,
      ),
    )
    .orderBy(desc(feedback.receivedAt), desc(feedback.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const items = page.map(({ exactReceivedAt: _exact, ...item }) => item);
  const nextCursor =
    rows.length > limit && last ? encodeFeedbackCursor({ receivedAt: last.exactReceivedAt, id: last.id }) : null;
  return { items, nextCursor };
}

/**
 * Names of the segments and the journey stage that inbox filters refer to, for the filter chips.
 * Only this workspace's records: an id from elsewhere (or deleted) is simply not in the answer.
 * Archived stages keep their name, since old links may still point at them.
 */
export async function describeFeedbackFilters(db: Db, workspaceId: number, input: FeedbackFilterLabelsInput) {
  const segmentIds = (input.segmentIds ?? []).filter((id): id is number => id !== null);
  const [segmentRows, stageRows] = await Promise.all([
    segmentIds.length === 0
      ? []
      : db
          .select({ id: segments.id, name: segments.name })
          .from(segments)
          .where(and(eq(segments.workspaceId, workspaceId), inArray(segments.id, segmentIds))),
    input.stageId === undefined
      ? []
      : db
          .select({ id: journeyStages.id, name: journeyStages.name })
          .from(journeyStages)
          .where(and(eq(journeyStages.workspaceId, workspaceId), eq(journeyStages.id, input.stageId))),
  ]);
  return { segments: segmentRows, stages: stageRows };
}
