import { describe, expect, it } from "vitest";
import {
  findBursts,
  isBurst,
  findDuplicateTexts,
  findExtremeScoresWithoutText,
  findUnverifiedReviews,
  describeSuspicion,
  screenFeedback,
  SUSPICION_DEFAULTS,
  suspicionTextKey,
  type ScreenedFeedback,
} from "./suspicious";

const T0 = Date.parse("2026-03-01T10:00:00Z");
let nextId = 1;
function item(overrides: Partial<ScreenedFeedback<number>> = {}): ScreenedFeedback<number> {
  return {
    id: nextId++,
    customerId: 100,
    source: "review",
    text: "Fine.",
    metricKind: "csat",
    score: 4,
    receivedAt: new Date(T0),
    ...overrides,
  };
}
const ids = (flags: Array<{ feedbackId: number }>) => flags.map((f) => f.feedbackId).sort((a, b) => a - b);

describe("findDuplicateTexts", () => {
  const text = "Best store ever, everyone should buy here!";

  it("flags the same normalised text from several customers", () => {
    const a = item({ customerId: 1, text });
    const b = item({ customerId: 2, text: "best store EVER — everyone should buy here 😀 http://spam.example" });
    const c = item({ customerId: 3, text: "Something else entirely, thank you" });
    const flags = findDuplicateTexts([a, b, c]);
    expect(ids(flags)).toEqual([a.id, b.id]);
    expect(flags[0]).toMatchObject({
      code: "duplicate_text",
      reason: "The same text came from 2 customers (2 items).",
    });
  });

  it("counts anonymous items as separate people, but one customer repeating themselves as one", () => {
    expect(ids(findDuplicateTexts([item({ customerId: null, text }), item({ customerId: null, text })]))).toHaveLength(
      2,
    );
    expect(findDuplicateTexts([item({ customerId: 7, text }), item({ customerId: 7, text })])).toEqual([]);
  });

  it("ignores short, common texts and honours the thresholds", () => {
    expect(
      findDuplicateTexts([
        item({ customerId: 1, text: "Great service!" }),
        item({ customerId: 2, text: "great service" }),
      ]),
    ).toEqual([]);
    const three = [1, 2, 3].map((customerId) => item({ customerId, text }));
    expect(findDuplicateTexts(three, { duplicateMinCustomers: 4 })).toEqual([]);
    expect(findDuplicateTexts(three, { duplicateMinCustomers: 3 })).toHaveLength(3);
  });
});

describe("findBursts", () => {
  const minute = 60_000;
  const burst = (n: number, source: string, stepMs: number, origin?: string) =>
    Array.from({ length: n }, (_, k) => item({ source, origin, receivedAt: new Date(T0 + k * stepMs).toISOString() }));

  it("flags every item of ≥ N items from one source within the window", () => {
    const items = burst(SUSPICION_DEFAULTS.burstMinItems, "review", 30_000);
    const flags = findBursts(items);
    expect(ids(flags)).toEqual(ids(items.map((i) => ({ feedbackId: i.id }))));
    expect(flags[0]).toMatchObject({
      code: "burst",
      reason: "10 items came from review within 10 minutes; the 7 days around it average under 0.1 per 10 minutes.",
    });
  });

  it("does not flag the same number spread out, or split across sources and origins", () => {
    expect(findBursts(burst(10, "review", 2 * minute))).toEqual([]);
    expect(findBursts([...burst(5, "review", 1000), ...burst(5, "survey", 1000)])).toEqual([]);
    expect(findBursts(burst(12, "survey", 1000))).toEqual([]);
    expect(findBursts([...burst(5, "review", 1000, "widget-a"), ...burst(5, "review", 1000, "widget-b")])).toEqual([]);
  });

  it("honours the exported parameters and flags only the items inside a busy window", () => {
    const items = [
      ...burst(3, "review", 1000, "web"),
      item({ source: "review", origin: "web", receivedAt: T0 + 60 * minute }),
    ];
    const flags = findBursts(items, { burstMinItems: 3, burstWindowMs: 5000 });
    expect(flags).toHaveLength(3);
    expect(flags[0]!.reason).toBe(
      "3 items came from review (web) within 5 seconds; the 7 days around it average under 0.1 per 5 seconds.",
    );
  });

  it("judges a window against the stream's usual rate: a busy channel's steady traffic is no burst", () => {
    // a shop whose web reviews arrive one a minute, day and night, for two weeks: 11 to every window
    const steady = burst(14 * 24 * 60, "review", minute, "web");
    expect(findBursts(steady)).toEqual([]);
    expect(findBursts(steady, { burstFactor: 1 })).not.toEqual([]);
    // a campaign of 60 reviews in five minutes on top of it stands out against that rate
    const campaign = Array.from({ length: 60 }, (_, k) =>
      item({
        source: "review",
        origin: "web",
        receivedAt: new Date(T0 + 7 * 24 * 60 * minute + k * 5_000).toISOString(),
      }),
    );
    const flags = findBursts([...steady, ...campaign]);
    const flagged = new Set(flags.map((f) => f.feedbackId));
    expect(campaign.every((c) => flagged.has(c.id))).toBe(true);
    expect(flags.length).toBeLessThan(campaign.length + 30);
    const detail = flags.find((f) => f.feedbackId === campaign[0]!.id)!.detail;
    expect(detail).toMatchObject({ code: "burst", baselineMs: 7 * 24 * 60 * minute });
    expect(flags.find((f) => f.feedbackId === campaign[0]!.id)!.reason).toMatch(
      /^\d+ items came from review \(web\) within 10 minutes; the 7 days around it average 10 per 10 minutes\.$/,
    );
  });

  it("counts the usual rate inclusively at both ends of the baseline", () => {
    const options = { burstMinItems: 2, burstWindowMs: 1000, burstFactor: 1, burstBaselineMs: 10_000 };
    // the items at 0 and 500 ms share a window; each one's ±5 s holds an item exactly 5 s away
    // (-5000 for the first, 5500 for the second): 3 around each, both bounds included
    const items = [-5000, 0, 500, 5500].map((ms) => item({ source: "review", receivedAt: T0 + ms }));
    expect(findBursts(items, options).map((f) => f.detail)).toEqual([
      expect.objectContaining({ items: 2, around: 3 }),
      expect.objectContaining({ items: 2, around: 3 }),
    ]);
    // 2 items against 3 around in 10 windows: 0.3 usual; a factor of 6 (1.8) passes, 7 (2.1) does not
    expect(findBursts(items, { ...options, burstFactor: 6 })).toHaveLength(2);
    expect(findBursts(items, { ...options, burstFactor: 7 })).toEqual([]);
    expect([isBurst(2, 3, { ...options, burstFactor: 6 }), isBurst(1, 0, options)]).toEqual([true, false]);
  });
});

describe("findUnverifiedReviews", () => {
  const orders = [
    { customerId: 1, orderedAt: "2026-02-01T00:00:00Z" },
    { customerId: 2, orderedAt: "2026-04-01T00:00:00Z" },
    { customerId: 3, orderedAt: "2026-01-01T00:00:00Z", kind: "refund" as const },
  ];

  it("flags reviews from customers with no order by then, or with no customer", () => {
    const verified = item({ source: "review", customerId: 1 });
    const orderedLater = item({ source: "review", customerId: 2 });
    const refundOnly = item({ source: "review", customerId: 3 });
    const anonymous = item({ source: "review", customerId: null });
    const survey = item({ source: "survey", customerId: 99 });
    const flags = findUnverifiedReviews([verified, orderedLater, refundOnly, anonymous, survey], orders);
    expect(ids(flags)).toEqual([orderedLater.id, refundOnly.id, anonymous.id]);
    expect(flags.find((f) => f.feedbackId === orderedLater.id)).toMatchObject({
      code: "unverified_review",
      reason: "A review from a customer who had placed no order by then.",
    });
    expect(flags.find((f) => f.feedbackId === anonymous.id)!.reason).toBe(
      "A review with no customer: no order can back it.",
    );
  });
});

describe("findExtremeScoresWithoutText", () => {
  it.each([
    ["nps", 0, null, true, "NPS 0 (the lowest score) with no comment."],
    ["nps", 10, "   ", true, "NPS 10 (the highest score) with no comment."],
    ["csat", 5, null, true, "CSAT 5 (the highest score) with no comment."],
    ["ces", 7, null, true, "CES 7 (the highest score) with no comment."],
    ["rating", 1, "", true, "Rating 1 (the lowest score) with no comment."],
    ["nps", 10, "Love it", false, ""],
    ["nps", 9, null, false, ""],
    ["ces", 5, null, false, ""],
    ["none", null, null, false, ""],
  ] as const)("%s %s with text %j → %s", (metricKind, score, text, flagged, reason) => {
    const flags = findExtremeScoresWithoutText([item({ metricKind, score, text })]);
    expect(flags).toHaveLength(flagged ? 1 : 0);
    if (flagged) expect(flags[0]).toMatchObject({ code: "extreme_score_no_text", reason });
  });
});

describe("screened sources", () => {
  it("screens reviews only: a survey 10 without a comment or copied survey text is ordinary", () => {
    const text = "Best store ever, everyone should buy here!";
    const surveys = [1, 2].map((customerId) =>
      item({ source: "survey", customerId, text, metricKind: "nps", score: 10 }),
    );
    const silent = item({ source: "survey", customerId: null, metricKind: "nps", score: 10, text: null });
    expect(screenFeedback([...surveys, silent], []).size).toBe(0);
  });

  it("keys duplicates by their normalised words, and not at all when short", () => {
    expect(suspicionTextKey("Best STORE ever — everyone should buy here!! 😀")).toBe(
      suspicionTextKey("best store ever everyone should buy here"),
    );
    expect(suspicionTextKey("Great service!")).toBeNull();
    expect(suspicionTextKey(null)).toBeNull();
  });

  it("describes what was seen from the stored detail", () => {
    expect(describeSuspicion({ code: "burst", items: 12, source: "review", origin: null, windowMs: 600_000 })).toBe(
      "12 items came from review within 10 minutes.",
    );
    expect(describeSuspicion({ code: "duplicate_text", customers: 1, items: 3 })).toBe(
      "The same text came from 1 customer (3 items).",
    );
  });
});

describe("screenFeedback", () => {
  it("groups every rule's flags by item", () => {
    const suspicious = item({ source: "review", customerId: null, metricKind: "rating", score: 5, text: null });
    const fine = item({ customerId: 1 });
    const flags = screenFeedback([suspicious, fine], [{ customerId: 1, orderedAt: T0 - 1 }]);
    expect([...flags.keys()]).toEqual([suspicious.id]);
    expect(
      flags
        .get(suspicious.id)!
        .map((f) => f.code)
        .sort(),
    ).toEqual(["extreme_score_no_text", "unverified_review"]);
  });
});
