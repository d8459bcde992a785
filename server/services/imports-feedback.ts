import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { analyseFeedback, analyseStoredItem, loadAnalysisContext, type AnalysisContext } from "@/db/text-analysis";
import { queryRows, type Db } from "@/db/client";
import { screenFeedback } from "@/db/screening";
import type { FeedbackInput } from "../domain/ingest/feedback-input";
import type { Tx } from "./audit";
import { copyField, copyLine, copyRows } from "@/db/copy-rows";
import type { BatchResult, BatchRow, ImportWriter } from "./imports-write";

const rowsOf = <T>(tx: Tx, query: SQL) => queryRows<T>(tx as unknown as Db, query);

/** An import that wrote at least this many items takes planner statistics before screening them. */
const ANALYZE_AFTER = 10_000;

/**
 * The feedback half of the CSV import, built for files of millions of rows (bench/import-bench.ts).
 * Same results as the REST ingest's writeFeedback plus import_changes, with the work moved to where
 * it is cheapest:
 * - the text analysis runs in JavaScript before the write, so a new item is inserted once, analysed,
 *   instead of inserted and then updated (the update rewrote every index, the search words' GIN
 *   index included); items the file changes are updated and analysed again as before;
 * - a batch is analysed as soon as it is handed over, while the database still writes the one
 *   before (on a PostgreSQL server the two run on different cores); batches are written in order;
 * - per batch: one statement creates the customers it names that are unknown (recorded as created),
 *   one looks its items up (and takes ids for the new ones), and COPY writes the new rows, their
 *   import_changes and theme links — COPY's bulk path, about half the cost of INSERT … SELECT from
 *   JSON per row; items whose content changed are updated (with their previous values recorded);
 * - the rollup triggers are deferred for the transaction (as in the seed) and the import's rows
 *   folded into the cubes once at the end, with the triggers' own functions, from import_changes:
 *   per-statement triggers cost more than the writes themselves;
 * - the suspicious-feedback screening runs once over the import's items, after statistics of them.
 */
export async function openFeedbackImport(tx: Tx, workspaceId: number, importId: number): Promise<ImportWriter> {
  const context = await loadAnalysisContext(tx, workspaceId);
  const now = new Date();
  const [dirty] = await rowsOf<{ dirty: boolean }>(
    tx,
    sql`SELECT EXISTS (SELECT 1 FROM rollup_dirty WHERE workspace_id = ${workspaceId}::int) AS dirty`,
  );
  // the rollup triggers only mark the workspace until finish() folds the import in
  await tx.execute(sql`SELECT set_config('touchpoint.defer_rollups', 'on', true)`);
  const [identity] = await rowsOf<{ sequence: string }>(
    tx,
    sql`SELECT pg_get_serial_sequence('feedback', 'id') AS sequence`,
  );
  const target = { workspaceId, importId, sequence: identity!.sequence, now };

  let written = 0;
  let chain: Promise<unknown> = Promise.resolve();
  const send = async (batch: PreparedBatch): Promise<BatchResult> => {
    if (batch.customers) await createCustomers(tx, workspaceId, importId, batch.customers);
    const placed = await placeItems(tx, target, batch);
    const inserted = await insertItems(tx, target, batch, placed);
    const updatedIds = await updateItems(tx, target, batch, placed);
    if (updatedIds.length > 0) await analyseFeedback(tx, workspaceId, { ids: updatedIds, now, screen: false });
    written += inserted + updatedIds.length;
    return { inserted, updated: updatedIds.length, unchanged: batch.size - inserted - updatedIds.length, rejected: [] };
  };
  return {
    write(batch) {
      const prepared = prepareBatch(batch, context, now);
      const done = chain.then(() => send(prepared));
      chain = done;
      return done;
    },
    async finish() {
      await chain;
      if (written >= ANALYZE_AFTER) {
        // the columns the rollups and the screening select and join on: all of feedback's took 4 s
        // at 1.4M rows (its search words and texts), these 0.2 s; autovacuum analyses the rest
        await tx.execute(sql`ANALYZE feedback (workspace_id, customer_id, source, channel, metric_kind, received_at,
          text_key), customers, import_changes`);
      }
      await foldIntoRollups(tx, importId);
      await screenImported(tx, workspaceId, importId);
      // every write of the import is counted now (the screening's too: it moves no figure)
      if (!dirty?.dirty) await tx.execute(sql`DELETE FROM rollup_dirty WHERE workspace_id = ${workspaceId}::int`);
    },
  };
}

/** A batch ready for the database: analysis done, its customers as JSON, its new rows' COPY fields. */
interface PreparedBatch {
  size: number;
  items: readonly FeedbackInput[];
  /** Per item, the COPY fields of FEEDBACK_COLUMNS after id, workspace and customer. */
  fields: string[];
  themeIds: number[][];
  customers: string | null;
  /** (ord, source, external id, customer external id) of every item: placeItems' input. */
  keys: string;
}

/** The columns COPY writes a new item's row to, in order. */
const FEEDBACK_COLUMNS = [
  "id",
  "workspace_id",
  "customer_id",
  "source",
  "external_id",
  "channel",
  "metric_kind",
  "score",
  "text",
  "language",
  "received_at",
  "sentiment",
  "sentiment_label",
  "sentiment_source",
  "search_terms",
  "text_key",
  "priority",
  "due_at",
  "analysed_at",
] as const;

/** The JavaScript half of a batch: the items analysed (analyseStoredItem, as new items), the statements' inputs. */
function prepareBatch(batch: readonly BatchRow[], context: AnalysisContext, now: Date): PreparedBatch {
  const items = batch.map((row) => row.value as FeedbackInput);
  const customers: object[] = [];
  const keys: object[] = [];
  const analysedAt = now.toISOString();
  const themeIds: number[][] = [];
  const fields = items.map((item, ord) => {
    keys.push({ ord, source: item.source, external_id: item.externalId, customer: item.customerExternalId });
    if (item.customerExternalId) {
      customers.push({
        ord,
        external_id: item.customerExternalId,
        email: item.customerEmail,
        name: item.customerName,
        received_at: item.receivedAt,
      });
    }
    const analysis = analyseStoredItem(
      {
        id: 0,
        text: item.text,
        source: item.source,
        language: item.language,
        metricKind: item.metricKind,
        score: item.score,
        status: "new",
        priority: "normal",
        receivedAt: new Date(item.receivedAt),
        analysedAt: null,
      },
      context,
    );
    themeIds.push(analysis.themeIds);
    return copyLine([
      item.source,
      item.externalId,
      item.channel,
      item.metricKind,
      item.score,
      item.text,
      item.language ?? analysis.language,
      item.receivedAt,
      analysis.sentiment,
      analysis.label,
      analysis.source,
      analysis.terms,
      analysis.text_key,
      analysis.priority,
      analysis.dueAt,
      analysedAt,
    ]);
  });
  return {
    size: batch.length,
    items,
    fields,
    themeIds,
    customers: customers.length > 0 ? JSON.stringify(customers) : null,
    keys: JSON.stringify(keys),
  };
}

/**
 * Creates the customers the items name that do not exist yet, in external-id order (ON CONFLICT
 * DO NOTHING: one created meanwhile is simply used), and records them as created by the import.
 * A new customer takes the e-mail and name of its first item that has them and the earliest time
 * of its items as its creation date, as the REST ingest does. Existing customers are not changed.
 */
async function createCustomers(tx: Tx, workspaceId: number, importId: number, customers: string) {
  await tx.execute(sql`
    WITH named AS (
      SELECT * FROM json_to_recordset(${customers}::json)
        AS r (ord int, external_id text, email text, name text, received_at timestamptz)),
    wanted AS (
      SELECT external_id, (array_agg(email ORDER BY ord) FILTER (WHERE email IS NOT NULL))[1] AS email,
        (array_agg(name ORDER BY ord) FILTER (WHERE name IS NOT NULL))[1] AS name, min(received_at) AS created_at
      FROM named GROUP BY external_id),
    created AS (
      INSERT INTO customers (workspace_id, external_id, email, name, created_at)
      SELECT ${workspaceId}::int, external_id, email, name, created_at FROM wanted ORDER BY external_id
      ON CONFLICT (workspace_id, external_id) DO NOTHING
      RETURNING id)
    INSERT INTO import_changes (import_id, entity, row_id, before)
    SELECT ${importId}::int, 'customer', id, NULL FROM created
    ON CONFLICT DO NOTHING`);
}

/** Where a batch's items go: the batch, its workspace and import, the feedback ids' sequence. */
interface Target {
  workspaceId: number;
  importId: number;
  sequence: string;
  now: Date;
}

/** An item's customer id, and the id of the row it updates, or else the id its new row gets. */
interface Placed {
  customerId: number | null;
  existingId: number | null;
  newId: number | null;
}

/**
 * Looks up each item's customer and its existing row, and takes an id from the sequence for each
 * new one. Each lookup is one probe of a unique index, whatever the statistics say: the workspace
 * id comes from a subquery the planner cannot fold (OFFSET 0), so it plans for any workspace;
 * with the constant, a workspace the statistics have not seen yet (a first import) looked like one
 * row, and the lookups scanned the whole workspace through its other indexes, per row.
 */
async function placeItems(tx: Tx, target: Target, batch: PreparedBatch): Promise<Placed[]> {
  const rows = await rowsOf<{
    ord: number;
    customer_id: number | null;
    existing_id: number | null;
    new_id: number | null;
  }>(
    tx,
    sql`
    SELECT ord, customer_id, existing_id,
      CASE WHEN existing_id IS NULL THEN nextval(${target.sequence}::regclass)::int END AS new_id
    FROM (
      SELECT r.ord,
        (SELECT c.id FROM customers c WHERE c.workspace_id = w.id AND c.external_id = r.customer) AS customer_id,
        (SELECT t.id FROM feedback t
          WHERE t.workspace_id = w.id AND t.source = r.source AND t.external_id = r.external_id) AS existing_id
      FROM (SELECT ${target.workspaceId}::int AS id OFFSET 0) w
      CROSS JOIN json_to_recordset(${batch.keys}::json)
        AS r (ord int, source feedback_source, external_id text, customer text)
      OFFSET 0) x`,
  );
  const placed: Placed[] = new Array(batch.size);
  for (const row of rows) {
    placed[row.ord] = { customerId: row.customer_id, existingId: row.existing_id, newId: row.new_id };
  }
  return placed;
}

/**
 * The new items by COPY, in key order: their rows (analysed), their import_changes entries and
 * their theme links. COPY takes the server's bulk path; the ids were taken from the sequence.
 */
async function insertItems(tx: Tx, target: Target, batch: PreparedBatch, placed: readonly Placed[]): Promise<number> {
  const order = batch.items
    .map((_, ord) => ord)
    .filter((ord) => placed[ord]!.newId !== null)
    .sort((a, b) => compareKeys(batch.items[a]!, batch.items[b]!));
  const rows: string[] = [];
  const changes: string[] = [];
  const links: string[] = [];
  for (const ord of order) {
    const { newId, customerId } = placed[ord]!;
    if (batch.items[ord]!.customerExternalId && customerId === null) {
      throw new Error(
        `Customer ${batch.items[ord]!.customerExternalId} was not created for row ${ord + 1} of a batch.`,
      );
    }
    rows.push(`${newId}\t${target.workspaceId}\t${copyField(customerId)}\t${batch.fields[ord]}\n`);
    changes.push(`${target.importId}\tfeedback\t${newId}\t\\N\n`);
    for (const themeId of batch.themeIds[ord]!) links.push(`${newId}\t${themeId}\trule\n`);
  }
  await copyRows(tx, "feedback", FEEDBACK_COLUMNS, rows.join(""));
  await copyRows(tx, "import_changes", ["import_id", "entity", "row_id", "before"], changes.join(""));
  await copyRows(tx, "feedback_themes", ["feedback_id", "theme_id", "origin"], links.join(""));
  return order.length;
}

/**
 * Updates the existing items whose content differs (customer, channel, kind, score, text,
 * language — a missing one keeps the stored one —, time; triage kept) and records them in
 * import_changes with their previous values (unless the import changed them before: a repeated id
 * in the file). One statement, whose parts all read the rows as they were before it. Returns the
 * updated ids, to be analysed again.
 */
async function updateItems(tx: Tx, target: Target, batch: PreparedBatch, placed: readonly Placed[]): Promise<number[]> {
  const input = batch.items.flatMap((item, ord) => {
    const { existingId, customerId } = placed[ord]!;
    if (existingId === null) return [];
    return [
      {
        id: existingId,
        customer_id: customerId,
        channel: item.channel,
        metric_kind: item.metricKind,
        score: item.score,
        text: item.text,
        language: item.language,
        received_at: item.receivedAt,
      },
    ];
  });
  if (input.length === 0) return [];
  const [result] = await rowsOf<{ updated: number[] | null }>(
    tx,
    sql`
    WITH input AS (
      SELECT * FROM json_to_recordset(${JSON.stringify(input)}::json) AS r (id int, customer_id int, channel channel,
        metric_kind metric_kind, score smallint, text text, language text, received_at timestamptz)),
    updated AS (
      UPDATE feedback f SET customer_id = i.customer_id, channel = i.channel, metric_kind = i.metric_kind,
        score = i.score, text = i.text, language = coalesce(i.language, f.language), received_at = i.received_at,
        updated_at = now()
      FROM input i
      WHERE f.id = i.id AND f.workspace_id = ${target.workspaceId}::int
        AND (f.customer_id, f.channel, f.metric_kind, f.score, f.text, f.language, f.received_at)
          IS DISTINCT FROM (i.customer_id, i.channel, i.metric_kind, i.score, i.text, coalesce(i.language, f.language),
            i.received_at)
      RETURNING f.id),
    changes AS (
      INSERT INTO import_changes (import_id, entity, row_id, before)
      SELECT ${target.importId}::int, 'feedback', u.id, (SELECT to_jsonb(t.*) FROM feedback t WHERE t.id = u.id)
      FROM updated u
      ON CONFLICT DO NOTHING)
    SELECT array_agg(id ORDER BY id) AS updated FROM updated`,
  );
  return (result?.updated ?? []).map(Number);
}

function compareKeys(a: FeedbackInput, b: FeedbackInput): number {
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  return a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0;
}

/**
 * The import's rows into the rollup cubes, as the triggers would have put them, in one pass: new
 * customers into customer_state (its own trigger keeps customer_rollup), then every feedback row
 * the import wrote counted as it is now, and each updated one uncounted as it was (import_changes'
 * `before`), the customers' latest NPS answer refreshed (moving their orders between categories).
 */
async function foldIntoRollups(tx: Tx, importId: number): Promise<void> {
  await tx.execute(sql`SELECT rollup_staging()`);
  await tx.execute(sql`
    INSERT INTO customer_state (customer_id, workspace_id, segment_id, region, created_at, churned_at)
    SELECT c.id, c.workspace_id, c.segment_id, c.region, c.created_at, c.churned_at
    FROM import_changes ic JOIN customers c ON c.id = ic.row_id
    WHERE ic.import_id = ${importId}::int AND ic.entity = 'customer' AND ic.before IS NULL
    ON CONFLICT (customer_id) DO NOTHING`);
  await tx.execute(sql`
    INSERT INTO pg_temp.feedback_delta (workspace_id, customer_id, received_at, segment_id, region, stage_id, channel,
      metric_kind, score, sentiment, sign)
    SELECT f.workspace_id, f.customer_id, f.received_at, s.segment_id, s.region, f.stage_id, f.channel, f.metric_kind,
      f.score, f.sentiment, 1
    FROM import_changes ic JOIN feedback f ON f.id = ic.row_id
    LEFT JOIN customer_state s ON s.customer_id = f.customer_id
    WHERE ic.import_id = ${importId}::int AND ic.entity = 'feedback'
    UNION ALL
    SELECT o.workspace_id, o.customer_id, o.received_at, s.segment_id, s.region, o.stage_id, o.channel, o.metric_kind,
      o.score, o.sentiment, -1
    FROM import_changes ic CROSS JOIN LATERAL jsonb_populate_record(NULL::feedback, ic.before) o
    LEFT JOIN customer_state s ON s.customer_id = o.customer_id
    WHERE ic.import_id = ${importId}::int AND ic.entity = 'feedback' AND ic.before IS NOT NULL`);
  // the customers whose latest NPS answer may have changed, before the delta is applied (and emptied)
  await tx.execute(sql`
    SELECT rollup_refresh_nps(affected)
    FROM (SELECT array_agg(DISTINCT customer_id) AS affected FROM pg_temp.feedback_delta
      WHERE metric_kind = 'nps' AND customer_id IS NOT NULL) a
    WHERE affected IS NOT NULL`);
  await tx.execute(sql`SELECT rollup_apply_feedback_delta()`);
  // the journey cubes are refreshed by their readers from the days marked dirty (migration 0022)
  await tx.execute(sql`
    INSERT INTO journey_rollup_dirty (workspace_id, day)
    SELECT DISTINCT v.workspace_id, (v.received_at AT TIME ZONE 'UTC')::date
    FROM import_changes ic
    LEFT JOIN feedback f ON f.id = ic.row_id
    CROSS JOIN LATERAL (SELECT f.workspace_id, f.received_at, f.stage_id, f.touchpoint_id
      UNION ALL SELECT o.workspace_id, o.received_at, o.stage_id, o.touchpoint_id
      FROM jsonb_populate_record(NULL::feedback, ic.before) o WHERE ic.before IS NOT NULL) v
    WHERE ic.import_id = ${importId}::int AND ic.entity = 'feedback'
      AND (v.stage_id IS NOT NULL OR v.touchpoint_id IS NOT NULL)`);
}

/**
 * The suspicious-feedback screening of the items the import wrote, in one pass: judged in chunks,
 * every chunk re-read the duplicate texts and the burst windows of the whole workspace.
 */
function screenImported(tx: Tx, workspaceId: number, importId: number) {
  return screenFeedback(tx, workspaceId, {
    scope: sql`SELECT row_id FROM import_changes WHERE import_id = ${importId}::int AND entity = 'feedback'`,
  });
}
