import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIsoDate } from "../dashboard/calendar";
import { CHANNELS, FEEDBACK_SOURCES, FEEDBACK_STATUSES, METRIC_KINDS, PRIORITIES, SENTIMENT_LABELS } from "../enums";
import { type FeedbackFilters, feedbackFiltersInput, NPS_CATEGORIES } from "./filters";
import { FEEDBACK_SORTS } from "./list";
import {
  FEEDBACK_INBOX_PARAMS,
  feedbackFiltersQuery,
  feedbackInboxPath,
  feedbackInboxQuery,
  type FeedbackInboxState,
  type FeedbackSearchParams,
  parseFeedbackSearchParams,
  serializeFeedbackFilters,
  serializeFeedbackInbox,
} from "./search-params";

const none: FeedbackFilters = { segmentIds: [] };
/** What the parser returns for filters alone: newest first, no item open. */
const parsed = (filters: FeedbackFilters, errors: string[] = []) => ({ filters, sort: "newest", errors });

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
    [
      "keywords in capitals",
      { status: "NEW", channel: "Web", kind: "CSAT" },
      { status: "new", channel: "web", metricKind: "csat" },
    ],
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
    expect(parseFeedbackSearchParams(params)).toEqual(parsed({ ...none, ...expected }));
  });

  it.each<[string, FeedbackSearchParams, Partial<FeedbackFilters>]>([
    ["a search, trimmed", { q: "  late delivery " }, { q: "late delivery" }],
    ["a search in Hebrew", { q: "משלוח" }, { q: "משלוח" }],
    ["a touchpoint", { touchpoint: "5" }, { touchpointId: 5 }],
    ["a score range", { score_min: "0", score_max: "6" }, { scoreMin: 0, scoreMax: 6 }],
    ["one score", { score_min: "10", score_max: "10" }, { scoreMin: 10, scoreMax: 10 }],
    ["an open score range", { score_max: "3" }, { scoreMax: 3 }],
    [
      "triage keywords",
      { sentiment: "Negative", priority: "URGENT", source: "review" },
      { sentiment: "negative", priority: "urgent", source: "review" },
    ],
    ["a theme", { theme: "4" }, { themeId: 4 }],
    ["a language", { language: "he" }, { language: "he" }],
    ["a regional language, its language in capitals", { language: "PT-BR" }, { language: "pt-BR" }],
    ["an assignee and a team", { assignee: "7", team: "2" }, { assigneeId: 7, teamId: 2 }],
    ["overdue", { overdue: "true" }, { overdue: true }],
    ["overdue as 1", { overdue: "1" }, { overdue: true }],
    ["not overdue", { overdue: "No" }, { overdue: false }],
    ["suspicious", { suspicious: "yes" }, { suspicious: true }],
    ["not suspicious", { suspicious: "0" }, { suspicious: false }],
  ])("reads %s", (_name, params, expected) => {
    expect(parseFeedbackSearchParams(params)).toEqual(parsed({ ...none, ...expected }));
  });

  it("reads the order and the open item", () => {
    expect(parseFeedbackSearchParams({ sort: "Priority", item: "42", status: "new" })).toEqual({
      filters: { segmentIds: [], status: "new" },
      sort: "priority",
      itemId: 42,
      errors: [],
    });
  });

  it("reads URLSearchParams as well", () => {
    const params = new URLSearchParams("segment=3&segment=none&stage=2&from=2026-01-01");
    expect(parseFeedbackSearchParams(params)).toEqual(
      parsed({ segmentIds: [3, null], stageId: 2, from: "2026-01-01" }),
    );
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
    ["segment 0", { segment: "0" }, {}, 'Ignored segment "0": A segment id is a whole number from 1 to 2147483647.'],
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
    expect(parseFeedbackSearchParams(params)).toEqual(parsed({ ...none, ...expected }, [message]));
  });

  it.each<[string, FeedbackSearchParams, Partial<FeedbackFilters>, string]>([
    [
      "a search too long",
      { q: "w".repeat(201) },
      {},
      `Ignored search "${"w".repeat(39)}…": A search is at most 200 characters. Showing every comment.`,
    ],
    [
      "a touchpoint name",
      { touchpoint: "checkout" },
      {},
      'Ignored touchpoint "checkout": give the touchpoint\'s id, e.g. touchpoint=12. Showing every touchpoint.',
    ],
    [
      "a score above 10",
      { score_min: "11" },
      {},
      'Ignored lowest score "11": Scores end at 10. Scores run from 0 to 10.',
    ],
    [
      "a score that is not a whole number",
      { score_max: "6.5" },
      {},
      'Ignored highest score "6.5": A score is a whole number. Scores run from 0 to 10.',
    ],
    [
      "a reversed score range",
      { score_min: "9", score_max: "6" },
      {},
      "Ignored the score range: it ends (6) below where it starts (9); swap them. Showing every score.",
    ],
    [
      "an unknown sentiment",
      { sentiment: "angry" },
      {},
      'Ignored sentiment "angry": use one of negative, neutral, positive. Showing every sentiment.',
    ],
    [
      "an unknown priority",
      { priority: "p1" },
      {},
      'Ignored priority "p1": use one of urgent, high, normal, low. Showing every priority.',
    ],
    [
      "an unknown source",
      { source: "fax" },
      {},
      'Ignored source "fax": use one of survey, review, ticket, complaint, social, chat, email, employee. Showing every source.',
    ],
    [
      "a theme name",
      { theme: "billing" },
      {},
      'Ignored theme "billing": give the theme\'s id, e.g. theme=12. Showing every theme.',
    ],
    [
      "a language name",
      { language: "Hebrew" },
      {},
      'Ignored language "Hebrew": A language is a tag such as en, he, zh or pt-BR. Showing every language.',
    ],
    [
      "an assignee's name",
      { assignee: "dana" },
      {},
      "Ignored assignee \"dana\": give the user's id, e.g. assignee=12. Showing everyone's items.",
    ],
    [
      "team 0",
      { team: "0" },
      {},
      'Ignored team "0": A team id is a whole number from 1 to 2147483647. Showing every team\'s items.',
    ],
    [
      "an overdue that is neither",
      { overdue: "soon" },
      {},
      'Ignored overdue "soon": use overdue=true or overdue=false. Showing items due or not.',
    ],
    [
      "a suspicious that is neither",
      { suspicious: "maybe" },
      {},
      'Ignored suspicious "maybe": use suspicious=true or suspicious=false. Showing every item.',
    ],
    [
      "an unknown order",
      { sort: "oldest" },
      {},
      'Ignored sort order "oldest": use one of newest, priority, negative. Showing the newest first.',
    ],
    [
      "an item that is not an id",
      { item: "abc" },
      {},
      'Ignored feedback item "abc": a feedback id is a whole number from 1 to 2147483647. No item is open.',
    ],
  ])("leaves out %s, saying why", (_name, params, expected, message) => {
    expect(parseFeedbackSearchParams(params)).toEqual(parsed({ ...none, ...expected }, [message]));
  });

  it("keeps the good filters when others are bad", () => {
    const { filters, errors } = parseFeedbackSearchParams({
      status: "x",
      stage: "5",
      channel: "fax",
      to: "2026-01-01",
    });
    expect(filters).toEqual({ segmentIds: [], stageId: 5, to: "2026-01-01" });
    expect(errors).toHaveLength(2);
  });

  it("never throws, and what it returns is valid input", () => {
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom(
        ..."new 3 none 12 0 10 11 web nps csat detractor 2026-03-01 2026-02-30 true no he pt-BR urgent negative review priority".split(
          " ",
        ),
      ),
    );
    const params = fc.dictionary(
      fc.constantFrom(...FEEDBACK_INBOX_PARAMS, "other"),
      fc.option(fc.oneof(value, fc.array(value, { maxLength: 25 })), { nil: undefined }),
    );
    fc.assert(
      fc.property(params, (input) => {
        const { filters, sort, itemId } = parseFeedbackSearchParams(input);
        expect(feedbackFiltersInput.parse(filters)).toEqual(filters);
        expect(FEEDBACK_SORTS).toContain(sort);
        if (itemId !== undefined) expect(Number.isInteger(itemId) && itemId >= 1).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

const day = fc.integer({ min: 0, max: 2_932_896 }).map(formatIsoDate); // 1970-01-01 … 9999-12-31

const anyId = fc.integer({ min: 1, max: 2_147_483_647 });
const score = fc.integer({ min: 0, max: 10 });
/** Non-empty trimmed text of at most `max` characters, with scripts and URL syntax that need escaping. */
const someText = (max: number, samples: string[]) =>
  fc
    .oneof(fc.string({ minLength: 1, maxLength: max }), fc.constantFrom(...samples))
    .map((text) => text.trim())
    .filter((text) => text.length > 0);

/** Any filters feedbackFiltersInput accepts, already in its output form. */
const anyFilters: fc.Arbitrary<FeedbackFilters> = fc
  .record(
    {
      status: fc.constantFrom(...FEEDBACK_STATUSES),
      q: someText(200, ["משלוח", "送货 太慢", "تحویل دیر", "late delivery", "a&b=c#d+e%", "100% ?"]),
      segmentIds: fc.uniqueArray(fc.option(anyId, { nil: null }), { maxLength: 20 }),
      stageId: anyId,
      touchpointId: anyId,
      channel: fc.constantFrom(...CHANNELS),
      region: someText(80, ["Latin America", "Île-de-France", "a&b=c#d+e%"]),
      kind: fc.oneof(
        fc.record({ metricKind: fc.constantFrom(...METRIC_KINDS) }),
        fc.record({ metricKind: fc.constant("nps" as const), npsCategory: fc.constantFrom(...NPS_CATEGORIES) }),
      ),
      scores: fc.tuple(fc.option(score, { nil: undefined }), fc.option(score, { nil: undefined })),
      sentiment: fc.constantFrom(...SENTIMENT_LABELS),
      priority: fc.constantFrom(...PRIORITIES),
      source: fc.constantFrom(...FEEDBACK_SOURCES),
      themeId: anyId,
      language: fc.oneof(
        fc.constantFrom("en", "he", "fa", "zh", "pt-BR", "zh-Hant"),
        fc.stringMatching(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/),
      ),
      assigneeId: anyId,
      teamId: anyId,
      overdue: fc.boolean(),
      dates: fc.tuple(fc.option(day, { nil: undefined }), fc.option(day, { nil: undefined })),
    },
    { requiredKeys: ["segmentIds"] },
  )
  .map(({ kind, dates, scores, ...rest }) => {
    const ordered = <T extends string | number>([a, b]: [T | undefined, T | undefined]) =>
      a !== undefined && b !== undefined && b < a ? [b, a] : [a, b];
    const [from, to] = ordered(dates ?? [undefined, undefined]);
    const [scoreMin, scoreMax] = ordered(scores ?? [undefined, undefined]);
    const filters: FeedbackFilters = { ...rest, ...kind };
    if (from !== undefined) filters.from = from;
    if (to !== undefined) filters.to = to;
    if (scoreMin !== undefined) filters.scoreMin = scoreMin;
    if (scoreMax !== undefined) filters.scoreMax = scoreMax;
    return filters;
  });

/** Any inbox state: valid filters, perhaps an order, perhaps an open item. */
const anyState: fc.Arbitrary<FeedbackInboxState> = fc.record(
  { filters: anyFilters, sort: fc.constantFrom(...FEEDBACK_SORTS), itemId: anyId },
  { requiredKeys: ["filters"] },
);

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

  it("writes every parameter in the fixed order, the default order left out", () => {
    const state: FeedbackInboxState = {
      itemId: 42,
      sort: "priority",
      filters: {
        overdue: true,
        teamId: 2,
        assigneeId: 7,
        language: "he",
        themeId: 4,
        source: "review",
        priority: "urgent",
        sentiment: "negative",
        scoreMax: 6,
        scoreMin: 0,
        touchpointId: 5,
        q: "איחור במשלוח",
        segmentIds: [3],
        status: "triaged",
      },
    };
    expect(feedbackInboxQuery(state)).toBe(
      "status=triaged&q=%D7%90%D7%99%D7%97%D7%95%D7%A8+%D7%91%D7%9E%D7%A9%D7%9C%D7%95%D7%97&segment=3&touchpoint=5" +
        "&score_min=0&score_max=6&sentiment=negative&priority=urgent&source=review&theme=4&language=he&assignee=7" +
        "&team=2&overdue=true&sort=priority&item=42",
    );
    expect(feedbackInboxQuery({ ...state, sort: "newest" })).not.toContain("sort=");
    expect(feedbackInboxPath({ filters: none })).toBe("/feedback");
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
        expect(parseFeedbackSearchParams(nextSearchParams(query))).toEqual(parsed(filters));
        expect(parseFeedbackSearchParams(new URLSearchParams(query))).toEqual(parsed(filters));
      }),
      { numRuns: 1000 },
    );
  });

  it("round-trips the order and the open item too", () => {
    fc.assert(
      fc.property(anyState, (state) => {
        const expected = { ...state, sort: state.sort ?? "newest", errors: [] };
        expect(parseFeedbackSearchParams(nextSearchParams(feedbackInboxQuery(state)))).toEqual(expected);
        expect(parseFeedbackSearchParams(new URL(feedbackInboxPath(state), "http://x").searchParams)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it("is stable: equal filters give equal strings", () => {
    fc.assert(
      fc.property(anyFilters, (filters) => {
        const reordered = Object.fromEntries(Object.entries(filters).reverse()) as FeedbackFilters;
        expect(serializeFeedbackFilters(reordered).toString()).toBe(feedbackFiltersQuery(filters));
        expect(serializeFeedbackInbox({ filters: reordered, sort: "negative" }).toString()).toBe(
          feedbackInboxQuery({ filters, sort: "negative" }),
        );
        const again = parseFeedbackSearchParams(new URLSearchParams(feedbackFiltersQuery(filters))).filters;
        expect(feedbackFiltersQuery(again)).toBe(feedbackFiltersQuery(filters));
      }),
    );
  });
});
