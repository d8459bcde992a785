import { describe, expect, it } from "vitest";
import { feedbackFiltersInput, type FeedbackFiltersInput } from "@/server/domain/feedback";
import { createTranslator } from "@/server/i18n/core";
import { en } from "@/server/i18n/messages/en";
import { feedbackFilterChips, feedbackInboxPathOf } from "./feedback-filter-chips";

const t = createTranslator(en);
const labels = {
  segments: [{ id: 3, name: "Enterprise" }],
  stages: [{ id: 12, name: "Delivery" }],
  touchpoints: [{ id: 5, name: "Checkout page" }],
  themes: [{ id: 4, name: "Delivery delay" }],
  users: [{ id: 7, name: "Dana Levi" }],
  teams: [{ id: 2, name: "Logistics" }],
};
/** Label (Intl's thin and narrow no-break spaces as plain ones, which ICU versions vary on) and link. */
const chips = (input: FeedbackFiltersInput) =>
  feedbackFilterChips(feedbackFiltersInput.parse(input), labels, t, "en-GB").map(({ label, href }) => [
    label.replace(/[\u2009\u202f]/g, " "),
    href,
  ]);

describe("feedbackFilterChips", () => {
  it("shows nothing for the plain inbox, nor for a status alone", () => {
    expect(chips({})).toEqual([]);
    expect(chips({ status: "new" })).toEqual([]);
  });

  it("names segments and stages, and each chip's link drops only its own filter", () => {
    expect(chips({ status: "new", segmentIds: [3, null], stageId: 12, from: "2026-03-01", to: "2026-03-31" })).toEqual([
      ["Segment: Enterprise", "/feedback?status=new&segment=none&stage=12&from=2026-03-01&to=2026-03-31"],
      ["Segment: No segment", "/feedback?status=new&segment=3&stage=12&from=2026-03-01&to=2026-03-31"],
      ["Stage: Delivery", "/feedback?status=new&segment=3&segment=none&from=2026-03-01&to=2026-03-31"],
      ["1 – 31 Mar 2026", "/feedback?status=new&segment=3&segment=none&stage=12"],
    ]);
  });

  it("says so when an id is not in the workspace", () => {
    expect(chips({ segmentIds: [9], stageId: 4 }).map(([label]) => label)).toEqual([
      "Segment: #9 (not in this workspace)",
      "Stage: #4 (not in this workspace)",
    ]);
  });

  it("labels channel, region, kind and NPS category; removing the kind removes the category", () => {
    expect(
      chips({ channel: "call_centre", region: "Latin America", metricKind: "nps", npsCategory: "detractor" }),
    ).toEqual([
      ["Channel: Call centre", "/feedback?region=Latin+America&kind=nps&category=detractor"],
      ["Region: Latin America", "/feedback?channel=call_centre&kind=nps&category=detractor"],
      ["Score: NPS", "/feedback?channel=call_centre&region=Latin+America"],
      ["NPS: Detractors", "/feedback?channel=call_centre&region=Latin+America&kind=nps"],
    ]);
  });

  it("shows open-ended ranges and single days", () => {
    expect(chips({ from: "2026-03-01" })).toEqual([["From 1 Mar 2026", "/feedback"]]);
    expect(chips({ to: "2026-03-31" })).toEqual([["Until 31 Mar 2026", "/feedback"]]);
    expect(chips({ from: "2025-12-01", to: "2026-02-28" })[0]![0]).toBe("1 Dec 2025 – 28 Feb 2026");
    expect(chips({ from: "2026-03-05", to: "2026-03-05" })[0]![0]).toBe("5 Mar 2026");
  });
});

describe("feedbackFilterChips for triage filters", () => {
  it("labels the search, touchpoint, score range, sentiment, priority, source, theme, language, owner and overdue", () => {
    expect(
      chips({
        q: "משלוח",
        touchpointId: 5,
        scoreMin: 0,
        scoreMax: 6,
        sentiment: "negative",
        priority: "urgent",
        source: "review",
        themeId: 4,
        language: "he",
        assigneeId: 7,
        teamId: 2,
        overdue: true,
      }).map(([label]) => label),
    ).toEqual([
      "Search: “משלוח”",
      "Touchpoint: Checkout page",
      "Score 0–6",
      "Sentiment: Negative",
      "Priority: Urgent",
      "Source: Review",
      "Theme: Delivery delay",
      "Language: Hebrew",
      "Assignee: Dana Levi",
      "Team: Logistics",
      "Overdue only",
    ]);
  });

  it("drops the whole score range with its chip, and shows open ranges", () => {
    expect(chips({ scoreMin: 0, scoreMax: 6, priority: "high" })[0]).toEqual(["Score 0–6", "/feedback?priority=high"]);
    expect(chips({ scoreMin: 9 })[0]![0]).toBe("Score 9 or more");
    expect(chips({ scoreMax: 3 })[0]![0]).toBe("Score 3 or less");
  });

  it("names unknown people and themes by id", () => {
    expect(chips({ assigneeId: 99, themeId: 98 }).map(([label]) => label)).toEqual([
      "Theme: #98 (not in this workspace)",
      "Assignee: Person #99",
    ]);
  });

  it("keeps the order and the open item in every link, and shows the status only when asked", () => {
    const filters = feedbackFiltersInput.parse({ status: "new", priority: "urgent" });
    const kept = feedbackFilterChips(filters, labels, t, "en-GB", { keep: { sort: "priority", itemId: 42 } });
    expect(kept.map((chip) => chip.href)).toEqual(["/feedback?status=new&sort=priority&item=42"]);
    const all = feedbackFilterChips(filters, labels, t, "en-GB", { includeStatus: true });
    expect(all.map((chip) => [chip.label, chip.href])).toEqual([
      ["Status: New", "/feedback?priority=urgent"],
      ["Priority: Urgent", "/feedback?status=new"],
    ]);
  });
});

describe("feedbackInboxPathOf", () => {
  it("is the bare inbox without filters", () => {
    expect(feedbackInboxPathOf(feedbackFiltersInput.parse({}))).toBe("/feedback");
  });
});
