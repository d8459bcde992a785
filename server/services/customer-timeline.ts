import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { queryRows } from "@/db/client";
import type { CustomerByIdInput, TimelineCursor, TimelineKind } from "../domain/customers";
import type { ActionStatus, Channel, FeedbackSource, FeedbackStatus, MetricKind, OrderKind } from "../domain/enums";

interface EntryBase {
  id: number;
  at: Date;
  channel: Channel | null;
}

/** One thing that happened with a customer, on any channel. */
export type TimelineEntry =
  | (EntryBase & {
      kind: "feedback";
      source: FeedbackSource;
      metricKind: MetricKind;
      score: number | null;
      /** null once the customer is erased (or when the item had none). */
      text: string | null;
      status: FeedbackStatus;
      stageName: string | null;
    })
  | (EntryBase & { kind: "order"; orderKind: OrderKind; amount: string; currency: string })
  | (EntryBase & { kind: "action"; title: string; status: ActionStatus });

interface Row {
  kind: TimelineKind;
  id: number;
  at: Date | string;
  channel: Channel | null;
  source: FeedbackSource | null;
  metricKind: MetricKind | null;
  score: number | null;
  text: string | null;
  status: string | null;
  label: string | null;
  amount: string | null;
  currency: string | null;
}

/**
 * A customer's feedback (received), orders (placed) and the improvement actions linked to their
 * feedback (created), newest first — ties by kind, then id, descending — keyset-paginated on
 * (instant to the millisecond, kind, id). Each arm reads at most one page from the customer's rows.
 */
export async function customerTimeline(db: Db, workspaceId: number, input: CustomerByIdInput) {
  const { id, limit } = input;
  const cursor: TimelineCursor | null = input.cursor ?? null;
  const after = (at: ReturnType<typeof sql>, kind: TimelineKind, rowId: ReturnType<typeof sql>) =>
    cursor
      ? sql`AND (${at}, ${kind}::text, ${rowId}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.kind}::text, ${cursor.id}::int)`
      : sql``;
  const ms = (column: string) => sql.raw(`date_trunc('milliseconds', ${column})`);
  const rows = await queryRows<Row>(
    db,
    sql`SELECT * FROM (
      (SELECT 'feedback'::text AS kind, f.id, ${ms("f.received_at")} AS at, f.channel::text AS channel,
          f.source::text AS source, f.metric_kind::text AS "metricKind", f.score::int AS score, f.text,
          f.status::text AS status, s.name AS label, NULL::text AS amount, NULL::text AS currency
        FROM feedback f LEFT JOIN journey_stages s ON s.id = f.stage_id
        WHERE f.customer_id = ${id} AND f.workspace_id = ${workspaceId} ${after(ms("f.received_at"), "feedback", sql`f.id`)}
        ORDER BY 3 DESC, 2 DESC LIMIT ${limit + 1})
      UNION ALL
      (SELECT 'order', o.id, ${ms("o.ordered_at")}, o.channel::text, NULL, NULL, NULL, NULL,
          o.kind::text, NULL, o.amount::text, o.currency
        FROM orders o
        WHERE o.customer_id = ${id} AND o.workspace_id = ${workspaceId} ${after(ms("o.ordered_at"), "order", sql`o.id`)}
        ORDER BY 3 DESC, 2 DESC LIMIT ${limit + 1})
      UNION ALL
      (SELECT 'action', a.id, ${ms("a.created_at")}, a.scope_channel::text, NULL, NULL, NULL, NULL,
          a.status::text, a.title, NULL, NULL
        FROM actions a
        WHERE a.workspace_id = ${workspaceId}
          AND a.id IN (SELECT af.action_id FROM action_feedback af JOIN feedback f ON f.id = af.feedback_id
            WHERE f.customer_id = ${id} AND f.workspace_id = ${workspaceId})
          ${after(ms("a.created_at"), "action", sql`a.id`)}
        ORDER BY 3 DESC, 2 DESC LIMIT ${limit + 1})
    ) t ORDER BY at DESC, kind DESC, id DESC LIMIT ${limit + 1}`,
  );
  const items = rows.slice(0, limit).map(toEntry);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? { at: last.at, kind: last.kind, id: last.id } : null,
  };
}

function toEntry(row: Row): TimelineEntry {
  const base = { id: row.id, at: new Date(row.at), channel: row.channel };
  if (row.kind === "feedback") {
    return {
      ...base,
      kind: "feedback",
      source: row.source!,
      metricKind: row.metricKind!,
      score: row.score,
      text: row.text,
      status: row.status as FeedbackStatus,
      stageName: row.label,
    };
  }
  if (row.kind === "order") {
    return { ...base, kind: "order", orderKind: row.status as OrderKind, amount: row.amount!, currency: row.currency! };
  }
  return { ...base, kind: "action", title: row.label!, status: row.status as ActionStatus };
}
