import { describe, expect, it } from "vitest";
import { computeFunnel } from "@/server/domain/journeys/funnel";
import { ALL_CUSTOMERS, funnelOptions, funnelRows, isFunnelEmpty, NO_SEGMENT, type FunnelInput } from "./funnel-data";

const stages = [
  { id: 1, name: "Awareness" },
  { id: 2, name: "Purchase" },
  { id: 3, name: "Loyalty" },
];
const counts = (a: number, b: number, c: number) =>
  computeFunnel([
    { stageId: 1, customers: a },
    { stageId: 2, customers: b },
    { stageId: 3, customers: c },
  ]);
const data: FunnelInput = {
  stages,
  segmentNames: [
    { id: 7, name: "SMB", color: "#336699" },
    { id: 5, name: "Enterprise", color: null },
    { id: 9, name: "Consumer", color: null },
  ],
  overall: counts(6, 3, 3),
  segments: [
    { segmentId: 5, steps: counts(4, 2, 1) },
    { segmentId: 7, steps: counts(1, 1, 1) },
    { segmentId: null, steps: counts(1, 0, 1) },
  ],
};

describe("funnelOptions", () => {
  it("lists everyone, the segments present by name, then no segment", () => {
    expect(funnelOptions(data, { all: "All", noSegment: "None" })).toEqual([
      { value: ALL_CUSTOMERS, label: "All", color: null },
      { value: "5", label: "Enterprise", color: null },
      { value: "7", label: "SMB", color: "#336699" },
      { value: NO_SEGMENT, label: "None", color: null },
    ]);
  });
});

describe("funnelRows", () => {
  it("names each step and stacks the drop on the reached customers", () => {
    const rows = funnelRows(data, ALL_CUSTOMERS);
    expect(rows.map((row) => [row.name, row.reached, row.dropped, row.dropCount])).toEqual([
      ["Awareness", 12, 0, null],
      ["Purchase", 6, 6, 6],
      ["Loyalty", 3, 3, 3],
    ]);
    expect(rows[1]?.dropPercent).toBe(50);
  });
  it("reads one segment, or customers without one", () => {
    expect(funnelRows(data, "5").map((row) => row.reached)).toEqual([7, 3, 1]);
    expect(funnelRows(data, NO_SEGMENT).map((row) => row.reached)).toEqual([2, 1, 1]);
  });
  it("gives a segment without customers zeros, which is empty", () => {
    const rows = funnelRows(data, "9");
    expect(rows.map((row) => [row.reached, row.dropCount])).toEqual([
      [0, null],
      [0, 0],
      [0, 0],
    ]);
    expect(isFunnelEmpty(rows)).toBe(true);
    expect(isFunnelEmpty(funnelRows(data, "5"))).toBe(false);
  });
});
