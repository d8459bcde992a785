import type { Channel } from "../../server/domain/enums";
import type { Language } from "./catalog";
import { DAY_MS, YEAR_MS, toIso, type WorkspaceContext } from "./context";
import { generatePerson } from "./names";
import type { RegionProfile, SegmentProfile } from "./profiles";
import { streamFor, type Rng } from "./random";
import type { CustomerRow } from "./rows";

/** Stream labels, so customer and anonymous streams never coincide. */
export const STREAM_CUSTOMER = 1;
export const STREAM_ANONYMOUS = 2;

/** The latent attributes of a customer that drive their orders, feedback and churn. */
export interface CustomerProfile {
  index: number;
  id: number;
  segmentIndex: number;
  segment: SegmentProfile;
  region: RegionProfile;
  language: Language;
  preferredChannel: Channel;
  /** Latent satisfaction, roughly −2…2: high means promoter, low means detractor and churn. */
  mood: number;
  createdAt: number;
  churnedAt: number | null;
  /** Part of the customer's life inside the history window. */
  activeFrom: number;
  activeTo: number;
  orderWeight: number;
  feedbackWeight: number;
  /** The customer's own stream, positioned after the profile draws. */
  rng: Rng;
}

/**
 * Profile of the `index`-th customer of a workspace. Pure: called twice per customer (once to
 * total the weights for exact order/feedback counts, once to emit rows) with identical results.
 */
export function profileCustomer(ctx: WorkspaceContext, index: number): CustomerProfile {
  const { plan, ws, profile } = ctx;
  const rng = streamFor(plan.seed, ws.index, STREAM_CUSTOMER, index);
  const segmentIndex = ctx.segmentTable.sample(rng);
  const segment = profile.segments[segmentIndex] as SegmentProfile;
  const regionIndex = ctx.regionTable.sample(rng);
  const region = profile.regions[regionIndex] as RegionProfile;
  const language = (ctx.languageTables[regionIndex] as (typeof ctx.languageTables)[number]).sample(rng);
  const preferredChannel = (
    ctx.preferredChannelTables[segmentIndex] as (typeof ctx.preferredChannelTables)[number]
  ).sample(rng);
  const mood = rng.normal(segment.mood, 0.8);

  const latestStart = plan.nowMs - DAY_MS;
  let createdAt: number;
  if (rng.chance(0.35)) {
    // customers from before the window: up to three years older
    createdAt = plan.windowStartMs - rng.next() * 3 * YEAR_MS;
  } else {
    // sign-ups grow over time: later dates are more likely
    createdAt = plan.windowStartMs + Math.sqrt(rng.next()) * (latestStart - plan.windowStartMs);
  }
  createdAt = Math.floor(createdAt / 1000) * 1000;

  // unhappier than their segment → more likely to leave
  const churnProbability = Math.min(0.9, segment.churn * Math.exp(-0.9 * (mood - segment.mood)));
  const earliestChurn = Math.max(createdAt + 30 * DAY_MS, plan.windowStartMs + 7 * DAY_MS);
  let churnedAt: number | null = null;
  if (rng.chance(churnProbability) && earliestChurn < latestStart) {
    churnedAt = Math.floor((earliestChurn + rng.next() * (latestStart - earliestChurn)) / 1000) * 1000;
  }

  const activeFrom = Math.max(createdAt, plan.windowStartMs);
  const activeTo = churnedAt ?? plan.nowMs;
  const years = Math.max(activeTo - activeFrom, DAY_MS) / YEAR_MS;
  const orderWeight = segment.ordersPerYear * years * rng.logNormal(1, 0.5) * Math.exp(0.15 * mood);
  // the very happy and the very unhappy speak up more
  const feedbackWeight = segment.feedbackPerYear * years * rng.logNormal(1, 0.6) * (1 + 0.3 * Math.abs(mood));

  return {
    index,
    id: ws.firstCustomerId + index,
    segmentIndex,
    segment,
    region,
    language,
    preferredChannel,
    mood,
    createdAt,
    churnedAt,
    activeFrom,
    activeTo,
    orderWeight,
    feedbackWeight,
    rng,
  };
}

export function customerRow(ctx: WorkspaceContext, customer: CustomerProfile): CustomerRow {
  const { rng } = customer;
  const serial = customer.index + 1;
  const person = generatePerson(rng, customer.language, serial);
  // a few customers had their personal data erased on request
  const erased = rng.chance(0.02);
  return {
    id: customer.id,
    workspaceId: ctx.ws.workspaceId,
    externalId: `C-${String(serial).padStart(6, "0")}`,
    name: erased ? null : person.name,
    email: erased ? null : `${person.emailLocal}@${ctx.profile.emailDomain}`,
    segmentId: ctx.refs.segmentIds[customer.segmentIndex] as number,
    region: customer.region.name,
    preferredChannel: customer.preferredChannel,
    createdAt: toIso(customer.createdAt),
    churnedAt: customer.churnedAt === null ? null : toIso(customer.churnedAt),
  };
}
