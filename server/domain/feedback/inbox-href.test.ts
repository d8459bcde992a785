import { describe, expect, it } from "vitest";
import { feedbackInboxHref, type FeedbackInboxLink } from "./inbox-href";
import { parseFeedbackSearchParams } from "./search-params";

describe("feedbackInboxHref", () => {
  it.each<[FeedbackInboxLink, string]>([
    [{}, "/feedback"],
    [{ segmentId: 3 }, "/feedback?segment=3"],
    [{ segmentId: null }, "/feedback?segment=none"],
    [{ segmentIds: [3, null, 7] }, "/feedback?segment=3&segment=none&segment=7"],
    [{ stageId: 12, month: "2026-03" }, "/feedback?stage=12&from=2026-03-01&to=2026-03-31"],
    [{ month: "2024-02" }, "/feedback?from=2024-02-01&to=2024-02-29"],
    [{ month: "2025-02" }, "/feedback?from=2025-02-01&to=2025-02-28"],
    [{ month: "2026-12" }, "/feedback?from=2026-12-01&to=2026-12-31"],
    [{ from: "2026-01-01", to: "2026-03-31" }, "/feedback?from=2026-01-01&to=2026-03-31"],
    [{ channel: "call_centre", region: "Latin America" }, "/feedback?channel=call_centre&region=Latin+America"],
    [{ kind: "csat" }, "/feedback?kind=csat"],
    [{ category: "detractor" }, "/feedback?kind=nps&category=detractor"],
    [{ kind: "nps", category: "promoter", status: "new" }, "/feedback?status=new&kind=nps&category=promoter"],
    [
      { category: "detractor", month: "2026-03", channel: "web", stageId: 2, segmentId: 5 },
      "/feedback?segment=5&stage=2&channel=web&kind=nps&category=detractor&from=2026-03-01&to=2026-03-31",
    ],
  ])("%j → %s", (link, href) => {
    expect(feedbackInboxHref(link)).toBe(href);
  });

  it("links to what the inbox reads back", () => {
    const href = feedbackInboxHref({ segmentId: null, stageId: 4, month: "2026-03", category: "passive" });
    const { filters, errors } = parseFeedbackSearchParams(new URL(href, "http://x").searchParams);
    expect(errors).toEqual([]);
    expect(filters).toEqual({
      segmentIds: [null],
      stageId: 4,
      metricKind: "nps",
      npsCategory: "passive",
      from: "2026-03-01",
      to: "2026-03-31",
    });
  });

  it.each<[FeedbackInboxLink, string]>([
    [{ month: "2026-13" }, '"2026-13" is not a month in the form YYYY-MM from 1970, e.g. 2026-03.'],
    [{ month: "2026-3" }, '"2026-3" is not a month in the form YYYY-MM from 1970, e.g. 2026-03.'],
    [{ month: "1969-12" }, '"1969-12" is not a month in the form YYYY-MM from 1970, e.g. 2026-03.'],
    [{ month: "2026-03", from: "2026-03-02" }, "A feedback link takes either a month or from/to dates, not both."],
    [{ segmentId: 1, segmentIds: [2] }, "A feedback link takes either segmentId or segmentIds, not both."],
    [
      { from: "2026-03-31", to: "2026-03-01" },
      "Cannot link to the feedback inbox: The date range ends (2026-03-01) before it starts (2026-03-31); swap the dates.",
    ],
    [
      { kind: "csat", category: "promoter" },
      "Cannot link to the feedback inbox: An NPS category applies to NPS feedback only; filter on the metric kind nps, not csat.",
    ],
    [{ stageId: 0 }, "Cannot link to the feedback inbox: A journey stage id is a whole number from 1 to 2147483647."],
  ])("refuses %j", (link, message) => {
    expect(() => feedbackInboxHref(link)).toThrow(expect.objectContaining({ code: "INVALID_INPUT", message }));
  });
});
