import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { analyseFeedback } from "@/db/text-analysis";
import { customers, feedback } from "@/db/schema";
import { instantKey } from "../domain/ingest/customer-input";
import type { FeedbackInput } from "../domain/ingest/feedback-input";
import { duplicateKeyErrors, type ItemError } from "../domain/ingest/api-items";
import type { Tx } from "./audit";

export type WriteStatus = "created" | "updated" | "unchanged";

export interface WrittenItem {
  index: number;
  id: number;
  externalId: string;
  status: WriteStatus;
}

export type WriteResult = { ok: true; items: WrittenItem[] } | { ok: false; errors: ItemError[] };

/**
 * Writes validated feedback items in the caller's transaction, all or nothing:
 * - an item whose (source, external id) repeats an earlier one of the request is an error;
 * - `customerExternalId` links the item to that customer; an unknown one is created from the
 *   item's customerEmail/customerName, dated by the item's time (the feedback input's contract:
 *   webhooks from survey tools name people the workspace may not have imported yet). An existing
 *   customer is never changed by feedback;
 * - items are upserted on (workspace, source, external id): a re-sent item updates its content
 *   (customer, channel, kind, score, text, language, time) and keeps its triage; an identical one
 *   is left untouched ("unchanged"), so a retry writes nothing;
 * - the text analysis (language, sentiment, themes, first triage, suspicious screening) runs on
 *   the created and updated items in the same transaction.
 * Rows are written in key order, so concurrent requests lock shared rows in one order.
 */
export async function writeFeedback(
  tx: Tx,
  workspaceId: number,
  items: readonly FeedbackInput[],
): Promise<WriteResult> {
  const duplicates = duplicateKeyErrors(
    items,
    (item) => `${item.source}\u0000${item.externalId}`,
    "externalId",
    (item) => `The ${item.source} item ${item.externalId}`,
  );
  if (duplicates.length > 0) return { ok: false, errors: duplicates };

  const customerIds = await resolveFeedbackCustomers(tx, workspaceId, items);
  const order = items.map((_, index) => index).sort((a, b) => compareKeys(items[a]!, items[b]!));
  const rows = order.map((index) => {
    const item = items[index]!;
    return {
      workspaceId,
      customerId: item.customerExternalId ? customerIds.get(item.customerExternalId)! : null,
      source: item.source,
      externalId: item.externalId,
      channel: item.channel,
      metricKind: item.metricKind,
      score: item.score,
      text: item.text,
      language: item.language,
      receivedAt: sql`${item.receivedAt}::timestamptz`, // microseconds kept
    };
  });
  const written = await tx
    .insert(feedback)
    .values(rows)
    .onConflictDoUpdate({
      target: [feedback.workspaceId, feedback.source, feedback.externalId],
      set: {
        customerId: sql`excluded.customer_id`,
        channel: sql`excluded.channel`,
        metricKind: sql`excluded.metric_kind`,
        score: sql`excluded.score`,
        text: sql`excluded.text`,
        // a language left out keeps the one the analysis detected
        language: sql`coalesce(excluded.language, feedback.language)`,
        receivedAt: sql`excluded.received_at`,
        updatedAt: sql`now()`,
      },
      setWhere: sql`(feedback.customer_id, feedback.channel, feedback.metric_kind, feedback.score, feedback.text,
          feedback.language, feedback.received_at)
        IS DISTINCT FROM (excluded.customer_id, excluded.channel, excluded.metric_kind, excluded.score, excluded.text,
          coalesce(excluded.language, feedback.language), excluded.received_at)`,
    })
    .returning({
      id: feedback.id,
      source: feedback.source,
      externalId: feedback.externalId,
      // xmax is 0 on a row this statement inserted, and set on one it updated
      inserted: sql<boolean>`(xmax = 0)`,
    });
  const statuses = new Map<string, { id: number; status: WriteStatus }>(
    written.map((row) => [
      `${row.source}\u0000${row.externalId}`,
      { id: row.id, status: row.inserted ? "created" : "updated" },
    ]),
  );
  const untouched = items.filter((item) => !statuses.has(`${item.source}\u0000${item.externalId}`));
  if (untouched.length > 0) {
    const found = await tx
      .select({ id: feedback.id, source: feedback.source, externalId: feedback.externalId })
      .from(feedback)
      .where(
        and(
          eq(feedback.workspaceId, workspaceId),
          sql`(${feedback.source}, ${feedback.externalId}) IN (${sql.join(
            untouched.map((item) => sql`(${item.source}::feedback_source, ${item.externalId})`),
            sql`, `,
          )})`,
        ),
      );
    for (const row of found) statuses.set(`${row.source}\u0000${row.externalId}`, { id: row.id, status: "unchanged" });
  }
  const changed = written.map((row) => row.id);
  if (changed.length > 0) await analyseFeedback(tx, workspaceId, { ids: changed });
  return {
    ok: true,
    items: items.map((item, index) => {
      const row = statuses.get(`${item.source}\u0000${item.externalId}`)!;
      return { index, id: row.id, externalId: item.externalId, status: row.status };
    }),
  };
}

function compareKeys(a: FeedbackInput, b: FeedbackInput): number {
  return a.source === b.source ? compareText(a.externalId, b.externalId) : compareText(a.source, b.source);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The customer id of every `customerExternalId` of the items, creating the unknown ones (in
 * external-id order; ON CONFLICT DO NOTHING, then read back, so a concurrent request creating the
 * same customer is not an error). A new customer takes the email and name of its first item that
 * has them, and the earliest time of its items as its creation date.
 */
async function resolveFeedbackCustomers(tx: Tx, workspaceId: number, items: readonly FeedbackInput[]) {
  const wanted = new Map<string, { email: string | null; name: string | null; createdAt: string }>();
  for (const item of items) {
    if (!item.customerExternalId) continue;
    const seen = wanted.get(item.customerExternalId);
    wanted.set(item.customerExternalId, {
      email: seen?.email ?? item.customerEmail,
      name: seen?.name ?? item.customerName,
      createdAt: seen && instantKey(seen.createdAt) < instantKey(item.receivedAt) ? seen.createdAt : item.receivedAt,
    });
  }
  const ids = new Map<string, number>();
  if (wanted.size === 0) return ids;
  const externalIds = [...wanted.keys()].sort(compareText);
  const select = () =>
    tx
      .select({ id: customers.id, externalId: customers.externalId })
      .from(customers)
      .where(and(eq(customers.workspaceId, workspaceId), inArray(customers.externalId, externalIds)));
  for (const row of await select()) ids.set(row.externalId, row.id);
  const missing = externalIds.filter((id) => !ids.has(id));
  if (missing.length > 0) {
    await tx
      .insert(customers)
      .values(
        missing.map((externalId) => {
          const seen = wanted.get(externalId)!;
          return {
            workspaceId,
            externalId,
            email: seen.email,
            name: seen.name,
            createdAt: sql`${seen.createdAt}::timestamptz`,
          };
        }),
      )
      .onConflictDoNothing({ target: [customers.workspaceId, customers.externalId] });
    for (const row of await select()) ids.set(row.externalId, row.id);
  }
  return ids;
}
