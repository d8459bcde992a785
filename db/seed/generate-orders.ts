import type { Channel } from "../../server/domain/enums";
import { ORDER_CHANNEL_WEIGHTS } from "./catalog";
import { sampleTime, toIso, type WorkspaceContext } from "./context";
import type { CustomerProfile } from "./generate-customers";
import { WeightedTable } from "./random";
import type { OrderRow } from "./rows";

const ORDER_CHANNELS = WeightedTable.fromRecord(ORDER_CHANNEL_WEIGHTS);

/** Exact decimal string of an amount in minor units: -1250 → "-12.50". */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Amount in cents must be an integer (got ${cents})`);
  const abs = Math.abs(cents);
  const text = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
  return cents < 0 ? `-${text}` : text;
}

/**
 * `count` orders of one customer, oldest first, inside the customer's active window. A later
 * order is sometimes a refund (whole or partial) of an earlier purchase, so refunds never exceed
 * what was bought. `onOrder` sees each amount in cents with its time (for revenue statistics).
 */
export function generateOrders(
  ctx: WorkspaceContext,
  customer: CustomerProfile,
  count: number,
  firstId: number,
  firstSerial: number,
  onOrder?: (cents: number, at: number) => void,
): OrderRow[] {
  const { rng, segment } = customer;
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    times.push(
      sampleTime(rng, ctx.calendar, customer.activeFrom, customer.activeTo, ctx.orderMonthWeights, ctx.orderMaxWeight),
    );
  }
  times.sort((a, b) => a - b);

  const refundProbability = Math.min(0.3, ctx.profile.refundRate * Math.exp(-0.5 * customer.mood));
  const purchases: Array<{ cents: number; refunded: boolean }> = [];
  const preferredOrders = customer.preferredChannel in ORDER_CHANNEL_WEIGHTS;
  const rows: OrderRow[] = [];

  for (let i = 0; i < count; i += 1) {
    let cents: number;
    let kind: OrderRow["kind"] = "purchase";
    const candidate = purchases.length > 0 && rng.chance(refundProbability) ? rng.pick(purchases) : undefined;
    if (candidate && !candidate.refunded) {
      kind = "refund";
      candidate.refunded = true;
      const partial = rng.chance(0.4);
      cents = -(partial ? Math.max(1, Math.round(candidate.cents * rng.float(0.1, 0.6))) : candidate.cents);
    } else {
      cents = Math.max(50, Math.round(rng.logNormal(segment.orderCents, 0.45)));
      purchases.push({ cents, refunded: false });
    }
    const channel: Channel =
      preferredOrders && rng.chance(0.6) ? customer.preferredChannel : ORDER_CHANNELS.sample(rng);
    const serial = firstSerial + i + 1;
    const at = times[i] as number;
    rows.push({
      id: firstId + i,
      workspaceId: ctx.ws.workspaceId,
      customerId: customer.id,
      externalId: `O-${String(serial).padStart(7, "0")}`,
      kind,
      amount: formatCents(cents),
      currency: ctx.profile.currency,
      orderedAt: toIso(at),
      channel,
    });
    onOrder?.(cents, at);
  }
  return rows;
}
