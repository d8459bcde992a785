import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIsoDate } from "../dashboard/calendar";
import { CHANNELS, FEEDBACK_STATUSES, METRIC_KINDS } from "../enums";
import { type FeedbackFilters, feedbackFiltersInput, NPS_CATEGORIES } from "./filters";
import {
  feedbackFiltersQuery,
  type FeedbackSearchParams,
  parseFeedbackSearchParams,
  serializeFeedbackFilters,
} from "./search-params";

const none: FeedbackFilters = { segmentIds: [] };

/** The `searchParams` object Next.js builds from a query string: a repeated key becomes an array. */
function nextSearchParams(query: string): FeedbackSearchParams {
  const record: FeedbackSearchParams = {};
  for (const [key, value] of new URLSearchParams(query)) {
    const seen = record[key];
    record[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return record;
}

describe("parseFeedbackSearchParams", () => {
  it.each<[string, FeedbackSearchParams, Partial<FeedbackFilters>]>([
    ["nothing", {}, {}],
    ["empty values", { status: "", segment: ["", " "], region: "  ", from: "" }, {}],
    ["a status", { status: "in_progress" }, { status: "in_progress" }],
    ["keywords in capitals", { status: "NEW", channel: "Web", kind: "CSAT" }, { status: "new", channel: "web", metricKind: "csat" }],
    ["one segment", { segment: "3" }, { segmentIds: [3] }],
    ["repeated segments, in order", { segment: ["7", "3"] }, { segmentIds: [7, 3] }],
    ["comma-separated segments", { segment: "3,7" }, { segmentIds: [3, 7] }],
    ["no segment", { segment: ["none", "3"] }, { segmentIds: [null, 3] }],
    ["duplicate segments", { segment: ["3", "3,NONE", "none"] }, { segmentIds: [3, null] }],
    ["a stage", { stage: "12" }, { stageId: 12 }],
    ["a region, trimmed", { region: "  Latin America " }, { region: "Latin America" }],
    ["an NPS category", { kind: "nps", category: "detractor" }, { metricKind: "nps", npsCategory: "detractor" }],
    ["a category alone: NPS implied", { category: "Promoters" }, { metricKind: "nps", npsCategory: "promoter" }],
    ["a month", { from: "2026-03-01", to: "2026-03-31" }, { from: "2026-03-01", to: "2026-03-31" }],
    ["one day", { from: "2026-03-01", to: "2026-03-01" }, { from: "2026-03-01", to: "2026-03-01" }],
    ["an open end", { from: "2026-03-01" }, { from: "2026-03-01" }],
    ["the first of a repeated parameter", { stage: ["4", "5"] }, { stageId: 4 }],
    ["unknown parameters, ignored", { utm_source: "mail", period: "last30" }, {}],
  ])("reads %s", (_name, params, expected) => {
    expect(parseFeedbackSearchParams(params)).toEqual({ filters: { ...none, ...expected }, errors: [] });
  });

  it("reads URLSearchParams as well", () => {
    const params = new URLSearchParams("segment=3&segment=none&stage=2&from=2026-01-01");
    expect(parseFeedbackSearchParams(params)).toEqual({
      filters: { segmentIds: [3, null], stageId: 2, from: "2026-01-01" },
      errors: [],
    });
  });

  it.each<[string, FeedbackSearchParams, Partial<FeedbackFilters>, string]>([
    [
      "an unknown status",
      { status: "open" },
      {},
      'Ignored status "open": use one of new, triaged, in_progress, resolved, dismissed. Showing every status.',
    ],
    [
      "a segment name",
      { segment: ["3", "enterprise"] },
      { segmentIds: [3] },
      'Ignored segment "enterprise": give the segment\'s id, e.g. segment=3, or segment=none.',
    ],
    [
      "segment 0",
      { segment: "0" },
      {},
      'Ignored segment "0": A segment id is a whole number from 1 to 2147483647.',
    ],
    [
      "too many segments",
      { segment: Array.from({ length: 21 }, (_, i) => String(i + 1)) },
      {},
      "Ignored the segment filter: select at most 20 segments. Showing every segment.",
    ],
    [
      "a stage name",
      { stage: "delivery" },
      {},
      'Ignored journey stage "delivery": give the stage\'s id, e.g. stage=12. Showing every stage.',
    ],
    [
      "a stage id out of range",
      { stage: "99999999999" },
      {},
      'Ignored journey stage "99999999999": A journey stage id is a whole number from 1 to 2147483647. Showing every stage.',
    ],
    [
      "an unknown channel",
      { channel: "fax" },
      {},
      'Ignored channel "fax": use one of store, web, app, call_centre, email, social, chat. Showing every channel.',
    ],
    [
      "a region too long",
      { region: "r".repeat(81) },
      {},
      `Ignored region "${"r".repeat(39)}…": A region name is at most 80 characters. Showing every region.`,
    ],
    [
      "an unknown kind",
      { kind: "sus" },
      {},
      'Ignored metric kind "sus": use one of nps, csat, ces, rating, none. Showing every kind.',
    ],
    [
      "an unknown category",
      { kind: "nps", category: "fan" },
      { metricKind: "nps" },
      'Ignored NPS category "fan": use one of promoter, passive, detractor.',
    ],
    [
      "a category of another kind",
      { kind: "csat", category: "promoter" },
      { metricKind: "csat" },
      'Ignored NPS category "promoter": it applies to kind=nps only, not kind=csat.',
    ],
    [
      "a date not in the calendar",
      { from: "2026-02-30", to: "2026-03-31" },
      { to: "2026-03-31" },
      'Ignored start date "2026-02-30": 2026-02-30 is not a date in the calendar.',
    ],
    [
      "a date in another form",
      { to: "31.03.2026" },
      {},
      'Ignored end date "31.03.2026": "31.03.2026" is not a date in the form YYYY-MM-DD, e.g. 2026-03-31.',
    ],
    [
      "a reversed range",
      { from: "2026-03-31", to: "2026-03-01" },
      {},
      "Ignored the dates: the range ends (2026-03-01) before it starts (2026-03-31); swap them. Showing every date.",
    ],
  ])("leaves out %s, saying why", (_name, params, expected, message) => {
    expect(parseFeedbackSearchParams(params)).toEqual({ filters: { ...none, ...expected }, errors: [message] });
  });

  it("keeps the good filters when others are bad", () => {
    const { filters, errors } = parseFeedbackSearchParams({ status: "x", stage: "5", channel: "fax", to: "2026-01-01" });
    expect(filters).toEqual({ segmentIds: [], stageId: 5, to: "2026-01-01" });
    expect(errors).toHaveLength(2);
  });

  it("never throws, and what it returns is valid input", () => {
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom("new", "3", "none", "12", "web", "nps", "csat", "detractor", "2026-03-01", "2026-02-30"),
    );
    const params = fc.dictionary(
      fc.constantFrom("status", "segment", "stage", "channel", "region", "kind", "category", "from", "to", "other"),
      fc.option(fc.oneof(value, fc.array(value, { maxLength: 25 })), { nil: undefined }),
    );
    fc.assert(
      fc.property(params, (input) => {
        const { filters } = parseFeedbackSearchParams(input);
        expect(feedbackFiltersInput.parse(filters)).toEqual(filters);
      }),
      { numRuns: 500 },
    );
  });
});

const day = fc.integer({ min: 0, max: 2_932_896 }).map(formatIsoDate); // 1970-01-01 … 9999-12-31

/** Any filters feedbackFiltersInput accepts, already in its output form. */
const anyFilters: fc.Arbitrary<FeedbackFilters> = fc
  .record(
    {
      status: fc.constantFrom(...FEEDBACK_STATUSES),
      segmentIds: fc.uniqueArray(fc.option(fc.integer({ min: 1, max: 2_147_483_647 }), { nil: null }), {
        maxLength: 20,
      }),
      stageId: fc.integer({ min: 1, max: 2_147_483_647 }),
      channel: fc.constantFrom(...CHANNELS),
      region: fc
        .oneof(fc.string({ minLength: 1, maxLength: 80 }), fc.constantFrom("Latin America", "Île-de-France", "a&b=c#d+e%"))
        .map((text) => text.trim())
        .filter((text) => text.length > 0),
      kind: fc.oneof(
        fc.record({ metricKind: fc.constantFrom(...METRIC_KINDS) }),
        fc.record({ metricKind: fc.constant("nps" as const), npsCategory: fc.constantFrom(...NPS_CATEGORIES) }),
      ),
      dates: fc.tuple(fc.option(day, { nil: undefined }), fc.option(day, { nil: undefined })),
    },
    { requiredKeys: ["segmentIds"] },
  )
  .map(({ kind, dates, ...rest }) => {
    const [a, b] = dates ?? [undefined, undefined];
    const [from, to] = a !== undefined && b !== undefined && b < a ? [b, a] : [a, b];
    const filters: FeedbackFilters = { ...rest, ...kind };
    if (from !== undefined) filters.from = from;
    if (to !== undefined) filters.to = to;
    return filters;
  });

describe("feedbackFiltersQuery", () => {
  it("writes nothing for no filters", () => {
    expect(feedbackFiltersQuery(none)).toBe("");
  });

  it("writes the parameters in a fixed order, one segment each", () => {
    const filters: FeedbackFilters = {
      to: "2026-03-31",
      from: "2026-03-01",
      npsCategory: "detractor",
      metricKind: "nps",
      region: "Latin America",
      channel: "web",
      stageId: 12,
      segmentIds: [7, null],
      status: "new",
    };
    expect(feedbackFiltersQuery(filters)).toBe(
      "status=new&segment=7&segment=none&stage=12&channel=web&region=Latin+America&kind=nps&category=detractor&from=2026-03-01&to=2026-03-31",
    );
  });

  it("generates only valid filters (the property below would prove little otherwise)", () => {
    fc.assert(
      fc.property(anyFilters, (filters) => {
        expect(feedbackFiltersInput.parse(filters)).toEqual(filters);
      }),
    );
  });

  it("round-trips: parsing the query gives the filters back, with no errors", () => {
    fc.assert(
      fc.property(anyFilters, (filters) => {
        const query = feedbackFiltersQuery(filters);
        expect(parseFeedbackSearchParams(nextSearchParams(query))).toEqual({ filters, errors: [] });
        expect(parseFeedbackSearchParams(new URLSearchParams(query))).toEqual({ filters, errors: [] });
      }),
      { numRuns: 1000 },
    );
  });

  it("is stable: equal filters give equal strings", () => {
    fc.assert(
      fc.property(anyFilters, (filters) => {
        const reordered = Object.fromEntries(Object.entries(filters).reverse()) as FeedbackFilters;
        expect(serializeFeedbackFilters(reordered).toString()).toBe(feedbackFiltersQuery(filters));
        const again = parseFeedbackSearchParams(new URLSearchParams(feedbackFiltersQuery(filters))).filters;
        expect(feedbackFiltersQuery(again)).toBe(feedbackFiltersQuery(filters));
      }),
    );
  });
});
