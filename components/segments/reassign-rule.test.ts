import { describe, expect, it } from "vitest";
import { buildReassignRule, EMPTY_RULE_FORM, unknownIdsPreview } from "./reassign-rule";

describe("buildReassignRule", () => {
  it("needs at least one condition", () => {
    expect(buildReassignRule(EMPTY_RULE_FORM)).toEqual({ error: "segments.reassign.ruleEmpty" });
    expect(buildReassignRule({ ...EMPTY_RULE_FORM, region: "   ", channel: "fax" })).toEqual({
      error: "segments.reassign.ruleEmpty",
    });
  });

  it("turns every field into its condition", () => {
    expect(
      buildReassignRule({
        region: " Poland ",
        channel: "web",
        createdAfter: "2025-01-01",
        createdBefore: "2026-01-01",
        currentSegment: "7",
      }),
    ).toEqual({
      rule: {
        region: "Poland",
        preferredChannel: "web",
        createdAfter: new Date("2025-01-01T00:00:00.000Z"),
        createdBefore: new Date("2026-01-01T00:00:00.000Z"),
        currentSegmentId: 7,
      },
    });
  });

  it("reads 'no segment' as null", () => {
    expect(buildReassignRule({ ...EMPTY_RULE_FORM, currentSegment: "none" })).toEqual({
      rule: { currentSegmentId: null },
    });
  });

  it("rejects inverted dates", () => {
    expect(buildReassignRule({ ...EMPTY_RULE_FORM, createdAfter: "2026-02-01", createdBefore: "2026-02-01" })).toEqual({
      error: "segments.reassign.datesInverted",
    });
  });
});

describe("unknownIdsPreview", () => {
  it("lists the first 50 and counts the rest", () => {
    const ids = Array.from({ length: 53 }, (_, i) => `C-${i}`);
    const { shown, more } = unknownIdsPreview(ids);
    expect(shown).toHaveLength(50);
    expect(shown[0]).toBe("C-0");
    expect(more).toBe(3);
    expect(unknownIdsPreview(["X"])).toEqual({ shown: ["X"], more: 0 });
  });
});
