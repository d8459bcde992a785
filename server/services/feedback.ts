import "server-only";
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { customers, feedback, feedbackThemes, journeyStages, segments, teams, users } from "@/db/schema";
import { AppError } from "../errors";
import { segmentText, wordKeys } from "../domain/text/tokenise";
import { isOverdue } from "../domain/triage/sla";
import {
  decodeFeedbackCursor,
  encodeFeedbackCursor,
  type FeedbackCursor,
  type FeedbackSort,
  type FeedbackFilterLabelsInput,
  type FeedbackFilters,
  type ListFeedbackInput,
  NPS_CATEGORY_SCORES,
} from "../domain/feedback";
import { feedbackScope, type TriageActor } from "./triage";

/** Feedback with its customer joined, as {@link filterConditions} reads them (segment, region). */
export const feedbackFrom = () =>
  sql`${feedback} LEFT JOIN ${customers} ON ${customers.workspaceId} = ${feedback.workspaceId} AND ${customers.id} = ${feedback.customerId}`;

/** The words of a search as the text analysis stores them (feedback.search_terms), each once. */
export function searchWords(query: string): string[] {
  return [...new Set(wordKeys(segmentText(query)))];
}

/** Rows strictly after the cursor's in newest-first order, among those sharing its sort key. */
const afterInTime = (cursor: FeedbackCursor) =>
  sql`(${feedback.receivedAt}, ${feedback.id}) < (${cursor.receivedAt}::timestamptz, ${cursor.id})`;
/** "Most negative first": no sentiment sorts after every real one (−1…1). */
const sentimentKey = sql`coalesce(${feedback.sentiment}, 2)`;

/**
 * Each order of the inbox: its ORDER BY (served by an index of its own: received_at,
 * feedback_workspace_priority_idx, feedback_workspace_sentiment_idx), the sort key a cursor
 * carries (prefix + value) and the keyset condition "after the cursor".
 */
const SORTS: Record<
  FeedbackSort,
  {
    orderBy: SQL[];
    prefix: string | null;
    key: SQL<string | null>;
    after: (cursor: FeedbackCursor) => SQL;
  }
> = {
  newest: {
    orderBy: [desc(feedback.receivedAt), desc(feedback.id)],
    prefix: null,
    key: sql<null>`NULL::text`,
    after: afterInTime,
  },
  priority: {
    orderBy: [asc(feedback.priority), desc(feedback.receivedAt), desc(feedback.id)],
    prefix: "p.",
    key: sql<string>`${feedback.priority}::text`,
    after: (cursor) => {
      const priority = cursor.key!.slice(2);
      return sql`(${feedback.priority} > ${priority}::priority OR (${feedback.priority} = ${priority}::priority AND ${afterInTime(cursor)}))`;
    },
  },
  negative: {
    orderBy: [sql`${sentimentKey} ASC`, desc(feedback.receivedAt), desc(feedback.id)],
    prefix: "s.",
    // real → text is exact (shortest round-trip form), so the cursor compares equal to its row
    key: sql<string>`${sentimentKey}::text`,
    after: (cursor) => {
      const value = cursor.key!.slice(2);
      return sql`(${sentimentKey} > ${value}::real OR (${sentimentKey} = ${value}::real AND ${afterInTime(cursor)}))`;
    },
  },
};

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
export function filterConditions(filters: FeedbackFilters, now: Date): (SQL | undefined)[] {
  const category = filters.npsCategory ? NPS_CATEGORY_SCORES[filters.npsCategory] : undefined;
  const words = filters.q ? searchWords(filters.q) : [];
  const assignment = [
    filters.assigneeId !== undefined ? eq(feedback.assigneeId, filters.assigneeId) : undefined,
    filters.teamId !== undefined ? eq(feedback.teamId, filters.teamId) : undefined,
  ].filter((c) => c !== undefined);
  return [
    filters.status ? eq(feedback.status, filters.status) : undefined,
    filters.priority ? eq(feedback.priority, filters.priority) : undefined,
    filters.source ? eq(feedback.source, filters.source) : undefined,
    filters.touchpointId !== undefined ? eq(feedback.touchpointId, filters.touchpointId) : undefined,
    filters.scoreMin !== undefined ? sql`${feedback.score} >= ${filters.scoreMin}` : undefined,
    filters.scoreMax !== undefined ? sql`${feedback.score} <= ${filters.scoreMax}` : undefined,
    filters.sentiment ? eq(feedback.sentimentLabel, filters.sentiment) : undefined,
    filters.themeId !== undefined
      ? sql`EXISTS (SELECT 1 FROM ${feedbackThemes} WHERE ${feedbackThemes.feedbackId} = ${feedback.id} AND ${feedbackThemes.themeId} = ${filters.themeId})`
      : undefined,
    // a tag and its regional forms: "pt" finds "pt-BR"
    filters.language
      ? sql`(${feedback.language} = ${filters.language} OR ${feedback.language} LIKE ${`${filters.language}-%`})`
      : undefined,
    assignment.length > 0 ? or(...assignment) : undefined,
    filters.overdue === true
      ? sql`${feedback.status} IN ('new', 'triaged', 'in_progress') AND ${feedback.dueAt} < ${now.toISOString()}::timestamptz`
      : filters.overdue === false
        ? sql`NOT (${feedback.status} IN ('new', 'triaged', 'in_progress') AND coalesce(${feedback.dueAt} < ${now.toISOString()}::timestamptz, false))`
        : undefined,
    filters.suspicious !== undefined ? eq(feedback.suspicious, filters.suspicious) : undefined,
    // every word of the query among the comment's words (a query with no words finds nothing)
    filters.q
      ? words.length > 0
        ? sql`${feedback.searchTerms} @> ARRAY[${sql.join(
            words.map((w) => sql`${w}`),
            sql`, `,
          )}]::text[]`
        : sql`FALSE`
      : undefined,
    segmentCondition(filters.segmentIds),
    filters.stageId !== undefined ? eq(feedback.stageId, filters.stageId) : undefined,
    filters.channel ? eq(feedback.channel, filters.channel) : undefined,
    filters.region !== undefined ? eq(customers.region, filters.region) : undefined,
    filters.metricKind ? eq(feedback.metricKind, filters.metricKind) : undefined,
    category ? sql`${feedback.score} between ${category.min} and ${category.max}` : undefined,
    filters.from ? sql`${feedback.receivedAt} >= (${filters.from}::date)::timestamp AT TIME ZONE 'UTC'` : undefined,
    filters.to ? sql`${feedback.receivedAt} < (${filters.to}::date + 1)::timestamp AT TIME ZONE 'UTC'` : undefined,
  ];
}

/**
 * The feedback the actor may see (feedbackScope) matching the filters, newest first, keyset-paginated on
 * (receivedAt, id): a page continues strictly after the cursor's row, so rows are never skipped or
 * repeated while the filters stay the same.
 */
export async function listFeedback(db: Db, actor: TriageActor, input: ListFeedbackInput, now = new Date()) {
  const { cursor: cursorText, limit, sort, ...filters } = input;
  const cursor = cursorText ? decodeFeedbackCursor(cursorText) : null;
  const order = SORTS[sort];
  if (cursor && (cursor.key?.slice(0, 2) ?? null) !== order.prefix) {
    throw new AppError("INVALID_INPUT", "This page cursor belongs to another order of the list; reload the list.");
  }
  // a page is 51 rows read in index order: parallel workers only add start-up time (and, on a
  // busy two-core server, made a segment's first page 48 ms instead of 5 at 10M rows)
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL max_parallel_workers_per_gather = 0`);
    return tx
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
        sentiment: feedback.sentiment,
        sentimentLabel: feedback.sentimentLabel,
        assigneeId: feedback.assigneeId,
        assigneeName: sql<
          string | null
        >`(SELECT ${users.name} FROM ${users} WHERE ${users.id} = ${feedback.assigneeId})`,
        teamId: feedback.teamId,
        teamName: sql<string | null>`(SELECT ${teams.name} FROM ${teams} WHERE ${teams.id} = ${feedback.teamId})`,
        dueAt: feedback.dueAt,
        suspicious: feedback.suspicious,
        version: feedback.version,
        sortKey: order.key,
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
          ...filterConditions(filters, now),
          cursor ? order.after(cursor) : undefined,
        ),
      )
      .orderBy(...order.orderBy)
      .limit(limit + 1);
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const items = page.map(({ exactReceivedAt: _exact, sortKey: _key, ...item }) => ({
    ...item,
    overdue: isOverdue(item, now),
  }));
  const nextCursor =
    rows.length > limit && last
      ? encodeFeedbackCursor({
          ...(order.prefix ? { key: `${order.prefix}${last.sortKey}` } : {}),
          receivedAt: last.exactReceivedAt,
          id: last.id,
        })
      : null;
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
