import { describe, expect, it } from "vitest";
import { monthPeriod } from "./period";

describe("monthPeriod", () => {
  it("spans the calendar month in UTC, half-open", () => {
    const p = monthPeriod(new Date("2026-11-23T18:00:00Z"));
    expect(p.start.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(p.end.toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });

  it("steps back across a year boundary", () => {
    const p = monthPeriod(new Date("2026-01-15T00:00:00Z"), -1);
    expect(p.start.toISOString()).toBe("2025-12-01T00:00:00.000Z");
    expect(p.end.toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });

  it("handles the last instant of a month", () => {
    const p = monthPeriod(new Date("2026-02-28T23:59:59.999Z"));
    expect(p.start.toISOString()).toBe("2026-02-01T00:00:00.000Z");
    expect(p.end.toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });
});
