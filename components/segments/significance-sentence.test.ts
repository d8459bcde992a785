import { describe, expect, it } from "vitest";
import { compareCsat, compareNps } from "@/server/domain/kpi/significance";
import { createTranslator } from "@/server/i18n/core";
import { en } from "@/server/i18n/messages/en";
import { formatGap, formatPValue, significanceSentence } from "./significance-sentence";

const t = createTranslator(en);
const names = { a: "Enterprise", b: "SMB" };

describe("formatPValue", () => {
  it.each([
    [0.0000004, "< 0.001"],
    [0.001, "= 0.001"],
    [0.0034, "= 0.003"],
    [0.0499, "= 0.05"],
    [0.41, "= 0.41"],
    [1, "= 1.00"],
  ])("%s → p %s", (p, text) => {
    expect(formatPValue("en", p)).toBe(text);
  });
});

describe("formatGap", () => {
  it.each([
    [12, "12"],
    [4.25, "4.3"],
    [-3, "-3"],
  ])("%s → %s", (value, text) => {
    expect(formatGap("en", value)).toBe(text);
  });
});

describe("significanceSentence", () => {
  it("states a significant NPS gap with the test, p-value and interval", () => {
    const test = compareNps(
      { promoters: 300, passives: 100, detractors: 100 },
      { promoters: 200, passives: 150, detractors: 150 },
    );
    expect(test.conclusion).toBe("significant");
    const sentence = significanceSentence(t, "en", "nps", test, names);
    expect(sentence).toMatch(
      /^The NPS gap of 30 points \(Enterprise higher\) is significant \(two-sample z-test, p < 0\.001, 95% CI \d+(\.\d)?…\d+(\.\d)?\)\.$/,
    );
  });

  it("says a small gap could be chance, naming the higher segment", () => {
    const test = compareCsat({ satisfied: 40, total: 50 }, { satisfied: 42, total: 50 });
    expect(test.conclusion).toBe("not significant");
    const sentence = significanceSentence(t, "en", "csat", test, names);
    expect(sentence).toMatch(
      /^The CSAT gap of 4 points \(SMB higher\) could be chance \(two-proportion z-test, p = 0\.\d\d, 95% CI -\d/,
    );
  });

  it("cannot tell without responses on one side", () => {
    const test = compareNps({ promoters: 5, passives: 0, detractors: 1 }, { promoters: 0, passives: 0, detractors: 0 });
    expect(significanceSentence(t, "en", "nps", test, names)).toBe(
      "Cannot tell whether the NPS of Enterprise and SMB differs: too few responses (Enterprise: 6, SMB: 0); the two-sample z-test needs responses on both sides.",
    );
  });

  it("warns when a tested gap rests on fewer than 30 responses", () => {
    const test = compareNps(
      { promoters: 10, passives: 0, detractors: 0 },
      { promoters: 0, passives: 0, detractors: 10 },
    );
    const sentence = significanceSentence(t, "en", "nps", test, names);
    expect(sentence).toContain("is significant");
    expect(sentence).toContain("Read it with care: fewer than 30 responses on a side (Enterprise: 10, SMB: 10).");
  });

  it("says when both segments score the same", () => {
    const buckets = { promoters: 40, passives: 20, detractors: 40 };
    expect(significanceSentence(t, "en", "nps", compareNps(buckets, buckets), names)).toBe(
      "The NPS is the same in both segments (two-sample z-test, p = 1.00).",
    );
  });

  it("keeps the server's name of a test it does not know", () => {
    const test = {
      ...compareNps({ promoters: 50, passives: 0, detractors: 0 }, { promoters: 40, passives: 10, detractors: 0 }),
      test: "Welch's t-test",
    };
    expect(significanceSentence(t, "en", "nps", test, names)).toContain("(Welch's t-test, p");
  });
});
