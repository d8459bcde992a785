// The key-driver priority matrix as pure data: which themes can be plotted, where the quadrant
// guides go, which quadrant each theme falls in, and the table's order.

/** A theme as themes.impact returns it. */
export interface ThemeImpactRow {
  themeId: number;
  name: string;
  mentions: number;
  negativeMentions: number;
  impact: {
    /** NPS of all responses − NPS without the theme, in points; negative drags NPS down. */
    value: number | null;
    /** The theme's NPS responses. */
    sampleSize: number;
    lowSample: boolean;
    /** 100 × the theme's NPS responses / all NPS responses. */
    frequencyPercent: number | null;
    npsAll: number | null;
    npsWithoutTheme: number | null;
  };
}

/**
 * - fixFirst: frequent and pulls NPS down hard — the top of the action list;
 * - fixLocally: pulls NPS down hard but is rare: fix where it happens;
 * - monitor: frequent, mild impact (or none, or positive): watch it does not grow;
 * - lowPriority: rare and mild.
 */
export const QUADRANTS = ["fixFirst", "fixLocally", "monitor", "lowPriority"] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export interface MatrixSplits {
  /** Themes at or above this frequency (percent) are frequent. */
  frequency: number;
  /** Themes at or below this impact (points), if negative, pull NPS down hard; never above 0. */
  impact: number;
}

/** A theme on the matrix: x = frequency (%), y = impact (points). */
export interface MatrixPoint extends ThemeImpactRow {
  x: number;
  y: number;
  quadrant: Quadrant;
}

/** The middle value (mean of the two middle ones for an even count); `null` for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Where the quadrant guides go: the median frequency of the plotted themes, and their median impact
 * capped at 0, so a theme that raises NPS (impact ≥ 0) never counts as pulling it down however the
 * others fall. No themes: 0 and 0.
 */
export function matrixSplits(points: readonly { x: number; y: number }[]): MatrixSplits {
  return {
    frequency: median(points.map((p) => p.x)) ?? 0,
    impact: Math.min(0, median(points.map((p) => p.y)) ?? 0),
  };
}

/**
 * The quadrant of a theme: frequent when its frequency is at or above the frequency split, pulling
 * NPS down hard when its impact is negative and at or below the impact split (so a theme that
 * leaves NPS as it is, or raises it, never is).
 */
export function classifyQuadrant(point: { x: number; y: number }, splits: MatrixSplits): Quadrant {
  const frequent = point.x >= splits.frequency;
  const harmful = point.y < 0 && point.y <= splits.impact;
  if (harmful) return frequent ? "fixFirst" : "fixLocally";
  return frequent ? "monitor" : "lowPriority";
}

/**
 * The matrix of themes.impact's rows: themes with an impact (some NPS responses, and not every
 * response) are points with their quadrant; the others are `unplotted`, for the table alone.
 */
export function buildPriorityMatrix(rows: readonly ThemeImpactRow[]): {
  points: MatrixPoint[];
  unplotted: ThemeImpactRow[];
  splits: MatrixSplits;
} {
  const plotted: (ThemeImpactRow & { x: number; y: number })[] = [];
  const unplotted: ThemeImpactRow[] = [];
  for (const row of rows) {
    const { value, frequencyPercent } = row.impact;
    if (value === null || frequencyPercent === null) unplotted.push(row);
    else plotted.push({ ...row, x: frequencyPercent, y: value });
  }
  const splits = matrixSplits(plotted);
  return { points: plotted.map((p) => ({ ...p, quadrant: classifyQuadrant(p, splits) })), unplotted, splits };
}

/** Negative mentions as a percentage of all mentions; `null` without mentions. */
export function negativeShare(row: Pick<ThemeImpactRow, "mentions" | "negativeMentions">): number | null {
  return row.mentions === 0 ? null : (100 * row.negativeMentions) / row.mentions;
}

export const IMPACT_SORT_KEYS = ["name", "mentions", "negativeShare", "frequency", "impact", "npsWithout"] as const;
export type ImpactSortKey = (typeof IMPACT_SORT_KEYS)[number];
export type SortDirection = "ascending" | "descending";

function sortValue(row: ThemeImpactRow, key: Exclude<ImpactSortKey, "name">): number | null {
  switch (key) {
    case "mentions":
      return row.mentions;
    case "negativeShare":
      return negativeShare(row);
    case "frequency":
      return row.impact.frequencyPercent;
    case "impact":
      return row.impact.value;
    case "npsWithout":
      return row.impact.npsWithoutTheme;
  }
}

/**
 * The table's rows in the order of one column. Themes without a figure ("—") go last in either
 * direction; ties keep themes.impact's order (worst impact first, then most mentions). Names
 * compare with `collator`, so any script sorts as its readers expect.
 */
export function sortImpactRows<Row extends ThemeImpactRow>(
  rows: readonly Row[],
  key: ImpactSortKey,
  direction: SortDirection,
  collator: Intl.Collator,
): Row[] {
  const sign = direction === "ascending" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      if (key === "name") return sign * collator.compare(a.row.name, b.row.name) || a.index - b.index;
      const x = sortValue(a.row, key);
      const y = sortValue(b.row, key);
      if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || a.index - b.index;
      return sign * (x - y) || a.index - b.index;
    })
    .map(({ row }) => row);
}

/**
 * The order a column starts in when first chosen: names A→Z, impact worst first, the rest largest
 * first (a high NPS without the theme is the same worst-first order as a low impact).
 */
export function defaultSortDirection(key: ImpactSortKey): SortDirection {
  return key === "name" || key === "impact" ? "ascending" : "descending";
}
