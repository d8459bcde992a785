import { z } from "zod";

/**
 * The delivery log of a webhook endpoint (Settings → Integrations → Recent deliveries): what each
 * delivery to a known endpoint was answered, so an admin can see why a tool's deliveries are refused.
 * Pure: the router's input and the UI's labels read the same constants.
 */

export const WEBHOOK_DELIVERY_OUTCOMES = ["accepted", "rejected"] as const;
export type WebhookDeliveryOutcome = (typeof WEBHOOK_DELIVERY_OUTCOMES)[number];

/** Deliveries kept per endpoint: older ones are deleted as new ones are logged. */
export const WEBHOOK_DELIVERIES_KEPT = 100;

/** Characters of the message kept: what the sender was told, never its payload. */
export const WEBHOOK_DELIVERY_MESSAGE_MAX = 300;

export const webhookDeliveriesInput = z.object({
  endpointId: z.number().int().positive(),
  limit: z
    .number()
    .int()
    .min(1)
    .max(WEBHOOK_DELIVERIES_KEPT, `At most the last ${WEBHOOK_DELIVERIES_KEPT} deliveries are kept.`)
    .default(20),
});
export type WebhookDeliveriesInput = z.output<typeof webhookDeliveriesInput>;

/** One delivery as logged, without where and when (the service adds those). */
export interface DeliveryRecord {
  httpStatus: number;
  outcome: WebhookDeliveryOutcome;
  itemsCreated: number;
  itemsUpdated: number;
  /** Redelivered with nothing changed: a duplicate. */
  itemsUnchanged: number;
  /** Acknowledged without an answer to store (e.g. a partial Typeform response). */
  itemsIgnored: number;
  /** The error code the sender got (`unauthorized`, `invalid_input`, …); null when accepted. */
  errorCode: string | null;
  /** The error the sender got, with its first item error; an ignored event's reason. */
  message: string | null;
}

const WRITE_STATUSES = { created: "itemsCreated", updated: "itemsUpdated", unchanged: "itemsUnchanged" } as const;

/**
 * What to log of a webhook's answer (`{ status, body }` as the REST layer sends it): 2xx is
 * accepted, anything else rejected. An accepted body `{ status: "created" | "updated" | "unchanged" }`
 * counts one item of that kind, `{ status: "ignored", reason }` one ignored item with its reason as
 * the message. An error body `{ error: { code, message, items? } }` gives the code and the message,
 * followed by the first item error ("path: message") and how many more there are. The message is cut
 * to WEBHOOK_DELIVERY_MESSAGE_MAX characters (an ellipsis marks the cut). The payload itself is never
 * read: only what the answer already tells the sender.
 */
export function deliveryRecordOf(answer: { status: number; body: unknown }): DeliveryRecord {
  const accepted = answer.status >= 200 && answer.status < 300;
  const record: DeliveryRecord = {
    httpStatus: answer.status,
    outcome: accepted ? "accepted" : "rejected",
    itemsCreated: 0,
    itemsUpdated: 0,
    itemsUnchanged: 0,
    itemsIgnored: 0,
    errorCode: null,
    message: null,
  };
  const body = isRecord(answer.body) ? answer.body : {};
  if (accepted) {
    const status = body.status;
    if (status === "ignored") {
      record.itemsIgnored = 1;
      record.message = typeof body.reason === "string" ? shorten(body.reason) : null;
    } else if (typeof status === "string" && Object.hasOwn(WRITE_STATUSES, status)) {
      record[WRITE_STATUSES[status as keyof typeof WRITE_STATUSES]] = 1;
    }
    return record;
  }
  const error = isRecord(body.error) ? body.error : {};
  record.errorCode = typeof error.code === "string" ? error.code : null;
  const parts = [typeof error.message === "string" ? error.message : `HTTP ${answer.status}`];
  const items = Array.isArray(error.items) ? error.items.filter(isRecord) : [];
  const [first] = items;
  if (first && typeof first.message === "string") {
    const path = typeof first.path === "string" && first.path ? `${first.path}: ` : "";
    parts.push(`${path}${first.message}${items.length > 1 ? ` (and ${items.length - 1} more)` : ""}`);
  }
  record.message = shorten(parts.join(" "));
  return record;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= WEBHOOK_DELIVERY_MESSAGE_MAX ? flat : `${flat.slice(0, WEBHOOK_DELIVERY_MESSAGE_MAX - 1)}…`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
