import { z } from "zod";
import {
  MAX_NAME,
  channelSchema,
  externalIdSchema,
  isoTimestampSchema,
  optionalEmailSchema,
  optionalTextSchema,
  whenFieldsValid,
} from "./fields";

export const MAX_CUSTOMER_BATCH = 1000;

/**
 * One customer as the REST API (`POST /api/v1/customers`) and the CSV import accept it. The
 * external id is the key (unique per workspace): sending it again updates the customer. `segment`
 * is a segment *name*, resolved (or reported unknown) by the service. Dates are ISO 8601 with an
 * offset, output as canonical UTC text; the churn date may not precede the creation date (the
 * customers_churn_after_creation CHECK). Blank optional values become null.
 */
export const customerInput = z
  .object({
    externalId: externalIdSchema("customer external id"),
    name: optionalTextSchema("name", MAX_NAME),
    email: optionalEmailSchema,
    segment: optionalTextSchema("segment", 100),
    region: optionalTextSchema("region", 100),
    preferredChannel: channelSchema.nullish().transform((value) => value ?? null),
    createdAt: isoTimestampSchema.nullish().transform((value) => value ?? null),
    churnedAt: isoTimestampSchema.nullish().transform((value) => value ?? null),
  })
  .superRefine(
    (customer, ctx) => {
      // Canonical UTC texts of one shape compare correctly as strings except for the fraction; pad it.
      if (customer.createdAt && customer.churnedAt && instantKey(customer.churnedAt) < instantKey(customer.createdAt)) {
        ctx.addIssue({
          code: "custom",
          path: ["churnedAt"],
          message: `The churn date ${customer.churnedAt} is before the customer was created (${customer.createdAt}).`,
        });
      }
    },
    whenFieldsValid("createdAt", "churnedAt"),
  );
export type CustomerInput = z.output<typeof customerInput>;
export type CustomerInputRaw = z.input<typeof customerInput>;

export const customerBatchInput = z
  .array(customerInput)
  .min(1, "Send at least one customer.")
  .max(MAX_CUSTOMER_BATCH, `Send at most ${MAX_CUSTOMER_BATCH} customers per request; split the batch.`);

/**
 * A sort key of canonical UTC text (see timestamps.ts): "2024-01-01T00:00:00.5Z" and
 * "2024-01-01T00:00:00Z" compare as instants once the fraction is padded to 6 digits.
 */
export function instantKey(canonical: string): string {
  const [whole = "", fraction = ""] = canonical.replace(/Z$/, "").split(".");
  return `${whole}.${fraction.padEnd(6, "0")}`;
}
