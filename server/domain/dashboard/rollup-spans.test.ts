import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumber, formatIsoDate, parseIsoDate } from "./calendar";
import { monthsEnding, rollupSpans, trailingYear } from "./rollup-spans";

/** The days a span list covers, expanded (months to all their days). */
function coveredDays(spans: ReturnType<typeof rollupSpans>): number[] {
  const days: number[] = [];
  for (const span of spans) {
    const first = parseIsoDate(span.from);
    const last =
      span.grain === "day"
        ? parseIsoDate(span.to)
        : (() => {
            const [y, m] = span.to.split("-").map(Number) as [number, number];
            return dayNumber(y, m + 1, 0);
          })();
    for (let d = first; d <= last; d++) days.push(d);
  }
  return days;
}

describe("rollupSpans", () => {
  it.each([
    ["2026-03-01", "2026-03-31", [{ grain: "month", from: "2026-03-01", to: "2026-03-01" }]],
    ["2026-03-05", "2026-03-20", [{ grain: "day", from: "2026-03-05", to: "2026-03-20" }]],
    [
      "2025-11-24",
      "2026-11-23",
      [
        { grain: "day", from: "2025-11-24", to: "2025-11-30" },
        { grain: "month", from: "2025-12-01", to: "2026-10-01" },
        { grain: "day", from: "2026-11-01", to: "2026-11-23" },
      ],
    ],
    [
      "2026-02-15",
      "2026-03-31",
      [
        { grain: "day", from: "2026-02-15", to: "2026-02-28" },
        { grain: "month", from: "2026-03-01", to: "2026-03-01" },
      ],
    ],
    ["2026-01-31", "2026-02-01", [{ grain: "day", from: "2026-01-31", to: "2026-02-01" }]],
  ])("%s..%s", (from, to, expected) => {
    expect(rollupSpans(from, to)).toEqual(expected);
  });

  it("covers exactly the days of any period, each once, with at most two day ranges", () => {
    const day = fc.integer({ min: dayNumber(2000, 1, 1), max: dayNumber(2040, 12, 31) });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 1200 }), (first, length) => {
        const spans = rollupSpans(formatIsoDate(first), formatIsoDate(first + length));
        const days = coveredDays(spans);
        expect(days).toEqual(Array.from({ length: length + 1 }, (_, i) => first + i));
        expect(spans.filter((s) => s.grain === "month").length).toBeLessThanOrEqual(1);
        expect(spans.filter((s) => s.grain === "day").length).toBeLessThanOrEqual(2);
      }),
    );
  });

  it("is empty for a reversed range", () => {
    expect(rollupSpans("2026-03-02", "2026-03-01")).toEqual([]);
  });
});

describe("monthsEnding and trailingYear", () => {
  it("lists the months ending with a date's month, across a year boundary", () => {
    expect(monthsEnding("2026-02-10", 3)).toEqual(["2025-12", "2026-01", "2026-02"]);
  });
  it("trailing year is the 365 or 366 days to the date", () => {
    expect(trailingYear("2026-11-23")).toEqual({ from: "2025-11-24", to: "2026-11-23" });
    expect(trailingYear("2024-12-31")).toEqual({ from: "2024-01-01", to: "2024-12-31" });
  });
});
