/** How far a running import is, as the progress bar shows it. */
export interface ProgressFigures {
  /** 0–1, null while the total is unknown. */
  share: number | null;
  rowsPerSecond: number | null;
  /** Seconds left at the rate so far, counted from `now`; null until there is a rate. */
  etaSeconds: number | null;
}

/** Below this much elapsed time a rate is noise (one batch in a few milliseconds). */
const MIN_ELAPSED_MS = 500;

/**
 * Progress figures of a job that had read `rowsDone` of `rowsTotal` rows when it reported at
 * `reportedAt`, having started at `startedAt` (epoch ms): share = done / total (capped at 1);
 * rate = done / (reportedAt − startedAt); ETA = (total − done) / rate − (now − reportedAt), never
 * negative. No rate before MIN_ELAPSED_MS or before the first row; no share or ETA without a total.
 */
export function progressFigures(input: {
  rowsDone: number;
  rowsTotal: number | null;
  startedAt: number;
  reportedAt: number;
  now: number;
}): ProgressFigures {
  const { rowsDone, rowsTotal } = input;
  const share = rowsTotal && rowsTotal > 0 ? Math.min(1, rowsDone / rowsTotal) : null;
  const elapsed = input.reportedAt - input.startedAt;
  const rowsPerSecond = elapsed >= MIN_ELAPSED_MS && rowsDone > 0 ? rowsDone / (elapsed / 1000) : null;
  const etaSeconds =
    rowsPerSecond && rowsTotal
      ? Math.max(0, (rowsTotal - rowsDone) / rowsPerSecond - (input.now - input.reportedAt) / 1000)
      : null;
  return { share, rowsPerSecond, etaSeconds };
}
