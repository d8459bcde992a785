import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { moneyFromCents, parseMoney } from "../kpi/money";
import type { NpsBuckets } from "../kpi/nps";
import { rankMomentsOfTruth, type StageRevenueInput, themeRevenueImpact } from "./moments-of-truth";

const nps = (promoters: number, passives: number, detractors: number): NpsBuckets => ({
  promoters,
  passives,
  detractors,
});
const STAGE = nps(50, 20, 30); // NPS 20

describe("themeRevenueImpact", () => {
  it.each([
    // without the theme: 50/15/15 of 80 → NPS 43.75; impact −23.75 → 23.75% of 10,000
    ["a theme that hurts", nps(0, 5, 15), "10000.00", -23.75, "2375.00"],
    // without: 30/20/30 of 80 → NPS 0; impact +20 → costs nothing
    ["a theme that helps", nps(20, 0, 0), "10000.00", 20, "0.00"],
    // no responses with the theme, or the theme on all of them: NPS without it is undefined
    ["a theme without responses", nps(0, 0, 0), "500.00", null, "0.00"],
    ["a theme on every response", STAGE, "500.00", null, "0.00"],
    ["a theme that neither hurts nor helps", nps(5, 2, 3), "500.00", 0, "0.00"],
  ])("%s", (_name, responses, revenue, impact, cost) => {
    const result = themeRevenueImpact(STAGE, { themeId: 4, responses, revenue });
    if (impact === null) expect(result.impactPoints).toBeNull();
    else expect(result.impactPoints).toBeCloseTo(impact, 10);
    expect(result.revenueImpact).toBe(cost);
    expect(result.themeId).toBe(4);
  });

  it("rounds once, half away from zero", () => {
    // stage 2/1/2 (NPS 0), theme 0/0/1: without 2/1/1 → NPS 25; 25% of 0.10 = 0.025 → 0.03
    expect(
      themeRevenueImpact(nps(2, 1, 2), { themeId: 1, responses: nps(0, 0, 1), revenue: "0.10" }).revenueImpact,
    ).toBe("0.03");
    expect(
      themeRevenueImpact(nps(2, 1, 2), { themeId: 1, responses: nps(0, 0, 1), revenue: "-0.10" }).revenueImpact,
    ).toBe("-0.03");
  });

  it("rejects a theme bucket larger than the stage's, and malformed money", () => {
    expect(() => themeRevenueImpact(STAGE, { themeId: 1, responses: nps(0, 0, 31), revenue: "1.00" })).toThrow(
      /cannot exceed/,
    );
    expect(() => themeRevenueImpact(STAGE, { themeId: 1, responses: nps(0, 0, 1), revenue: "1,00" })).toThrow();
  });
});

describe("rankMomentsOfTruth", () => {
  const stage = (
    stageId: number,
    position: number,
    detractorRevenue: string,
    themes: StageRevenueInput["themes"] = [],
  ) => ({
    stageId,
    position,
    detractorRevenue,
    responses: STAGE,
    themes,
  });

  it("ranks by detractor revenue plus theme cost; a tie goes to the earlier stage", () => {
    const ranked = rankMomentsOfTruth([
      stage(3, 2, "3375.00"),
      stage(1, 0, "1000.00", [
        { themeId: 8, responses: nps(20, 0, 0), revenue: "9999.00" },
        { themeId: 9, responses: nps(0, 5, 15), revenue: "10000.00" },
      ]),
      stage(2, 1, "5000"),
    ]);
    expect(ranked.map((s) => [s.rank, s.stageId, s.revenueImpact])).toEqual([
      [1, 2, "5000.00"],
      [2, 1, "3375.00"],
      [3, 3, "3375.00"],
    ]);
    expect(ranked[1]).toMatchObject({
      detractorRevenue: "1000.00",
      themeRevenueImpact: "2375.00",
      themes: [
        { themeId: 9, revenueImpact: "2375.00" },
        { themeId: 8, revenueImpact: "0.00" },
      ],
    });
  });

  it("equal stages keep journey order", () => {
    const ranked = rankMomentsOfTruth([stage(5, 3, "0"), stage(6, 1, "0"), stage(7, 2, "0")]);
    expect(ranked.map((s) => s.stageId)).toEqual([6, 7, 5]);
  });

  it("no stages → []", () => {
    expect(rankMomentsOfTruth([])).toEqual([]);
  });

  it("rejects a stage listed twice", () => {
    expect(() => rankMomentsOfTruth([stage(1, 0, "0"), stage(1, 1, "0")])).toThrow(/Stage 1 is listed twice/);
  });

  const bucketsArb = fc.tuple(fc.nat(40), fc.nat(40), fc.nat(40)).map(([p, q, d]) => nps(p, q, d));
  const stagesArb = fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 7 }).chain((ids) =>
    fc.tuple(
      ...ids.map((stageId, position) =>
        fc
          .record({
            responses: bucketsArb,
            detractorCents: fc.bigInt({ min: 0n, max: 10_000_000n }),
            themes: fc.array(fc.tuple(bucketsArb, fc.bigInt({ min: 0n, max: 10_000_000n })), { maxLength: 3 }),
          })
          .map(({ responses, detractorCents, themes }) => ({
            stageId,
            position,
            detractorRevenue: moneyFromCents(detractorCents),
            // each stage bucket is 40 above any theme bucket, so a theme's responses are a subset of the stage's
            responses: nps(responses.promoters + 40, responses.passives + 40, responses.detractors + 40),
            themes: themes.map(([t, cents], i) => ({ themeId: i + 1, responses: t, revenue: moneyFromCents(cents) })),
          })),
      ),
    ),
  );

  it("the order is by revenue impact, then by stage position; impact = detractor revenue + theme costs", () => {
    fc.assert(
      fc.property(stagesArb, (stages) => {
        const ranked = rankMomentsOfTruth(stages);
        expect(ranked.map((s) => s.rank)).toEqual(stages.map((_, i) => i + 1));
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1]!, ranked[i]!];
          const [ca, cb] = [parseMoney(a.revenueImpact), parseMoney(b.revenueImpact)];
          expect(ca >= cb).toBe(true);
          if (ca === cb) expect(a.position).toBeLessThan(b.position);
        }
        for (const s of ranked) {
          const themeSum = s.themes.reduce((sum, t) => sum + parseMoney(t.revenueImpact), 0n);
          expect(parseMoney(s.themeRevenueImpact)).toBe(themeSum);
          expect(parseMoney(s.revenueImpact)).toBe(parseMoney(s.detractorRevenue) + themeSum);
          expect(themeSum >= 0n).toBe(true);
        }
      }),
    );
  });

  it("a stage made to hurt most ranks first", () => {
    fc.assert(
      fc.property(stagesArb, fc.nat(), (stages, pick) => {
        const worst = stages[pick % stages.length]!;
        const others = rankMomentsOfTruth(stages).reduce((sum, s) => sum + parseMoney(s.revenueImpact), 0n);
        const hurt = stages.map((s) =>
          s === worst ? { ...s, detractorRevenue: moneyFromCents(parseMoney(s.detractorRevenue) + others + 1n) } : s,
        );
        expect(rankMomentsOfTruth(hurt)[0]?.stageId).toBe(worst.stageId);
      }),
    );
  });
});
