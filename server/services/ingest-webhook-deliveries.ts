import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import {
  WEBHOOK_DELIVERIES_KEPT,
  type DeliveryRecord,
  type WebhookDeliveriesInput,
} from "../domain/ingest/webhook-deliveries";
import { notFound } from "../errors";

export interface LoggedDelivery extends DeliveryRecord {
  workspaceId: number;
  endpointId: number;
  receivedAt: Date;
  durationMs: number;
}

/**
 * Logs one delivery of an endpoint and deletes the endpoint's deliveries older than the last
 * WEBHOOK_DELIVERIES_KEPT, in one statement: the delete's subquery walks the (endpoint_id, id)
 * index from the newest row down and finds the first row to drop, so trimming reads ~100 index
 * entries whatever the table holds. Both parts see the statement's snapshot, which does not hold
 * the row being inserted: the delete keeps one fewer old row to make room for it.
 * Concurrent deliveries may leave one or two extra rows for a moment; the next write trims them.
 */
export async function recordWebhookDelivery(db: Db, delivery: LoggedDelivery): Promise<void> {
  const { endpointId } = delivery;
  await db.execute(sql`
    WITH logged AS (
      INSERT INTO ${webhookDeliveries} (workspace_id, endpoint_id, received_at, http_status, outcome, items_created,
        items_updated, items_unchanged, items_ignored, error_code, message, duration_ms)
      VALUES (${delivery.workspaceId}, ${endpointId}, ${delivery.receivedAt.toISOString()}::timestamptz,
        ${delivery.httpStatus}, ${delivery.outcome}, ${delivery.itemsCreated}, ${delivery.itemsUpdated},
        ${delivery.itemsUnchanged}, ${delivery.itemsIgnored}, ${delivery.errorCode}, ${delivery.message},
        ${delivery.durationMs})
    )
    DELETE FROM ${webhookDeliveries}
    WHERE endpoint_id = ${endpointId}
      AND id <= (
        SELECT id FROM ${webhookDeliveries} WHERE endpoint_id = ${endpointId}
        ORDER BY id DESC OFFSET ${WEBHOOK_DELIVERIES_KEPT - 1} LIMIT 1
      )`);
}

/**
 * The latest deliveries of one endpoint of the workspace, newest first (by when they were
 * received); NOT_FOUND for an endpoint of another workspace or none. Reads at most the
 * WEBHOOK_DELIVERIES_KEPT rows the log holds for the endpoint.
 */
export async function listWebhookDeliveries(db: Db, workspaceId: number, input: WebhookDeliveriesInput) {
  const [endpoint] = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, input.endpointId), eq(webhookEndpoints.workspaceId, workspaceId)));
  if (!endpoint) throw notFound("Webhook endpoint", input.endpointId);
  return db
    .select({
      id: webhookDeliveries.id,
      receivedAt: webhookDeliveries.receivedAt,
      httpStatus: webhookDeliveries.httpStatus,
      outcome: webhookDeliveries.outcome,
      itemsCreated: webhookDeliveries.itemsCreated,
      itemsUpdated: webhookDeliveries.itemsUpdated,
      itemsUnchanged: webhookDeliveries.itemsUnchanged,
      itemsIgnored: webhookDeliveries.itemsIgnored,
      errorCode: webhookDeliveries.errorCode,
      message: webhookDeliveries.message,
      durationMs: webhookDeliveries.durationMs,
    })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, endpoint.id), eq(webhookDeliveries.workspaceId, workspaceId)))
    .orderBy(desc(webhookDeliveries.receivedAt), desc(webhookDeliveries.id))
    .limit(input.limit);
}
