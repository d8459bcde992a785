import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { customers, importChanges } from "@/db/schema";
import type { ItemError } from "../domain/ingest/api-items";
import type { CustomerInput } from "../domain/ingest/customer-input";
import type { FeedbackInput } from "../domain/ingest/feedback-input";
import type { ColumnMapping, ImportEntity } from "../domain/ingest/mapping";
import type { OrderInput } from "../domain/ingest/order-input";
import type { ImportRecord, RowError } from "../domain/ingest/validate-row";
import type { Tx } from "./audit";
import { openFeedbackImport } from "./imports-feedback";
import { writeFeedback, type WriteResult } from "./ingest-feedback";
import { writeCustomers, writeOrders } from "./ingest-records";

/** The table of each entity, and the columns an import writes: what undo restores. */
export const ENTITY_TABLES: Record<ImportEntity, { table: string; restored: readonly string[] }> = {
  feedback: {
    table: "feedback",
    restored: ["customer_id", "channel", "metric_kind", "score", "text", "language", "received_at"],
  },
  customer: {
    table: "customers",
    restored: ["name", "email", "segment_id", "region", "preferred_channel", "created_at", "churned_at"],
  },
  order: { table: "orders", restored: ["customer_id", "kind", "amount", "currency", "ordered_at", "channel"] },
};

export async function rowsOf<T>(tx: Tx, query: SQL): Promise<T[]> {
  return ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The key an upsert matches a record on: (source, external id) for feedback, the external id otherwise. */
export function recordKey(entity: ImportEntity, value: ImportRecord): string {
  return entity === "feedback" ? `${(value as FeedbackInput).source}\u0000${value.externalId}` : value.externalId;
}

export interface BatchRow {
  row: number;
  value: ImportRecord;
}

export interface BatchResult {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows the database refused (unknown customer or segment, churn before creation…). */
  rejected: RowError[];
}

/**
 * Rows per batch: feedback goes in statements of one JSON parameter (imports-feedback.ts), where
 * larger batches mean fewer round trips; customers and orders use the REST ingest's multi-row
 * inserts, ~10 parameters a row under PostgreSQL's 65,535.
 */
export function defaultBatchSize(entity: ImportEntity): number {
  return entity === "feedback" ? 5_000 : 500;
}

/**
 * Writes an import's batches in the caller's transaction. write() takes a batch over at once and
 * resolves when it is written; batches are written one after the other in call order, so the
 * caller may read the next batch (and the writer prepare it) while one is being written. A batch
 * is not written when an earlier one failed. finish() after the last batch.
 */
export interface ImportWriter {
  write(batch: readonly BatchRow[], skipRejected: boolean): Promise<BatchResult>;
  finish(): Promise<void>;
}

/**
 * Hands an import's batches to its writer with one batch in flight: the caller reads and validates
 * the next batch (and the writer prepares it) while the database writes the previous one.
 * `settle` runs for each written batch, in order; a failure surfaces at the next push or drain.
 */
export class WritePipeline {
  private inFlight: Promise<BatchResult> | null = null;

  constructor(
    private readonly writer: ImportWriter,
    private readonly settle: (result: BatchResult) => Promise<void>,
  ) {}

  async push(batch: readonly BatchRow[], skipRejected: boolean): Promise<void> {
    const previous = this.inFlight;
    this.inFlight = this.writer.write(batch, skipRejected);
    this.inFlight.catch(() => undefined); // awaited at the next push, drain or abandon
    if (previous) await this.settle(await previous);
  }

  /** Settles the last batch. */
  async drain(): Promise<void> {
    const last = this.inFlight;
    this.inFlight = null;
    if (last) await this.settle(await last);
  }

  /** After a failure: waits for a write still running, so the transaction does not end under it. */
  async abandon(): Promise<void> {
    await this.inFlight?.catch(() => undefined);
  }
}

/**
 * The writer of an import: feedback through the bulk path of imports-feedback.ts (analysis before
 * the write, rollups and screening once at the end), customers and orders through writeImportBatch.
 */
export async function openImportWriter(
  tx: Tx,
  workspaceId: number,
  importId: number,
  mapping: ColumnMapping,
): Promise<ImportWriter> {
  if (mapping.entity === "feedback") return openFeedbackImport(tx, workspaceId, importId);
  let chain: Promise<unknown> = Promise.resolve();
  return {
    write(batch, skipRejected) {
      const done = chain.then(() => writeImportBatch(tx, workspaceId, importId, mapping, batch, skipRejected));
      chain = done;
      return done;
    },
    finish: async () => {
      await chain;
    },
  };
}

/**
 * Writes one batch with the REST ingest's upserts (ingest-feedback.ts, ingest-records.ts), in the
 * caller's transaction, and records in import_changes what it inserted and, for what it updated,
 * the whole row as it was before. Rows the write refuses are returned; the others are written
 * (when `skipRejected`) or nothing is (otherwise). A record already changed earlier by the same
 * import (a repeated id in the file) keeps its first change, so undo restores the state before
 * the import. The feedback writer runs the text analysis itself.
 */
export async function writeImportBatch(
  tx: Tx,
  workspaceId: number,
  importId: number,
  mapping: ColumnMapping,
  batch: readonly BatchRow[],
  skipRejected: boolean,
): Promise<BatchResult> {
  const entity = mapping.entity;
  const { table } = ENTITY_TABLES[entity];
  let rows = [...batch];
  const rejected: RowError[] = [];
  for (;;) {
    if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0, rejected };
    const values = rows.map((r) => r.value);
    const before = new Map<number, string>();
    for (const row of await rowsOf<{ id: number; row: string }>(
      tx,
      sql`SELECT t.id, to_jsonb(t.*)::text AS row FROM ${sql.identifier(table)} t
        WHERE t.workspace_id = ${workspaceId} AND ${keyCondition(entity, values)}`,
    )) {
      before.set(row.id, row.row);
    }
    const customerIdsBefore = entity === "feedback" ? await feedbackCustomerIds(tx, workspaceId, values) : new Set();
    const result = await write(tx, workspaceId, entity, values);
    if (!result.ok) {
      const failed = new Set(result.errors.map((e) => e.index));
      const errors = result.errors.map((e) => toRowError(e, rows, mapping));
      if (!skipRejected) return { inserted: 0, updated: 0, unchanged: 0, rejected: errors };
      rejected.push(...errors);
      // the writers refuse before writing anything: write the rest again
      rows = rows.filter((_, index) => !failed.has(index));
      continue;
    }
    const changes = result.items
      .filter((item) => item.status !== "unchanged")
      .map((item) => ({
        importId,
        entity,
        rowId: item.id,
        before: item.status === "created" ? null : sql`${before.get(item.id) ?? null}::jsonb`,
      }));
    if (entity === "feedback") {
      for (const id of await feedbackCustomerIds(tx, workspaceId, values)) {
        if (!customerIdsBefore.has(id)) changes.push({ importId, entity: "customer", rowId: id, before: null });
      }
    }
    if (changes.length > 0) await tx.insert(importChanges).values(changes).onConflictDoNothing();
    const count = (status: string) => result.items.filter((item) => item.status === status).length;
    return {
      inserted: count("created"),
      updated: count("updated"),
      unchanged: count("unchanged"),
      rejected,
    };
  }
}

function write(tx: Tx, workspaceId: number, entity: ImportEntity, values: ImportRecord[]): Promise<WriteResult> {
  if (entity === "feedback") return writeFeedback(tx, workspaceId, values as FeedbackInput[]);
  if (entity === "customer") return writeCustomers(tx, workspaceId, values as CustomerInput[]);
  return writeOrders(tx, workspaceId, values as OrderInput[]);
}

function keyCondition(entity: ImportEntity, values: readonly ImportRecord[]): SQL {
  if (entity !== "feedback") {
    return sql`t.external_id IN (${sql.join(
      values.map((v) => sql`${v.externalId}`),
      sql`, `,
    )})`;
  }
  return sql`(t.source, t.external_id) IN (${sql.join(
    values.map((v) => sql`(${(v as FeedbackInput).source}::feedback_source, ${v.externalId})`),
    sql`, `,
  )})`;
}

/** Ids of the customers the feedback items name that exist now (to tell which ones the write created). */
async function feedbackCustomerIds(tx: Tx, workspaceId: number, values: readonly ImportRecord[]): Promise<Set<number>> {
  const wanted = [
    ...new Set(
      values.flatMap((v) =>
        (v as FeedbackInput).customerExternalId ? [(v as FeedbackInput).customerExternalId!] : [],
      ),
    ),
  ];
  if (wanted.length === 0) return new Set();
  const found = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), inArray(customers.externalId, wanted)));
  return new Set(found.map((c) => c.id));
}

function toRowError(error: ItemError, rows: readonly BatchRow[], mapping: ColumnMapping): RowError {
  const field = error.path.split(".")[0] ?? "";
  return {
    row: rows[error.index]?.row ?? 0,
    column: mapping.columns[field] ?? (field === "" ? "(row)" : "(all rows)"),
    message: error.message,
  };
}
