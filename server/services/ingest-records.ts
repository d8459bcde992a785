import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { customers, orders, segments } from "@/db/schema";
import { instantKey, type CustomerInput } from "../domain/ingest/customer-input";
import type { OrderInput } from "../domain/ingest/order-input";
import { duplicateKeyErrors, type ItemError } from "../domain/ingest/api-items";
import type { Tx } from "./audit";
import type { WriteResult, WriteStatus } from "./ingest-feedback";

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Canonical UTC text with 6 fraction digits, comparable with instantKey(). */
const utcText = (column: unknown) =>
  sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Upserts customers on (workspace, external id), all or nothing. A sent customer replaces the
 * stored fields (a field left out becomes empty), except the creation date, which is kept when not
 * sent (new customers: now, or the churn date if that is earlier). `segment` is a segment name,
 * matched case-insensitively; an unknown one is an error (segments are managed in Segments, not
 * created by a typo). A churn date before the creation date, stored or sent, is an error.
 */
export async function writeCustomers(
  tx: Tx,
  workspaceId: number,
  items: readonly CustomerInput[],
): Promise<WriteResult> {
  const errors: ItemError[] = duplicateKeyErrors(
    items,
    (c) => c.externalId,
    "externalId",
    (c) => `Customer ${c.externalId}`,
  );
  const names = [...new Set(items.flatMap((c) => (c.segment ? [c.segment.toLowerCase()] : [])))];
  const segmentIds = new Map<string, number>();
  if (names.length > 0) {
    const rows = await tx
      .select({ id: segments.id, key: sql<string>`lower(${segments.name})` })
      .from(segments)
      .where(and(eq(segments.workspaceId, workspaceId), inArray(sql`lower(${segments.name})`, names)));
    for (const row of rows) segmentIds.set(row.key, row.id);
  }
  const stored = new Map<string, string>();
  const ids = [...new Set(items.map((c) => c.externalId))];
  for (const row of await tx
    .select({ externalId: customers.externalId, createdAt: utcText(customers.createdAt) })
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), inArray(customers.externalId, ids)))) {
    stored.set(row.externalId, row.createdAt);
  }
  const now = new Date().toISOString();
  const createdAt = items.map(
    (c) =>
      c.createdAt ??
      stored.get(c.externalId) ??
      (c.churnedAt && instantKey(c.churnedAt) < instantKey(now) ? c.churnedAt : now),
  );
  items.forEach((c, index) => {
    if (c.segment && !segmentIds.has(c.segment.toLowerCase())) {
      errors.push({
        index,
        path: "segment",
        message: `There is no segment named "${c.segment}"; create it in Segments or fix the name.`,
      });
    }
    if (!c.createdAt && c.churnedAt && instantKey(c.churnedAt) < instantKey(createdAt[index]!)) {
      errors.push({
        index,
        path: "churnedAt",
        message: `The churn date ${c.churnedAt} is before customer ${c.externalId} was created (${createdAt[index]}); send createdAt too.`,
      });
    }
  });
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.index - b.index) };

  const order = items.map((_, index) => index).sort((a, b) => byText(items[a]!.externalId, items[b]!.externalId));
  const written = await tx
    .insert(customers)
    .values(
      order.map((index) => {
        const c = items[index]!;
        return {
          workspaceId,
          externalId: c.externalId,
          name: c.name,
          email: c.email,
          segmentId: c.segment ? segmentIds.get(c.segment.toLowerCase())! : null,
          region: c.region,
          preferredChannel: c.preferredChannel,
          createdAt: sql`${createdAt[index]}::timestamptz`,
          churnedAt: c.churnedAt ? sql`${c.churnedAt}::timestamptz` : null,
        };
      }),
    )
    .onConflictDoUpdate({
      target: [customers.workspaceId, customers.externalId],
      set: {
        name: sql`excluded.name`,
        email: sql`excluded.email`,
        segmentId: sql`excluded.segment_id`,
        region: sql`excluded.region`,
        preferredChannel: sql`excluded.preferred_channel`,
        createdAt: sql`excluded.created_at`,
        churnedAt: sql`excluded.churned_at`,
      },
      setWhere: sql`(customers.name, customers.email, customers.segment_id, customers.region, customers.preferred_channel,
          customers.created_at, customers.churned_at)
        IS DISTINCT FROM (excluded.name, excluded.email, excluded.segment_id, excluded.region, excluded.preferred_channel,
          excluded.created_at, excluded.churned_at)`,
    })
    .returning({ id: customers.id, externalId: customers.externalId, inserted: sql<boolean>`(xmax = 0)` });
  return collect(items, written, async (missing) =>
    tx
      .select({ id: customers.id, externalId: customers.externalId })
      .from(customers)
      .where(and(eq(customers.workspaceId, workspaceId), inArray(customers.externalId, missing))),
  );
}

/**
 * Upserts orders on (workspace, order external id), all or nothing. The customer is named by its
 * external id and must exist (an order of nobody would count revenue for no one: send the customer
 * first). Amounts stay exact decimal strings from the request to the numeric column.
 */
export async function writeOrders(tx: Tx, workspaceId: number, items: readonly OrderInput[]): Promise<WriteResult> {
  const errors: ItemError[] = duplicateKeyErrors(
    items,
    (o) => o.externalId,
    "externalId",
    (o) => `Order ${o.externalId}`,
  );
  const wanted = [...new Set(items.map((o) => o.customerExternalId))];
  const customerIds = new Map<string, number>();
  for (const row of await tx
    .select({ id: customers.id, externalId: customers.externalId })
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), inArray(customers.externalId, wanted)))) {
    customerIds.set(row.externalId, row.id);
  }
  items.forEach((o, index) => {
    if (!customerIds.has(o.customerExternalId)) {
      errors.push({
        index,
        path: "customerExternalId",
        message: `Customer ${o.customerExternalId} does not exist; send it to POST /api/v1/customers first.`,
      });
    }
  });
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.index - b.index) };

  const sorted = [...items].sort((a, b) => byText(a.externalId, b.externalId));
  const written = await tx
    .insert(orders)
    .values(
      sorted.map((o) => ({
        workspaceId,
        customerId: customerIds.get(o.customerExternalId)!,
        externalId: o.externalId,
        kind: o.kind,
        amount: o.amount,
        currency: o.currency,
        orderedAt: sql`${o.orderedAt}::timestamptz`,
        channel: o.channel,
      })),
    )
    .onConflictDoUpdate({
      target: [orders.workspaceId, orders.externalId],
      set: {
        customerId: sql`excluded.customer_id`,
        kind: sql`excluded.kind`,
        amount: sql`excluded.amount`,
        currency: sql`excluded.currency`,
        orderedAt: sql`excluded.ordered_at`,
        channel: sql`excluded.channel`,
      },
      setWhere: sql`(orders.customer_id, orders.kind, orders.amount, orders.currency, orders.ordered_at, orders.channel)
        IS DISTINCT FROM (excluded.customer_id, excluded.kind, excluded.amount, excluded.currency, excluded.ordered_at,
          excluded.channel)`,
    })
    .returning({ id: orders.id, externalId: orders.externalId, inserted: sql<boolean>`(xmax = 0)` });
  return collect(items, written, async (missing) =>
    (
      await tx
        .select({ id: orders.id, externalId: orders.externalId })
        .from(orders)
        .where(and(eq(orders.workspaceId, workspaceId), inArray(orders.externalId, missing)))
    ).map((row) => ({ id: row.id, externalId: row.externalId ?? "" })),
  );
}

/** Each item's id and status from the upsert's returned rows, reading back the unchanged ones. */
async function collect(
  items: readonly { externalId: string }[],
  written: { id: number; externalId: string | null; inserted: boolean }[],
  readUnchanged: (externalIds: string[]) => Promise<{ id: number; externalId: string }[]>,
): Promise<WriteResult> {
  const rows = new Map<string, { id: number; status: WriteStatus }>(
    written.map((row) => [row.externalId ?? "", { id: row.id, status: row.inserted ? "created" : "updated" }]),
  );
  const missing = items.map((item) => item.externalId).filter((id) => !rows.has(id));
  if (missing.length > 0)
    for (const row of await readUnchanged(missing)) rows.set(row.externalId, { id: row.id, status: "unchanged" });
  return {
    ok: true,
    items: items.map((item, index) => ({ index, externalId: item.externalId, ...rows.get(item.externalId)! })),
  };
}
