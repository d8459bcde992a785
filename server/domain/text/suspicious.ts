import type { MetricKind } from "../enums";
import { SCORE_RANGES } from "../scores";
import { segmentText, wordKeys } from "./tokenise";

/** Why an item looks suspicious; each rule has one code. */
export const SUSPICION_CODES = ["duplicate_text", "burst", "unverified_review", "extreme_score_no_text"] as const;
export type SuspicionCode = (typeof SUSPICION_CODES)[number];

/**
 * Where a flag stands: raised by a rule (open), or looked at by a manager — confirmed as fake or
 * low quality, or cleared. A cleared flag is not raised again for the same item and rule.
 */
export const FLAG_STATES = ["open", "confirmed", "cleared"] as const;
export type FlagState = (typeof FLAG_STATES)[number];

/** What a rule saw, with its numbers: stored with the flag, turned into words by {@link describeSuspicion}. */
export type SuspicionDetail =
  | { code: "duplicate_text"; customers: number; items: number }
  | {
      code: "burst";
      items: number;
      source: string;
      origin: string | null;
      windowMs: number;
      /** Items of the same source and origin in the `baselineMs` centred on the item (flags raised before carry none). */
      around?: number;
      baselineMs?: number;
    }
  | { code: "unverified_review"; hasCustomer: boolean }
  | { code: "extreme_score_no_text"; metricKind: Exclude<MetricKind, "none">; score: number };

export interface SuspicionFlag<Id = number> {
  feedbackId: Id;
  code: SuspicionCode;
  detail: SuspicionDetail;
  /** For people: what was seen, with the numbers. */
  reason: string;
}

/** The fields of a feedback item the rules read. */
export interface ScreenedFeedback<Id = number> {
  id: Id;
  customerId: string | number | null;
  /** feedback.source ("review", "survey", …). */
  source: string;
  /** Finer origin within the source where known (widget, device, IP hash); bursts are counted per source and origin. */
  origin?: string | null;
  text: string | null;
  metricKind: MetricKind;
  score: number | null;
  receivedAt: Date | string | number;
}

export interface ScreenedOrder {
  customerId: string | number;
  orderedAt: Date | string | number;
  /** Refunds do not make a customer a buyer; absent counts as a purchase. */
  kind?: "purchase" | "refund";
}

export interface SuspicionOptions {
  /** duplicate_text: distinct customers (an anonymous item counts as one) sending the same text. Default 2. */
  duplicateMinCustomers?: number;
  /** duplicate_text: texts shorter than this (normalised) are ordinary ("great service!"). Default 20. */
  duplicateMinLength?: number;
  /** burst: this many items from one source and origin … Default 10. */
  burstMinItems?: number;
  /** … within this many milliseconds. Default 10 minutes. */
  burstWindowMs?: number;
  /**
   * … and at least this many times the stream's usual count for such a window, read from the
   * `burstBaselineMs` centred on the item: a busy shop's reviews arrive ten to a window every
   * evening, which is no campaign. Default 5.
   */
  burstFactor?: number;
  /** The span the usual rate is read from. Default 7 days (every weekday once). */
  burstBaselineMs?: number;
}

export const SUSPICION_DEFAULTS: Required<SuspicionOptions> = {
  duplicateMinCustomers: 2,
  duplicateMinLength: 20,
  burstMinItems: 10,
  burstWindowMs: 10 * 60_000,
  burstFactor: 5,
  burstBaselineMs: 7 * 86_400_000,
};

/**
 * Whether `items` in a window of `windowMs` make a burst, given `around` items of the stream in the
 * `baselineMs` around them: at least `minItems`, and at least `factor` times the usual count
 * (around × windowMs / baselineMs), compared in integers so SQL and JavaScript agree exactly.
 */
export function isBurst(
  items: number,
  around: number,
  options: Pick<Required<SuspicionOptions>, "burstMinItems" | "burstWindowMs" | "burstFactor" | "burstBaselineMs">,
): boolean {
  return (
    items >= options.burstMinItems &&
    items * options.burstBaselineMs >= options.burstFactor * around * options.burstWindowMs
  );
}

/**
 * The sources the rules screen: reviews, which claim a purchase and are what fake-review campaigns
 * write. A survey answer of 10 with no comment, or a hundred tickets in an outage, is ordinary.
 */
export const SCREENED_SOURCES: ReadonlySet<string> = new Set(["review"]);

/**
 * The text a duplicate is compared by — its words, normalised (case, accents, punctuation, emoji,
 * URLs and @mentions ignored) — or null when it is shorter than `minLength` characters, as
 * short texts ("great service!") repeat honestly. The database stores a hash of it.
 */
export function suspicionTextKey(
  text: string | null,
  minLength = SUSPICION_DEFAULTS.duplicateMinLength,
): string | null {
  if (!text) return null;
  const key = wordKeys(segmentText(text)).join(" ");
  return key.length >= minLength ? key : null;
}

function flagOf<Id>(feedbackId: Id, detail: SuspicionDetail): SuspicionFlag<Id> {
  return { feedbackId, code: detail.code, detail, reason: describeSuspicion(detail) };
}

function millis(value: Date | string | number): number {
  return value instanceof Date ? value.getTime() : typeof value === "number" ? value : Date.parse(value);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * The same text (compared by words: case, accents, punctuation, emoji, URLs and @mentions
 * ignored) from at least `duplicateMinCustomers` different customers, where the compared text is
 * at least `duplicateMinLength` characters long. Every item of such a group is flagged.
 */
export function findDuplicateTexts<Id>(
  items: readonly ScreenedFeedback<Id>[],
  options: SuspicionOptions = {},
): SuspicionFlag<Id>[] {
  const { duplicateMinCustomers, duplicateMinLength } = { ...SUSPICION_DEFAULTS, ...options };
  const groups = new Map<string, ScreenedFeedback<Id>[]>();
  for (const item of items) {
    if (!SCREENED_SOURCES.has(item.source)) continue;
    const key = suspicionTextKey(item.text, duplicateMinLength);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const flags: SuspicionFlag<Id>[] = [];
  for (const group of groups.values()) {
    const customers = new Set(
      group.map((item, index) => (item.customerId === null ? `anonymous ${index}` : `customer ${item.customerId}`)),
    );
    if (customers.size < duplicateMinCustomers) continue;
    for (const item of group) {
      flags.push(flagOf(item.id, { code: "duplicate_text", customers: customers.size, items: group.length }));
    }
  }
  return flags;
}

/**
 * At least `burstMinItems` items from one source (and origin, when given) within any window of
 * `burstWindowMs`, and `burstFactor` times the stream's usual rate around them (see isBurst): each
 * item is judged by the busiest window that holds it. Items with an unreadable time are skipped.
 */
export function findBursts<Id>(
  items: readonly ScreenedFeedback<Id>[],
  options: SuspicionOptions = {},
): SuspicionFlag<Id>[] {
  const settings = { ...SUSPICION_DEFAULTS, ...options };
  const { burstMinItems, burstWindowMs, burstBaselineMs } = settings;
  const half = burstBaselineMs / 2;
  const streams = new Map<string, Array<{ item: ScreenedFeedback<Id>; at: number }>>();
  for (const item of items) {
    if (!SCREENED_SOURCES.has(item.source)) continue;
    const at = millis(item.receivedAt);
    if (!Number.isFinite(at)) continue;
    const key = `${item.source}\u0000${item.origin ?? ""}`;
    const stream = streams.get(key);
    if (stream) stream.push({ item, at });
    else streams.set(key, [{ item, at }]);
  }
  const flags: SuspicionFlag<Id>[] = [];
  for (const stream of streams.values()) {
    stream.sort((a, b) => a.at - b.at);
    // largest number of items in a window that contains each item
    const busiest = new Array<number>(stream.length).fill(0);
    let start = 0;
    for (let end = 0; end < stream.length; end++) {
      while (stream[end]!.at - stream[start]!.at > burstWindowMs) start++;
      const size = end - start + 1;
      if (size < burstMinItems) continue;
      for (let k = start; k <= end; k++) busiest[k] = Math.max(busiest[k]!, size);
    }
    // items of the stream within half the baseline either side of each item (bounds included)
    let from = 0;
    let to = 0;
    stream.forEach(({ item, at }, k) => {
      const size = busiest[k]!;
      while (stream[from]!.at < at - half) from++;
      while (to < stream.length && stream[to]!.at <= at + half) to++;
      if (size === 0) return;
      const around = to - from;
      if (!isBurst(size, around, settings)) return;
      flags.push(
        flagOf(item.id, {
          code: "burst",
          items: size,
          source: item.source,
          origin: item.origin ?? null,
          windowMs: burstWindowMs,
          around,
          baselineMs: burstBaselineMs,
        }),
      );
    });
  }
  return flags;
}

/**
 * A review (a source in {@link SCREENED_SOURCES}) with no purchase by its customer at or before
 * the time it was received, or with no customer at all.
 */
export function findUnverifiedReviews<Id>(
  items: readonly ScreenedFeedback<Id>[],
  orders: readonly ScreenedOrder[],
): SuspicionFlag<Id>[] {
  const firstPurchase = new Map<string, number>();
  for (const order of orders) {
    if (order.kind === "refund") continue;
    const at = millis(order.orderedAt);
    const key = String(order.customerId);
    if (Number.isFinite(at) && at < (firstPurchase.get(key) ?? Infinity)) firstPurchase.set(key, at);
  }
  const flags: SuspicionFlag<Id>[] = [];
  for (const item of items) {
    if (!SCREENED_SOURCES.has(item.source)) continue;
    if (item.customerId === null) {
      flags.push(flagOf(item.id, { code: "unverified_review", hasCustomer: false }));
      continue;
    }
    const bought = firstPurchase.get(String(item.customerId));
    if (bought === undefined || bought > millis(item.receivedAt)) {
      flags.push(flagOf(item.id, { code: "unverified_review", hasCustomer: true }));
    }
  }
  return flags;
}

const KIND_NAMES: Record<Exclude<MetricKind, "none">, string> = {
  nps: "NPS",
  csat: "CSAT",
  ces: "CES",
  rating: "Rating",
};

/** A screened item with a score at either end of its scale (NPS 0 or 10, CSAT/rating 1 or 5, CES 1 or 7) and no text. */
export function findExtremeScoresWithoutText<Id>(items: readonly ScreenedFeedback<Id>[]): SuspicionFlag<Id>[] {
  const flags: SuspicionFlag<Id>[] = [];
  for (const item of items) {
    if (!SCREENED_SOURCES.has(item.source)) continue;
    if (item.metricKind === "none" || item.score === null || item.text?.trim()) continue;
    const range = SCORE_RANGES[item.metricKind];
    if (item.score !== range.min && item.score !== range.max) continue;
    flags.push(flagOf(item.id, { code: "extreme_score_no_text", metricKind: item.metricKind, score: item.score }));
  }
  return flags;
}

/**
 * Every rule over a set of feedback items: flags grouped by item id (an item may carry several),
 * items without a flag absent. `orders` are the customers' orders, for unverified reviews.
 */
export function screenFeedback<Id>(
  items: readonly ScreenedFeedback<Id>[],
  orders: readonly ScreenedOrder[],
  options: SuspicionOptions = {},
): Map<Id, SuspicionFlag<Id>[]> {
  const byItem = new Map<Id, SuspicionFlag<Id>[]>();
  const all = [
    ...findDuplicateTexts(items, options),
    ...findBursts(items, options),
    ...findUnverifiedReviews(items, orders),
    ...findExtremeScoresWithoutText(items),
  ];
  for (const flag of all) {
    const list = byItem.get(flag.feedbackId);
    if (list) list.push(flag);
    else byItem.set(flag.feedbackId, [flag]);
  }
  return byItem;
}

/** The reason a flag shows, from what its rule saw. */
export function describeSuspicion(detail: SuspicionDetail): string {
  switch (detail.code) {
    case "duplicate_text":
      return `The same text came from ${plural(detail.customers, "customer")} (${plural(detail.items, "item")}).`;
    case "burst": {
      const minutes = Math.round(detail.windowMs / 60_000);
      const span = minutes >= 1 ? plural(minutes, "minute") : plural(Math.round(detail.windowMs / 1000), "second");
      const origin = detail.origin ? ` (${detail.origin})` : "";
      const said = `${detail.items} items came from ${detail.source}${origin} within ${span}`;
      if (detail.around === undefined || !detail.baselineMs) return `${said}.`;
      const usual = (detail.around * detail.windowMs) / detail.baselineMs;
      const days = Math.round(detail.baselineMs / 86_400_000);
      const rate = usual < 0.1 ? "under 0.1" : usual < 10 ? usual.toFixed(1) : String(Math.round(usual));
      return `${said}; the ${plural(days, "day")} around it average ${rate} per ${span}.`;
    }
    case "unverified_review":
      return detail.hasCustomer
        ? "A review from a customer who had placed no order by then."
        : "A review with no customer: no order can back it.";
    case "extreme_score_no_text": {
      const range = SCORE_RANGES[detail.metricKind];
      const end = detail.score === range.min ? "lowest" : "highest";
      return `${KIND_NAMES[detail.metricKind]} ${detail.score} (the ${end} score) with no comment.`;
    }
  }
}
