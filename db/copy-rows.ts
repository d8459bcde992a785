import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Transaction as PgliteTransaction } from "@electric-sql/pglite";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Db } from "./client";

// Beside the seed's JSON inserts (db/seed/insert.ts): the bulk path of imports, the seed and
// bench:import; no "server-only", so the seed and CLIs can run it under plain tsx.

/** A transaction of either engine (typed as drizzle's writers are): COPY runs on its connection. */
export type CopyTransaction = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];
type Tx = CopyTransaction;

/** A value as a field of PostgreSQL's COPY text format (arrays as array literals); null is \N. */
export function copyField(value: string | number | boolean | null | undefined | readonly (string | number)[]): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  const text =
    typeof value === "string"
      ? value
      : `{${value.map((v) => (typeof v === "number" ? String(v) : `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(",")}}`;
  return text.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!);
}

const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** One COPY text line (no line break) of `fields`. */
export function copyLine(fields: readonly Parameters<typeof copyField>[0][]): string {
  return fields.map(copyField).join("\t");
}

/**
 * Writes `text` (COPY text format, one line per row, each ending with a line break) into `table`
 * with COPY FROM in the caller's transaction: the server's bulk path (rows written in groups, no
 * statement to parse per row). On a PostgreSQL server through the transaction's connection
 * (pg-copy-streams), on PGlite from a Blob (`/dev/blob`). The connection is drizzle's session
 * client, the only way to reach it from a transaction: the tests of both engines cover it.
 */
export async function copyRows(tx: Tx, table: string, columns: readonly string[], text: string): Promise<void> {
  if (text.length === 0) return;
  const statement = (source: string) =>
    `COPY ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(", ")}) FROM ${source}`;
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  if (isPgClient(client)) {
    await pipeline(Readable.from([text]), client.query(copyFrom(statement("STDIN"))));
  } else if (isPgliteTransaction(client)) {
    await client.query(statement("'/dev/blob'"), [], { blob: new Blob([text]) });
  } else {
    throw new Error("copyRows needs a transaction (its connection runs the COPY).");
  }
}

function isPgClient(client: unknown): client is PoolClient {
  return typeof (client as PoolClient | undefined)?.release === "function";
}

function isPgliteTransaction(client: unknown): client is PgliteTransaction {
  const candidate = client as PgliteTransaction | undefined;
  return typeof candidate?.query === "function" && typeof candidate.rollback === "function";
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
