import { describe, expect, it } from "vitest";
import { npsFigureOf, segmentsFixture } from "@/components/dashboard/fixtures";
import type { SegmentSummary, SegmentsPayload } from "@/server/domain/dashboard/payload";
import { computeNps, makeFigure } from "@/server/domain/kpi";
import {
  isSegmentsEmpty,
  npsAxis,
  npsRevenueRows,
  revenueAtRiskRows,
  segmentLabel,
  segmentValueRows,
} from "./segment-data";

const base = segmentsFixture.segments[1]!;
const segment = (overrides: Partial<SegmentSummary>): SegmentSummary => ({ ...base, ...overrides });
const payload = (segments: SegmentSummary[]): SegmentsPayload => ({ ...segmentsFixture, segments });

describe("npsRevenueRows", () => {
  it("sorts by exact revenue, highest first, with customers without a segment last", () => {
    const rows = npsRevenueRows(
      payload([
        segment({ segmentId: null, name: "", revenue: "99999999.00" }),
        segment({ segmentId: 1, name: "A", revenue: "90071992547409.91" }),
        segment({ segmentId: 2, name: "B", revenue: "90071992547409.92" }),
        segment({ segmentId: 3, name: "C", revenue: "-5.00" }),
      ]),
      "No segment",
    );
    expect(rows.map((row) => row.name)).toEqual(["B", "A", "C", "No segment"]);
    expect(rows[0]?.revenue).toBe("90071992547409.92");
  });

  it("keeps no data as null, with no error bar", () => {
    const [row] = npsRevenueRows(
      payload([segment({ nps: computeNps({ promoters: 0, passives: 0, detractors: 0 }) })]),
      "No segment",
    );
    expect(row).toMatchObject({ nps: null, npsError: null, responses: 0, lowSample: true });
  });
});

describe("npsAxis", () => {
  it.each([
    [[{ nps: 31, npsError: 4 }], [0, 40], [0, 10, 20, 30, 40]],
    [
      [
        { nps: -18.6, npsError: 9 },
        { nps: 46, npsError: 30 },
      ],
      [-40, 80],
      [-40, -20, 0, 20, 40, 60, 80],
    ],
    [
      [
        { nps: -95, npsError: 10 },
        { nps: 99, npsError: 5 },
      ],
      [-100, 100],
      [-100, -50, 0, 50, 100],
    ],
    [[{ nps: null, npsError: null }], [0, 10], [0, 10]],
    [[], [0, 10], [0, 10]],
  ])("%j → %j", (rows, domain, ticks) => {
    expect(npsAxis(rows)).toEqual({ domain, ticks });
  });
});

describe("segmentValueRows", () => {
  it("keeps exact means and customer counts per category, null without customers", () => {
    const rows = segmentValueRows(
      payload([
        segment({
          value: {
            promoter: makeFigure("1845.00", 80),
            passive: makeFigure<string>(null, 0),
            detractor: makeFigure("1143.90", 12),
            promoterMinusDetractor: "701.10",
          },
        }),
      ]),
      "No segment",
    );
    expect(rows[0]).toMatchObject({
      promoter: 1845,
      passive: null,
      detractor: 1143.9,
      exact: { promoter: "1845.00", passive: null, detractor: "1143.90" },
      customers: { promoter: 80, passive: 0, detractor: 12 },
      lowSample: { promoter: false, passive: true, detractor: true },
      promoterMinusDetractor: "701.10",
    });
  });
});

describe("revenueAtRiskRows", () => {
  it("sorts largest first and leaves out segments with nothing at risk", () => {
    const rows = revenueAtRiskRows(
      payload([
        segment({ segmentId: 1, name: "A", revenueAtRisk: "10.00" }),
        segment({ segmentId: 2, name: "B", revenueAtRisk: "0.00" }),
        segment({
          segmentId: 3,
          name: "C",
          revenueAtRisk: "250.10",
          revenueAtRiskChurnWeighted: makeFigure("12.40", 20),
        }),
      ]),
      "No segment",
    );
    expect(rows.map((row) => row.name)).toEqual(["C", "A"]);
    expect(rows[0]).toMatchObject({
      risk: "250.10",
      riskValue: 250.1,
      churnWeighted: "12.40",
      churnWeightedSample: 20,
      churnWeightedLowSample: true,
    });
  });
});

describe("segmentLabel", () => {
  it("names the unnamed row of customers without a segment, and only that", () => {
    expect(segmentLabel({ segmentId: null, name: "" }, "No segment")).toBe("No segment");
    expect(segmentLabel({ segmentId: null, name: "Walk-ins" }, "No segment")).toBe("Walk-ins");
    expect(segmentLabel({ segmentId: 4, name: "Families" }, "No segment")).toBe("Families");
  });
});

describe("isSegmentsEmpty", () => {
  it("is empty without answers, revenue or categorised customers", () => {
    const none = makeFigure<string>(null, 0);
    const blank = segment({
      nps: computeNps({ promoters: 0, passives: 0, detractors: 0 }),
      revenue: "0.00",
      value: { promoter: none, passive: none, detractor: none, promoterMinusDetractor: null },
    });
    expect(isSegmentsEmpty(payload([blank]))).toBe(true);
    expect(isSegmentsEmpty(payload([blank, segment({ nps: npsFigureOf(3, 10) })]))).toBe(false);
    expect(isSegmentsEmpty(segmentsFixture)).toBe(false);
  });
});
