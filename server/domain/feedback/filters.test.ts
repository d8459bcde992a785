import { describe, expect, it } from "vitest";
import { npsCategory } from "../kpi/nps";
import { feedbackFiltersInput, hasDrillDownFilters, NPS_CATEGORY_SCORES } from "./filters";
import { listFeedbackInput } from "./list";

const firstMessage = (input: unknown) => feedbackFiltersInput.safeParse(input).error?.issues[0]?.message;

describe("feedbackFiltersInput", () => {
  it("filters nothing by default", () => {
    expect(feedbackFiltersInput.parse({})).toEqual({ segmentIds: [] });
  });

  it.each([
    [{ status: "triaged" }],
    [{ segmentIds: [3, null, 7] }],
    [{ segmentIds: Array.from({ length: 20 }, (_, i) => i + 1) }],
    [{ stageId: 12, channel: "call_centre", region: "Île-de-France" }],
    [{ metricKind: "csat" }],
    [{ metricKind: "nps", npsCategory: "detractor" }],
    [{ from: "2026-03-01", to: "2026-03-31" }],
    [{ from: "2024-02-29", to: "2024-02-29" }],
    [{ from: "2026-03-01" }],
    [{ to: "9999-12-31" }],
  ])("accepts %j", (input) => {
    expect(feedbackFiltersInput.parse(input)).toEqual({
      segmentIds: [],
      ...input,
    });
  });

  it("trims the region", () => {
    expect(feedbackFiltersInput.parse({ region: "  Poland " }).region).toBe("Poland");
  });

  it.each([
    [{ status: "open" }, "A status is one of new, triaged, in_progress, resolved, dismissed."],
    [{ segmentIds: [3, 3] }, "Select each segment once."],
    [{ segmentIds: [null, null] }, "Select each segment once."],
    [{ segmentIds: Array.from({ length: 21 }, (_, i) => i + 1) }, "Select at most 20 segments."],
    [{ segmentIds: [0] }, "A segment id is a whole number from 1 to 2147483647."],
    [{ stageId: 2 ** 31 }, "A journey stage id is a whole number from 1 to 2147483647."],
    [{ channel: "fax" }, "A channel is one of store, web, app, call_centre, email, social, chat."],
    [{ region: "  " }, "A region name cannot be empty."],
    [{ region: "x".repeat(81) }, "A region name is at most 80 characters."],
    [{ metricKind: "sus" }, "A metric kind is one of nps, csat, ces, rating, none."],
    [{ metricKind: "nps", npsCategory: "fan" }, "An NPS category is one of promoter, passive, detractor."],
    [
      { npsCategory: "promoter" },
      "An NPS category applies to NPS feedback only; filter on the metric kind nps, not every kind.",
    ],
    [
      { metricKind: "csat", npsCategory: "promoter" },
      "An NPS category applies to NPS feedback only; filter on the metric kind nps, not csat.",
    ],
    [{ from: "2026-02-30" }, "2026-02-30 is not a date in the calendar."],
    [{ to: "31/03/2026" }, '"31/03/2026" is not a date in the form YYYY-MM-DD, e.g. 2026-03-31.'],
    [{ from: "1969-12-31" }, "1969-12-31 is too early; dates start at 1970-01-01."],
    [
      { from: "2026-03-31", to: "2026-03-01" },
      "The date range ends (2026-03-01) before it starts (2026-03-31); swap the dates.",
    ],
  ])("rejects %j", (input, message) => {
    expect(firstMessage(input)).toBe(message);
  });

  it("applies the same rules to the list input, next to cursor and limit", () => {
    expect(listFeedbackInput.parse({ stageId: 4, from: "2026-01-01" })).toEqual({
      sort: "newest",
      limit: 50,
      segmentIds: [],
      stageId: 4,
      from: "2026-01-01",
    });
    expect(listFeedbackInput.safeParse({ from: "2026-02-01", to: "2026-01-01" }).success).toBe(false);
    expect(listFeedbackInput.safeParse({ npsCategory: "passive" }).success).toBe(false);
  });

  it("checks the inbox's own filters: score range, language tag, search length", () => {
    expect(
      feedbackFiltersInput.parse({
        scoreMin: 0,
        scoreMax: 6,
        language: "pt-BR",
        q: "  late  ",
      }),
    ).toMatchObject({
      scoreMin: 0,
      scoreMax: 6,
      language: "pt-BR",
      q: "late",
    });
    const problems = (input: object) => feedbackFiltersInput.safeParse(input).error?.issues.map((i) => i.message) ?? [];
    expect(problems({ scoreMin: 7, scoreMax: 3 })).toEqual([
      "The score range ends (3) below where it starts (7); swap them.",
    ]);
    expect(problems({ scoreMin: 11 })).toEqual(["Scores end at 10."]);
    expect(problems({ language: "english!" })).toEqual(["A language is a tag such as en, he, zh or pt-BR."]);
    expect(problems({ q: "   " })).toEqual(["Type a word to search for."]);
    expect(problems({ q: "x".repeat(201) })).toEqual(["A search is at most 200 characters."]);
    expect(problems({ priority: "asap" })).toEqual(["A priority is one of urgent, high, normal, low."]);
  });
});

describe("NPS_CATEGORY_SCORES", () => {
  it("puts every NPS score in the category npsCategory gives it", () => {
    for (let score = 0; score <= 10; score++) {
      const { min, max } = NPS_CATEGORY_SCORES[npsCategory(score)];
      expect(score >= min && score <= max).toBe(true);
    }
  });
});

describe("hasDrillDownFilters", () => {
  it.each([
    [{}, false],
    [{ status: "new" }, false],
    [{ segmentIds: [null] }, true],
    [{ stageId: 1 }, true],
    [{ to: "2026-01-01" }, true],
  ])("%j → %s", (input, expected) => {
    expect(hasDrillDownFilters(feedbackFiltersInput.parse(input))).toBe(expected);
  });
});
