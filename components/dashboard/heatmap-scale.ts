import type { HeatmapPayload } from "@/server/domain/dashboard/payload";
import type { CsatFigure, NpsFigure } from "@/server/domain/kpi";

export type HeatKpi = "nps" | "csat";

/**
 * The diverging scale of the journey heatmap: a neutral point and the distance from it at which a
 * cell reaches full colour. NPS is neutral at 0 and saturates at ±50; CSAT is neutral at 75% (the
 * usual "good enough" line) and saturates 20 points either side.
 */
export const HEAT_SCALE: Record<HeatKpi, { neutral: number; span: number }> = {
  nps: { neutral: 0, span: 50 },
  csat: { neutral: 75, span: 20 },
};

/** At most this share of the end colour is mixed in, so the cell text keeps its contrast in both themes. */
export const MAX_MIX = 0.85;

export interface HeatLevel {
  tone: "good" | "bad" | "neutral";
  /** 0–1: how far from neutral, before capping at {@link MAX_MIX}. */
  strength: number;
}

/** Where `value` falls on the scale of `kpi`; `null` (no answers) has no level. */
export function heatLevel(kpi: HeatKpi, value: number | null): HeatLevel | null {
  if (value === null) return null;
  const { neutral, span } = HEAT_SCALE[kpi];
  const distance = value - neutral;
  const strength = Math.min(1, Math.abs(distance) / span);
  return { tone: distance > 0 ? "good" : distance < 0 ? "bad" : "neutral", strength };
}

/**
 * The cell background: the theme's mid colour mixed with the good or bad end colour in proportion to
 * the strength (CSS color-mix, so it follows the light/dark theme); none for a cell without data.
 */
export function heatBackground(level: HeatLevel | null): string | undefined {
  if (!level) return undefined;
  if (level.tone === "neutral") return "var(--heat-mid)";
  const percent = Math.round(level.strength * MAX_MIX * 100);
  return `color-mix(in oklab, var(--heat-${level.tone}) ${percent}%, var(--heat-mid))`;
}

export interface HeatCellView {
  stageId: number | null;
  segmentId: number | null;
  stageName: string;
  segmentName: string;
  value: number | null;
  sampleSize: number;
  lowSample: boolean;
  marginOfError: number | null;
}

export interface HeatGrid {
  stages: HeatmapPayload["stages"];
  segments: HeatmapPayload["segments"];
  /** rows[stage][segment], in the payload's stage (journey) and segment order. */
  rows: HeatCellView[][];
}

const key = (stageId: number | null, segmentId: number | null) => `${stageId ?? "none"}|${segmentId ?? "none"}`;

/**
 * The heatmap as a stage × segment grid for `kpi`; a pair missing from the payload is an empty cell
 * (n = 0, value `null`), never 0. Stages sorted by journey position, "no stage" (position `null`) last;
 * an unnamed "no stage" row or "no segment" column gets its label from `labels`.
 */
export function buildHeatGrid(
  payload: HeatmapPayload,
  kpi: HeatKpi,
  labels: { noStage: string; noSegment: string },
): HeatGrid {
  const byKey = new Map(payload.cells.map((cell) => [key(cell.stageId, cell.segmentId), cell]));
  // the service leaves "no stage" and "no segment" unnamed: name them in the reader's language
  const name = <T extends { id: number | null; name: string }>(entry: T, label: string): T =>
    entry.id === null && entry.name.trim() === "" ? { ...entry, name: label } : entry;
  const stages = payload.stages
    .map((stage) => name(stage, labels.noStage))
    .sort((a, b) => (a.position ?? Number.POSITIVE_INFINITY) - (b.position ?? Number.POSITIVE_INFINITY));
  const segments = payload.segments.map((segment) => name(segment, labels.noSegment));
  const rows = stages.map((stage) =>
    segments.map((segment): HeatCellView => {
      const figure: NpsFigure | CsatFigure | undefined = byKey.get(key(stage.id, segment.id))?.[kpi];
      return {
        stageId: stage.id,
        segmentId: segment.id,
        stageName: stage.name,
        segmentName: segment.name,
        value: figure?.value ?? null,
        sampleSize: figure?.sampleSize ?? 0,
        lowSample: figure?.lowSample ?? true,
        marginOfError: figure?.marginOfError ?? null,
      };
    }),
  );
  return { stages, segments, rows };
}

/** True when no cell of the grid has an answer. */
export function isHeatGridEmpty(grid: HeatGrid): boolean {
  return grid.rows.every((row) => row.every((cell) => cell.sampleSize === 0));
}
