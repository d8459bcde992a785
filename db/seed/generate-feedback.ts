import {
  FEEDBACK_SOURCES,
  type Channel,
  type FeedbackSource,
  type MetricKind,
  type SentimentLabel,
} from "../../server/domain/enums";
import {
  ANONYMOUS_SOURCE_WEIGHTS,
  CHANNEL_EFFECT,
  CUSTOMER_SOURCE_WEIGHTS,
  SOURCE_CHANNELS,
  SOURCE_EFFECT,
  SOURCE_STAGE_WEIGHTS,
  STAGES,
  type Language,
  type StageDefinition,
  type StageKey,
} from "./catalog";
import { COMMENTS } from "./comments";
import { DAY_MS, toIso, type WorkspaceContext } from "./context";
import type { CustomerProfile } from "./generate-customers";
import { monthIndexOf } from "./plan";
import type { Episode } from "./profiles";
import { WeightedTable, type Rng } from "./random";
import { touchpointKey } from "./reference";
import { reviewDetail, latestPurchase, type ReviewedPurchase } from "./reviews";
import type { FeedbackRow } from "./rows";
import { THEME_KEYS, matchThemes, type ThemeKey } from "./themes";
import { triage } from "./triage";

const CUSTOMER_SOURCES = WeightedTable.fromRecord(CUSTOMER_SOURCE_WEIGHTS);
const ANONYMOUS_SOURCES = WeightedTable.fromRecord(ANONYMOUS_SOURCE_WEIGHTS);
/** Sources of the extra items an incident brings. */
const EPISODE_SOURCES = WeightedTable.fromRecord<FeedbackSource>({
  survey: 35,
  ticket: 25,
  review: 15,
  complaint: 15,
  chat: 10,
});

const STAGE_TABLES = Object.fromEntries(
  FEEDBACK_SOURCES.map((source) => [
    source,
    new WeightedTable(STAGES.map((stage, i) => [stage, SOURCE_STAGE_WEIGHTS[source][i] ?? 0] as const)),
  ]),
) as Record<FeedbackSource, WeightedTable<StageDefinition>>;

const CHANNEL_TABLES = Object.fromEntries(
  FEEDBACK_SOURCES.map((source) => [source, WeightedTable.fromRecord(SOURCE_CHANNELS[source].weights)]),
) as Record<FeedbackSource, WeightedTable<Channel>>;

const STAGE_BY_KEY = Object.fromEntries(STAGES.map((s) => [s.key, s])) as Record<StageKey, StageDefinition>;

/** What negative comments are about, per stage. */
const NEGATIVE_THEMES: Record<StageKey, WeightedTable<ThemeKey | "generic">> = {
  awareness: WeightedTable.fromRecord({ price: 50, generic: 30, rude_staff: 10, app_crash: 10 }),
  consideration: WeightedTable.fromRecord({ price: 45, app_crash: 20, rude_staff: 15, generic: 20 }),
  purchase: WeightedTable.fromRecord({ price: 25, billing: 25, app_crash: 25, rude_staff: 10, generic: 15 }),
  delivery: WeightedTable.fromRecord({ delivery_delay: 60, product_quality: 25, rude_staff: 5, generic: 10 }),
  use: WeightedTable.fromRecord({ product_quality: 55, app_crash: 20, generic: 25 }),
  service: WeightedTable.fromRecord({ rude_staff: 35, billing: 30, delivery_delay: 10, generic: 25 }),
  loyalty: WeightedTable.fromRecord({ price: 35, billing: 20, product_quality: 15, generic: 30 }),
};

const SOURCE_PREFIX: Record<FeedbackSource, string> = {
  survey: "RSP",
  review: "REV",
  ticket: "TCK",
  complaint: "CMP",
  social: "SOC",
  chat: "CHT",
  email: "EML",
  employee: "EMP",
};

const UNPLACED_SOURCES: ReadonlySet<FeedbackSource> = new Set(["social", "email"]);

/** Probability that an item carries a comment. */
const TEXT_SHARE: Record<FeedbackSource, number> = {
  survey: 0.55,
  review: 0.95,
  ticket: 1,
  complaint: 1,
  social: 1,
  chat: 1,
  email: 1,
  employee: 1,
};

function metricKindFor(rng: Rng, source: FeedbackSource, stage: StageDefinition): MetricKind {
  const u = rng.next();
  switch (source) {
    case "survey":
      if (stage.key === "loyalty") return u < 0.85 ? "nps" : "csat";
      return u < 0.4 ? "nps" : stage.mainMetric;
    case "review":
      return "rating";
    case "ticket":
      return u < 0.45 ? "csat" : u < 0.6 ? "ces" : "none";
    case "social":
      return u < 0.15 ? "rating" : "none";
    case "chat":
      return u < 0.5 ? "csat" : "none";
    case "email":
      return u < 0.2 ? "csat" : "none";
    case "employee":
      return u < 0.35 ? "rating" : "none";
    case "complaint":
      return "none";
  }
}

/**
 * Turn a latent score `e` (≈ −3…3) into the kind's scale. The centres are calibrated so that an
 * average customer gives an NPS around +10…+30 and a CSAT around 75–80 %.
 */
function scoreFor(kind: MetricKind, e: number): number | null {
  const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(x)));
  switch (kind) {
    case "nps":
      return clamp(7.9 + 1.7 * e, 0, 10);
    case "csat":
    case "rating":
      return clamp(4.4 + 0.95 * e, 1, 5);
    case "ces":
      return clamp(5.35 + 1.2 * e, 1, 7);
    case "none":
      return null;
  }
}

/** Label consistent with the score: detractor / CSAT 1–2 / CES 1–3 are negative, and so on. */
function labelFor(kind: MetricKind, score: number | null, e: number, source: FeedbackSource): SentimentLabel {
  if (source === "complaint") return "negative";
  if (score === null) return e < -0.6 ? "negative" : e > 0.7 ? "positive" : "neutral";
  switch (kind) {
    case "nps":
      return score <= 6 ? "negative" : score <= 8 ? "neutral" : "positive";
    case "ces":
      return score <= 3 ? "negative" : score === 4 ? "neutral" : "positive";
    default:
      return score <= 2 ? "negative" : score === 3 ? "neutral" : "positive";
  }
}

function sentimentFor(rng: Rng, label: SentimentLabel): number {
  const value =
    label === "negative"
      ? -0.25 - 0.75 * rng.next()
      : label === "neutral"
        ? -0.2 + 0.4 * rng.next()
        : 0.25 + 0.75 * rng.next();
  return Math.round(value * 100) / 100;
}

function commentFor(
  rng: Rng,
  language: Language,
  label: SentimentLabel,
  source: FeedbackSource,
  stage: StageKey,
  channel: Channel,
  episode: Episode | undefined,
): string {
  const pool = COMMENTS[language];
  let text: string;
  if (source === "employee") {
    text = rng.pick(label === "positive" ? pool.employeePositive : pool.employee);
  } else if (label === "negative") {
    let theme: ThemeKey | "generic";
    if (episode?.theme && rng.chance(0.9)) theme = episode.theme;
    else if (channel === "app" && stage !== "delivery" && rng.chance(0.5)) theme = "app_crash";
    else theme = NEGATIVE_THEMES[stage].sample(rng);
    text = rng.pick(pool.negative[theme]);
    if (rng.chance(0.12)) {
      const second = rng.pick(THEME_KEYS);
      if (second !== theme) text = `${text} ${rng.pick(pool.negative[second])}`;
    }
  } else {
    text = rng.pick(label === "neutral" ? pool.neutral : pool.positive);
  }
  return text.includes("{n}") ? text.replace("{n}", String(rng.int(2, 14))) : text;
}

function matchesEpisode(episode: Episode, stage: StageKey, channel: Channel): boolean {
  return (
    (episode.stage === undefined || episode.stage === stage) &&
    (episode.channel === undefined || episode.channel === channel)
  );
}

export interface GeneratedFeedback {
  row: FeedbackRow;
  themes: ThemeKey[];
}

/**
 * One feedback item received at `receivedAt`, from `customer` or anonymous (null). Scores follow
 * the customer's mood, the stage, channel and source, December delivery trouble, the workspace's
 * incidents, and a dip before churn.
 */
export function generateFeedbackItem(
  ctx: WorkspaceContext,
  rng: Rng,
  customer: CustomerProfile | null,
  receivedAt: number,
  id: number,
  serial: number,
  purchases: readonly ReviewedPurchase[] = [],
): GeneratedFeedback {
  const monthIndex = monthIndexOf(ctx.calendar, receivedAt);
  const episodes = ctx.monthEpisodes[monthIndex] as Episode[];
  let forced: Episode | undefined;
  for (const episode of episodes) {
    if (episode.volumeBoost > 1 && rng.chance((episode.volumeBoost - 1) / episode.volumeBoost)) {
      forced = episode;
      break;
    }
  }

  let source: FeedbackSource;
  if (customer === null) source = ANONYMOUS_SOURCES.sample(rng);
  else if (forced) source = EPISODE_SOURCES.sample(rng);
  else source = CUSTOMER_SOURCES.sample(rng);
  // customers review what they bought: most who bought nothing yet answer a survey instead
  const purchase = customer && source === "review" ? latestPurchase(purchases, receivedAt) : null;
  if (customer && source === "review" && !purchase && rng.chance(0.9)) source = "survey";

  const stage = forced?.stage ? STAGE_BY_KEY[forced.stage] : STAGE_TABLES[source].sample(rng);
  let channel: Channel;
  if (forced?.channel && source !== "social") channel = forced.channel;
  else if (customer && rng.chance(SOURCE_CHANNELS[source].preferred)) channel = customer.preferredChannel;
  else channel = CHANNEL_TABLES[source].sample(rng);

  let e =
    (customer ? customer.mood : rng.normal(ctx.meanMood, 0.9)) +
    stage.effect +
    CHANNEL_EFFECT[channel] +
    SOURCE_EFFECT[source];
  if (stage.key === "delivery" && ctx.calendar.calendarMonth[monthIndex] === 11) e += ctx.profile.decemberDeliveryShift;
  for (const episode of episodes) {
    if (episode === forced || matchesEpisode(episode, stage.key, channel)) e += episode.shift;
  }
  if (customer?.churnedAt != null && customer.churnedAt - receivedAt < 60 * DAY_MS) e -= 0.6;
  e += rng.normal(0, 0.9);

  const metricKind = metricKindFor(rng, source, stage);
  const score = scoreFor(metricKind, e);
  const sentimentLabel = labelFor(metricKind, score, e, source);
  const sentiment = sentimentFor(rng, sentimentLabel);

  let text: string | null = null;
  let language: Language | null = null;
  let themes: ThemeKey[] = [];
  if (rng.chance(TEXT_SHARE[source])) {
    language = customer ? customer.language : ctx.anonymousLanguageTable.sample(rng);
    text = commentFor(rng, language, sentimentLabel, source, stage.key, channel, forced);
    if (source === "review") text += reviewDetail(language, ctx.profile.currency, purchase, receivedAt);
    themes = matchThemes(text, language);
  }

  const severe = source === "complaint" || (score !== null && score <= (metricKind === "nps" ? 2 : 1));
  const triageFields = triage(ctx, rng, {
    receivedAt,
    label: sentimentLabel,
    severe,
    stage: stage.key,
    channel,
    themes,
    hasCustomer: customer !== null,
  });

  // some social posts and e-mails cannot be placed on the journey: stored without a stage
  const placed = !UNPLACED_SOURCES.has(source) || forced !== undefined || !rng.chance(0.2);
  const receivedIso = toIso(receivedAt);
  return {
    themes,
    row: {
      id,
      workspaceId: ctx.ws.workspaceId,
      customerId: customer ? customer.id : null,
      source,
      externalId: `${SOURCE_PREFIX[source]}-${String(serial).padStart(7, "0")}`,
      channel,
      stageId: placed ? ctx.refs.stageIds[stage.key] : null,
      touchpointId: placed ? (ctx.refs.touchpointIds.get(touchpointKey(stage.key, channel)) ?? null) : null,
      metricKind,
      score,
      text,
      language,
      sentiment,
      sentimentLabel,
      receivedAt: receivedIso,
      ...triageFields,
      createdAt: receivedIso,
    },
  };
}
