import { describe, expect, it } from "vitest";
import { decodeFeedbackCursor, encodeFeedbackCursor, listFeedbackInput } from "./list";

describe("feedback cursor", () => {
  it("round-trips a microsecond timestamp and an id", () => {
    const cursor = { receivedAt: "2024-05-01T09:30:00.123456Z", id: 42 };
    expect(decodeFeedbackCursor(encodeFeedbackCursor(cursor))).toEqual(cursor);
  });

  it.each(["p.urgent", "p.low", "s.-0.75", "s.2", "s.1.5e-7", "s.0"])("round-trips the sort key %s", (key) => {
    const cursor = { key, receivedAt: "2024-05-01T09:30:00.123456Z", id: 7 };
    expect(decodeFeedbackCursor(encodeFeedbackCursor(cursor))).toEqual(cursor);
  });

  it.each([
    "",
    "42",
    "2024-05-01T09:30:00Z~42",
    "2024-05-01T09:30:00.123Z~42",
    "2024-05-01T09:30:00.123456Z~0",
    "2024-05-01T09:30:00.123456Z~-1",
    "2024-05-01T09:30:00.123456Z~12345678901",
    "2024-05-01T09:30:00.123456Z~4' OR 1=1",
    "p.soon~2024-05-01T09:30:00.123456Z~4",
    "s.x~2024-05-01T09:30:00.123456Z~4",
  ])("rejects %j", (value) => {
    expect(decodeFeedbackCursor(value)).toBeNull();
    expect(listFeedbackInput.safeParse({ cursor: value }).success).toBe(false);
  });

  it("defaults the limit to 50, accepts no cursor and filters nothing", () => {
    expect(listFeedbackInput.parse({})).toEqual({
      sort: "newest",
      limit: 50,
      segmentIds: [],
    });
    expect(listFeedbackInput.parse({ cursor: null, status: "new" })).toEqual({
      sort: "newest",
      cursor: null,
      limit: 50,
      status: "new",
      segmentIds: [],
    });
  });
});
