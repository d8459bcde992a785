import { describe, expect, it } from "vitest";
import { progressFigures } from "./import-progress";

describe("progressFigures", () => {
  it("gives the share, the rate over the time to the report and the time left from now", () => {
    expect(
      progressFigures({ rowsDone: 2_000, rowsTotal: 10_000, startedAt: 0, reportedAt: 4_000, now: 5_000 }),
    ).toEqual({
      share: 0.2,
      rowsPerSecond: 500,
      etaSeconds: 15,
    });
  });

  it("has no rate before half a second or before the first row, and no share or ETA without a total", () => {
    expect(progressFigures({ rowsDone: 100, rowsTotal: 1_000, startedAt: 0, reportedAt: 400, now: 400 })).toEqual({
      share: 0.1,
      rowsPerSecond: null,
      etaSeconds: null,
    });
    expect(
      progressFigures({ rowsDone: 0, rowsTotal: 1_000, startedAt: 0, reportedAt: 9_000, now: 9_000 }).rowsPerSecond,
    ).toBeNull();
    expect(progressFigures({ rowsDone: 500, rowsTotal: null, startedAt: 0, reportedAt: 1_000, now: 1_000 })).toEqual({
      share: null,
      rowsPerSecond: 500,
      etaSeconds: null,
    });
  });

  it("never reports more than all of it or a negative time left", () => {
    expect(
      progressFigures({ rowsDone: 1_200, rowsTotal: 1_000, startedAt: 0, reportedAt: 1_000, now: 60_000 }),
    ).toEqual({
      share: 1,
      rowsPerSecond: 1_200,
      etaSeconds: 0,
    });
  });
});
