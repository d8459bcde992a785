import { describe, expect, it } from "vitest";
import { columnSamples, suggestDateFormat, suggestMapping } from "./import-preview";

describe("columnSamples", () => {
  it("keeps distinct non-blank values per column in order of appearance, up to the limit", () => {
    const rows = [
      ["a", " Yes ", ""],
      ["b", "No"],
      ["a", "yes", "x"],
      ["c", "Yes", "y"],
    ];
    expect(columnSamples(rows, 3, 2)).toEqual([
      ["a", "b"],
      ["Yes", "No"],
      ["x", "y"],
    ]);
    expect(columnSamples([], 2)).toEqual([[], []]);
  });
});

describe("suggestDateFormat", () => {
  it.each([
    [["2024-05-01", "2024-05-02 10:00:00+02:00"], "iso"],
    [["01/02/2024", "31/12/2024 14:05"], "dmy"],
    [["01/02/2024", "12/31/2024"], "mdy"],
    [["1735653900", "1735653901"], "epoch_seconds"],
    [["yesterday"], "iso"],
    [[], "iso"],
  ] as const)("%j → %s", (samples, format) => {
    expect(suggestDateFormat(samples)).toBe(format);
  });
});

describe("suggestMapping", () => {
  it("maps a survey export: columns, the score's scale from its values, the date format", () => {
    const header = ["Response ID", "Customer ID", "Rating", "Comment", "Submitted at"];
    const rows = [
      ["r1", "c1", "4", "Fine", "31/12/2024"],
      ["r2", "c2", "5", "Great", "13/01/2025"],
    ];
    expect(suggestMapping(header, rows, "feedback")).toEqual({
      columns: {
        externalId: "Response ID",
        customerExternalId: "Customer ID",
        score: "Rating",
        text: "Comment",
        receivedAt: "Submitted at",
      },
      constants: { metricKind: "rating" },
      dateFormat: "dmy",
    });
  });

  it("guesses the source from the headers, and leaves it to the user when they say nothing", () => {
    const tweets = suggestMapping(
      ["tweet_id", "text", "tweet_created"],
      [["1", "hi", "2015-02-24 11:35:52 -0800"]],
      "feedback",
    );
    expect(tweets.constants).toEqual({ source: "social" });
    expect(tweets.columns).toMatchObject({ externalId: "tweet_id", receivedAt: "tweet_created" });
    expect(suggestMapping(["id", "text"], [], "feedback").constants).toEqual({});
  });

  it("suggests no scale or source for customers and orders", () => {
    const orders = suggestMapping(
      ["order_id", "customer_id", "total", "order_date"],
      [["o1", "c1", "10", "2024-01-01"]],
      "order",
    );
    expect(orders).toEqual({
      columns: { externalId: "order_id", customerExternalId: "customer_id", amount: "total", orderedAt: "order_date" },
      constants: {},
      dateFormat: "iso",
    });
  });
});
