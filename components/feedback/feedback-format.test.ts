import { describe, expect, it } from "vitest";
import { createTranslator } from "@/server/i18n/core";
import { en } from "@/server/i18n/messages/en";
import { formatRelative, languageName, scoreMax, scoreTone, sourceAndChannel } from "./feedback-format";

describe("scoreTone", () => {
  it.each([
    ["nps", 0, "negative"],
    ["nps", 6, "negative"],
    ["nps", 7, "neutral"],
    ["nps", 9, "positive"],
    ["csat", 2, "negative"],
    ["csat", 3, "neutral"],
    ["csat", 4, "positive"],
    ["ces", 3, "negative"],
    ["ces", 5, "positive"],
    ["rating", 1, "negative"],
    ["none", null, "neutral"],
  ] as const)("%s %s is %s", (kind, score, tone) => {
    expect(scoreTone(kind, score)).toBe(tone);
  });

  it("knows each scale's top", () => {
    expect([scoreMax("nps"), scoreMax("ces"), scoreMax("csat"), scoreMax("none")]).toEqual([10, 7, 5, null]);
  });
});

describe("formatRelative", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  it.each([
    ["2026-03-10T11:59:30Z", "now"],
    ["2026-03-10T09:00:00Z", "3 hours ago"],
    ["2026-03-09T12:00:00Z", "yesterday"],
    ["2026-03-12T12:00:00Z", "in 2 days"],
    ["2026-01-01T12:00:00Z", "2 months ago"],
  ])("%s → %s", (at, text) => {
    expect(formatRelative(new Date(at), now, "en")).toBe(text);
  });
});

describe("languageName", () => {
  it("names tags in the reader's language, and keeps what it cannot name", () => {
    expect(languageName("he", "en")).toBe("Hebrew");
    expect(languageName("pt-BR", "en")).toBe("Brazilian Portuguese");
    expect(languageName("not a tag", "en")).toBe("not a tag");
  });
});

describe("sourceAndChannel", () => {
  const t = createTranslator(en);
  it("names the source and the channel, once when they are named alike", () => {
    expect(sourceAndChannel({ source: "survey", channel: "web" }, t)).toBe("Survey · Web");
    expect(sourceAndChannel({ source: "email", channel: "email" }, t)).toBe("Email");
    expect(sourceAndChannel({ source: "review", channel: null }, t)).toBe("Review");
  });
});
