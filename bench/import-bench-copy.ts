import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { DbHandle } from "../db/client";
import { COPY_COLUMNS } from "./import-bench-file";

/** COPY text read per statement on PGlite (a Blob in memory each): whole lines, about this many bytes. */
const PGLITE_CHUNK_BYTES = 16 * 1024 * 1024;

const COPY_SQL = (source: string) => `COPY feedback (${COPY_COLUMNS}) FROM ${source}`;
// the rollup triggers only mark the workspace, as in the seed's bulk load: the baseline is the rows
// and their indexes, nothing computed
const DEFER_ROLLUPS = "SELECT set_config('touchpoint.defer_rollups', 'on', true)";

/**
 * The physical limit of bench:import: the rows of `copyPath` (COPY text format) written by COPY
 * into feedback, with its indexes and constraints, in one transaction that is then rolled back.
 * On a server: COPY FROM STDIN streamed from the file (pg-copy-streams). On PGlite, which reads
 * COPY data from a Blob (`/dev/blob`): statements of ~16 MB of whole lines, so memory stays bounded.
 */
export async function copyBaseline(handle: DbHandle, copyPath: string): Promise<{ rows: number; seconds: number }> {
  const client = (handle.db as unknown as { $client: pg.Pool | PGlite }).$client;
  if (handle.engine === "postgres") {
    const connection = await (client as pg.Pool).connect();
    try {
      await connection.query("BEGIN");
      await connection.query(DEFER_ROLLUPS);
      const started = performance.now();
      const copy = connection.query(copyFrom(COPY_SQL("STDIN")));
      await pipeline(createReadStream(copyPath), copy);
      const seconds = (performance.now() - started) / 1000;
      return { rows: copy.rowCount, seconds };
    } finally {
      await connection.query("ROLLBACK");
      connection.release();
    }
  }
  const lite = client as PGlite;
  let rows = 0;
  let seconds = 0;
  await lite
    .transaction(async (tx) => {
      await tx.query(DEFER_ROLLUPS);
      for await (const chunk of wholeLines(copyPath)) {
        const started = performance.now();
        const result = await tx.query(COPY_SQL("'/dev/blob'"), [], { blob: new Blob([Uint8Array.from(chunk)]) });
        seconds += (performance.now() - started) / 1000;
        rows += result.affectedRows ?? 0;
      }
      await tx.rollback();
    })
    .catch((error: unknown) => {
      if (rows === 0) throw error;
    });
  return { rows, seconds };
}

/** The file in pieces of about PGLITE_CHUNK_BYTES, each ending at a line break. */
async function* wholeLines(path: string): AsyncGenerator<Buffer> {
  let carry = Buffer.alloc(0);
  for await (const piece of createReadStream(path, { highWaterMark: PGLITE_CHUNK_BYTES })) {
    const data = Buffer.concat([carry, piece as Buffer]);
    const end = data.lastIndexOf(0x0a) + 1;
    if (end > 0) yield data.subarray(0, end);
    carry = data.subarray(end);
  }
  if (carry.length > 0) yield carry;
}
