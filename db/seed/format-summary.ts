import type { SeedSummary } from "./seed";

const n = (value: number) => value.toLocaleString("en-US");

/** The summary as an aligned text table: rows per table, then timings and throughput. */
export function formatSeedSummary(summary: SeedSummary): string {
  const entries = Object.entries(summary.counts);
  const width = Math.max(...entries.map(([table]) => table.length), "total".length);
  const countWidth = Math.max(...entries.map(([, count]) => n(count).length), n(summary.totalRows).length);
  const lines = entries.map(([table, count]) => `  ${table.padEnd(width)}  ${n(count).padStart(countWidth)}`);
  lines.push(`  ${"total".padEnd(width)}  ${n(summary.totalRows).padStart(countWidth)}`);
  const { phases } = summary;
  lines.push(
    "",
    `  ${(summary.elapsedMs / 1000).toFixed(1)} s, ${n(summary.rowsPerSecond)} rows/s ` +
      `(reference ${phases.reference} ms, activity ${phases.activity} ms, planning ${phases.planning} ms, screening ${phases.screening} ms, finish ${phases.finish} ms)`,
    `  seed ${summary.seed}, history up to ${summary.now.slice(0, 10)}`,
  );
  return lines.join("\n");
}
