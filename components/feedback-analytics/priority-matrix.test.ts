import { describe, expect, it } from "vitest";
import {
  buildPriorityMatrix,
  classifyQuadrant,
  defaultSortDirection,
  matrixSplits,
  median,
  negativeShare,
  sortImpactRows,
  type ThemeImpactRow,
} from "./priority-matrix";

function theme(
  themeId: number,
  name: string,
  frequencyPercent: number | null,
  value: number | null,
  extra: { mentions?: number; negativeMentions?: number; npsWithoutTheme?: number | null } = {},
): ThemeImpactRow {
  return {
    themeId,
    name,
    mentions: extra.mentions ?? 10,
    negativeMentions: extra.negativeMentions ?? 5,
    impact: {
      value,
      sampleSize: 40,
      lowSample: false,
      frequencyPercent,
      npsAll: 20,
      npsWithoutTheme:
        extra.npsWithoutTheme === undefined ? (value === null ? null : 20 - value) : extra.npsWithoutTheme,
    },
  };
}

describe("median", () => {
  it.each([
    [[], null],
    [[4], 4],
    [[9, 1, 5], 5],
    [[1, 2, 3, 10], 2.5],
  ])("of %j is %s", (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe("matrixSplits", () => {
  it("puts the guides at the median frequency and the median impact", () => {
    expect(
      matrixSplits([
        { x: 10, y: -8 },
        { x: 30, y: -2 },
        { x: 20, y: -4 },
      ]),
    ).toEqual({ frequency: 20, impact: -4 });
  });

  it("never puts the impact guide above 0", () => {
    expect(
      matrixSplits([
        { x: 10, y: 3 },
        { x: 30, y: 5 },
        { x: 20, y: -1 },
      ]).impact,
    ).toBe(0);
  });

  it("is 0 and 0 without themes", () => {
    expect(matrixSplits([])).toEqual({ frequency: 0, impact: 0 });
  });
});

describe("classifyQuadrant", () => {
  const splits = { frequency: 20, impact: -4 };
  it.each([
    [{ x: 35, y: -9 }, "fixFirst"],
    [{ x: 20, y: -4 }, "fixFirst"],
    [{ x: 5, y: -9 }, "fixLocally"],
    [{ x: 19.9, y: -4 }, "fixLocally"],
    [{ x: 35, y: -3.99 }, "monitor"],
    [{ x: 35, y: 6 }, "monitor"],
    [{ x: 19.9, y: -1 }, "lowPriority"],
  ])("%j is %s", (point, quadrant) => {
    expect(classifyQuadrant(point, splits)).toBe(quadrant);
  });

  it("never files a theme that leaves NPS as it is as harmful, even when the guide is at 0", () => {
    expect(classifyQuadrant({ x: 50, y: 0 }, { frequency: 10, impact: 0 })).toBe("monitor");
    expect(classifyQuadrant({ x: 50, y: -0.1 }, { frequency: 10, impact: 0 })).toBe("fixFirst");
  });
});

describe("buildPriorityMatrix", () => {
  it("plots themes with an impact and leaves the others for the table", () => {
    const rows = [
      theme(1, "Delivery delay", 30, -9),
      theme(2, "Rude staff", 5, -6),
      theme(3, "Price", 25, -1),
      theme(4, "Billing", 8, 0.5),
      theme(5, "New theme", 0, null),
      theme(6, "Everything", 100, null),
    ];
    const { points, unplotted, splits } = buildPriorityMatrix(rows);
    expect(splits).toEqual({ frequency: 16.5, impact: -3.5 });
    expect(points.map((p) => [p.name, p.x, p.y, p.quadrant])).toEqual([
      ["Delivery delay", 30, -9, "fixFirst"],
      ["Rude staff", 5, -6, "fixLocally"],
      ["Price", 25, -1, "monitor"],
      ["Billing", 8, 0.5, "lowPriority"],
    ]);
    // an odd count: the median theme sits on both guides and counts as frequent and harmful
    const odd = buildPriorityMatrix(rows.slice(0, 3));
    expect(odd.splits).toEqual({ frequency: 25, impact: -6 });
    expect(odd.points.map((p) => p.quadrant)).toEqual(["fixFirst", "fixLocally", "monitor"]);
    expect(unplotted.map((row) => row.themeId)).toEqual([5, 6]);
  });
});

describe("negativeShare", () => {
  it("is the percentage of negative mentions, null without mentions", () => {
    expect(negativeShare({ mentions: 8, negativeMentions: 6 })).toBe(75);
    expect(negativeShare({ mentions: 0, negativeMentions: 0 })).toBeNull();
  });
});

describe("sortImpactRows", () => {
  const collator = new Intl.Collator("en");
  const rows = [
    theme(1, "delivery", 30, -9, { mentions: 50, negativeMentions: 40 }),
    theme(2, "Billing", 8, 2, { mentions: 20, negativeMentions: 2 }),
    theme(3, "Crash", null, null, { mentions: 0, negativeMentions: 0 }),
    theme(4, "Áccess", 12, -3, { mentions: 20, negativeMentions: 15 }),
  ];
  const ids = (key: Parameters<typeof sortImpactRows>[1], direction: "ascending" | "descending") =>
    sortImpactRows(rows, key, direction, collator).map((row) => row.themeId);

  it("sorts names with the locale's collation", () => {
    expect(ids("name", "ascending")).toEqual([4, 2, 3, 1]);
    expect(ids("name", "descending")).toEqual([1, 3, 2, 4]);
  });

  it("puts themes without a figure last in either direction", () => {
    expect(ids("impact", "ascending")).toEqual([1, 4, 2, 3]);
    expect(ids("impact", "descending")).toEqual([2, 4, 1, 3]);
    expect(ids("frequency", "descending")).toEqual([1, 4, 2, 3]);
    expect(ids("negativeShare", "descending")).toEqual([1, 4, 2, 3]);
  });

  it("keeps the server's order among ties", () => {
    expect(ids("mentions", "descending")).toEqual([1, 2, 4, 3]);
    expect(ids("mentions", "ascending")).toEqual([3, 2, 4, 1]);
  });

  it("starts names and impact ascending, the rest descending", () => {
    expect(defaultSortDirection("name")).toBe("ascending");
    expect(defaultSortDirection("impact")).toBe("ascending");
    expect(defaultSortDirection("npsWithout")).toBe("descending");
    expect(defaultSortDirection("mentions")).toBe("descending");
  });
});
