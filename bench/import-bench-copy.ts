import { createReadStream } from "node:fs";
import { sql, TransactionRollbackError } from "drizzle-orm";
import type { DbHandle } from "../db/client";
import { copyRows } from "../db/copy-rows";
import { COPY_COLUMNS } from "./import-bench-file";

/** COPY text per statement: whole lines, about this many bytes (a string in memory each). */
const CHUNK_BYTES = 16 * 1024 * 1024;

/**
 * The physical limit of bench:import: the rows of `copyPath` (COPY text format) written by COPY
 * into feedback, with its indexes and constraints, in one transaction that is then rolled back.
 * Through copyRows, as the import writes its new rows, in statements of ~16 MB of whole lines. The
 * rollup triggers only mark the workspace, as in the seed's bulk load: the baseline is the rows and
 * their indexes, nothing computed.
 */
export async function copyBaseline(handle: DbHandle, copyPath: string): Promise<{ rows: number; seconds: number }> {
  let rows = 0;
  let seconds = 0;
  await handle.db
    .transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('touchpoint.defer_rollups', 'on', true)`);
      for await (const chunk of wholeLines(copyPath)) {
        const started = performance.now();
        await copyRows(tx, "feedback", COPY_COLUMNS, chunk);
        seconds += (performance.now() - started) / 1000;
        rows += chunk.split("\n").length - 1;
      }
      tx.rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof TransactionRollbackError)) throw error;
    });
  return { rows, seconds };
}

/** The file in pieces of about CHUNK_BYTES, each ending at a line break. */
async function* wholeLines(path: string): AsyncGenerator<string> {
  let carry = Buffer.alloc(0);
  for await (const piece of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    const data = Buffer.concat([carry, piece as Buffer]);
    const end = data.lastIndexOf(0x0a) + 1;
    if (end > 0) yield data.subarray(0, end).toString("utf8");
    carry = data.subarray(end);
  }
  if (carry.length > 0) yield `${carry.toString("utf8")}\n`;
}
