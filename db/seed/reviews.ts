import type { Language } from "./catalog";
import type { GeneratedFeedback } from "./generate-feedback";

/**
 * What makes a seeded review a review of something: the order it is about (date and amount) or,
 * without an order, the visit. Real reviews differ from one customer to the next; comment
 * templates alone would repeat word for word across customers, which is exactly what the
 * suspicious-feedback screening flags as copied text.
 */
const ORDER_OF: Record<Language, string> = {
  en: "Order of",
  he: "הזמנה מתאריך",
  fa: "سفارش",
  zh: "订单日期",
  pl: "Zamówienie z",
  fr: "Commande du",
  pt: "Pedido de",
};
const VISITED_ON: Record<Language, string> = {
  en: "Visited on",
  he: "ביקור בתאריך",
  fa: "بازدید",
  zh: "到访日期",
  pl: "Wizyta",
  fr: "Visite le",
  pt: "Visita em",
};

/** A purchase a review can be about: when, and how much in minor units. */
export interface ReviewedPurchase {
  at: number;
  cents: number;
}

/** The customer's latest purchase at or before `at` (purchases sorted by time), or null. */
export function latestPurchase(purchases: readonly ReviewedPurchase[], at: number): ReviewedPurchase | null {
  let lo = 0;
  let hi = purchases.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (purchases[mid]!.at <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : purchases[lo - 1]!;
}

/** " — Order of 12/03/2025, €43.17" in the review's language (numeric dates: no month word can match a theme). */
export function reviewDetail(
  language: Language,
  currency: string,
  purchase: ReviewedPurchase | null,
  receivedAt: number,
): string {
  const date = new Intl.DateTimeFormat(language, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    timeZone: "UTC",
  }).format(purchase?.at ?? receivedAt);
  if (!purchase) return ` — ${VISITED_ON[language]} ${date}`;
  const amount = new Intl.NumberFormat(language, { style: "currency", currency }).format(purchase.cents / 100);
  return ` — ${ORDER_OF[language]} ${date}, ${amount}`;
}

/**
 * The planted fake-review campaign of each demo workspace: this many five-star reviews
 * with the same text, without customers, on the web, 40 seconds apart, ten days before "now" —
 * so the inbox's "suspicious" filter has copied text, a burst and unverified reviews to show.
 */
export const CAMPAIGN_SIZE = 12;
export const CAMPAIGN_TEXT = "Best store ever!!! Fast shipping, amazing prices, five stars, buy here now!";
export const CAMPAIGN_STEP_MS = 40_000;
export const CAMPAIGN_DAYS_BEFORE_NOW = 10;

/** A review of the planted campaign, made from an anonymous item generated in its place. */
export function campaignReview(item: GeneratedFeedback): GeneratedFeedback {
  const { row } = item;
  return {
    themes: [],
    row: {
      ...row,
      source: "review",
      externalId: row.externalId.replace(/^[A-Z]+-/, "REV-"),
      channel: "web",
      touchpointId: null,
      metricKind: "rating",
      score: 5,
      text: CAMPAIGN_TEXT,
      language: "en",
      sentiment: 0.9,
      sentimentLabel: "positive",
      status: "new",
      priority: "normal",
      assigneeId: null,
      teamId: null,
      firstTriagedAt: null,
      resolvedAt: null,
      resolutionNote: null,
      customerContacted: null,
      dismissReason: null,
      version: 1,
      updatedAt: row.receivedAt,
    },
  };
}
