import { z } from "zod";
import { ORDER_KINDS } from "../enums";
import { isAmountSignValid } from "../scores";
import { channelSchema, externalIdSchema, isoTimestampSchema, moneySchema, whenFieldsValid } from "./fields";

export const MAX_ORDER_BATCH = 1000;

/**
 * One order as the REST API (`POST /api/v1/orders`) and the CSV import accept it: the order's own
 * external id (the idempotency key; a CSV without one gets a content hash), the customer's external
 * id, the kind (purchase by default), the amount as an exact decimal string (purchase ≥ 0,
 * refund ≤ 0: the orders_amount_sign CHECK), a 3-letter upper-case currency (USD by default) and
 * the order time as ISO 8601 with an offset (output as canonical UTC text).
 */
export const orderInput = z
  .object({
    externalId: externalIdSchema("order external id"),
    customerExternalId: externalIdSchema("customer external id"),
    kind: z.enum(ORDER_KINDS, { error: `Kind must be one of ${ORDER_KINDS.join(", ")}.` }).default("purchase"),
    amount: moneySchema,
    currency: z
      .string({ error: "Send the currency as a 3-letter code such as USD." })
      .trim()
      .regex(/^[A-Z]{3}$/, "Currency must be a 3-letter upper-case ISO 4217 code such as USD, EUR or BRL.")
      .default("USD"),
    orderedAt: isoTimestampSchema,
    channel: channelSchema.nullish().transform((value) => value ?? null),
  })
  .superRefine(
    (order, ctx) => {
      if (!isAmountSignValid(order.kind, order.amount)) {
        ctx.addIssue({
          code: "custom",
          path: ["amount"],
          message:
            order.kind === "purchase"
              ? `A purchase cannot be negative (${order.amount}); send it as kind "refund".`
              : `A refund is recorded as a negative amount or 0, not ${order.amount}.`,
        });
      }
    },
    whenFieldsValid("kind", "amount"),
  );
export type OrderInput = z.output<typeof orderInput>;
export type OrderInputRaw = z.input<typeof orderInput>;

export const orderBatchInput = z
  .array(orderInput)
  .min(1, "Send at least one order.")
  .max(MAX_ORDER_BATCH, `Send at most ${MAX_ORDER_BATCH} orders per request; split the batch.`);
