import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { analyseFeedback, analyseStoredItem, loadAnalysisContext, type AnalysisContext } from "@/db/text-analysis";
import { queryRows, type Db } from "@/db/client";
import { screenFeedback } from "@/db/screening";
import type { FeedbackInput } from "../domain/ingest/feedback-input";
import type { Tx } from "./audit";
import type { BatchResult, BatchRow, ImportWriter } from "./imports-write";

const rowsOf = <T>(tx: Tx, query: SQL) => queryRows<T>(tx as unknown as Db, query);

/** An import that wrote at least this many items takes planner statistics before screening them. */
const ANALYZE_AFTER = 10_000;

const FEEDBACK_RECORD = `source feedback_source, external_id text, customer_external_id text, channel channel,
  metric_kind metric_kind, score smallint, text text, language text, detected_language text,
  received_at timestamptz, sentiment real, sentiment_label sentiment_label, sentiment_source text,
  search_terms text[], text_key text, priority priority, due_at timestamptz, theme_ids int[]`;

/**
 * The feedback half of the CSV import, built for files of millions of rows (bench/import-bench.ts).
 * Same results as the REST ingest's writeFeedback plus import_changes, with the work moved to where
 * it is cheapest:
 * - the text analysis runs in JavaScript before the write, so a new item is inserted once, analysed,
 *   instead of inserted and then updated (the update rewrote every index, the search words' GIN
 *   index included); items the file changes are updated and analysed again as before;
 * - a batch is analysed as soon as it is handed over, while the database still writes the one
 *   before (on a PostgreSQL server the two run on different cores); batches are written in order;
 * - each batch is two statements, one JSON parameter each: the customers it names (created when
 *   unknown, recorded as created) and its items (inserted, updated when their content changed,
 *   recorded with their previous values, theme links);
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

  let written = 0;
  let chain: Promise<unknown> = Promise.resolve();
  const send = async (batch: PreparedBatch): Promise<BatchResult> => {
    if (batch.customers) await createCustomers(tx, workspaceId, importId, batch.customers);
    const result = await writeItems(tx, workspaceId, importId, batch.items, now);
    if (result.updatedIds.length > 0) {
      await analyseFeedback(tx, workspaceId, { ids: result.updatedIds, now, screen: false });
    }
    written += result.inserted + result.updatedIds.length;
    return {
      inserted: result.inserted,
      updated: result.updatedIds.length,
      unchanged: batch.size - result.inserted - result.updatedIds.length,
      rejected: [],
    };
  };
  return {
    write(batch) {
      const prepared = prepareBatch(batch, context);
      const done = chain.then(() => send(prepared));
      chain = done;
      return done;
    },
    async finish() {
      await chain;
      if (written >= ANALYZE_AFTER) await tx.execute(sql`ANALYZE feedback, customers, import_changes`);
      await foldIntoRollups(tx, importId);
      await screenImported(tx, workspaceId, importId);
      // every write of the import is counted now (the screening's too: it moves no figure)
      if (!dirty?.dirty) await tx.execute(sql`DELETE FROM rollup_dirty WHERE workspace_id = ${workspaceId}::int`);
    },
  };
}

/** A batch ready for the database: its customers and items as JSON parameters, analysis done. */
interface PreparedBatch {
  size: number;
  customers: string | null;
  items: string;
}

/** The JavaScript half of a batch: the items analysed (analyseStoredItem, as new items) and both JSON parameters. */
function prepareBatch(batch: readonly BatchRow[], context: AnalysisContext): PreparedBatch {
  const customers: object[] = [];
  const items = batch.map((row, ord) => {
    const item = row.value as FeedbackInput;
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
    return {
      source: item.source,
      external_id: item.externalId,
      customer_external_id: item.customerExternalId,
      channel: item.channel,
      metric_kind: item.metricKind,
      score: item.score,
      text: item.text,
      language: item.language,
      detected_language: analysis.language,
      received_at: item.receivedAt,
      sentiment: analysis.sentiment,
      sentiment_label: analysis.label,
      sentiment_source: analysis.source,
      search_terms: analysis.terms,
      text_key: analysis.text_key,
      priority: analysis.priority,
      due_at: analysis.dueAt,
      theme_ids: analysis.themeIds,
    };
  });
  return {
    size: batch.length,
    customers: customers.length > 0 ? JSON.stringify(customers) : null,
    items: JSON.stringify(items),
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

/**
 * Inserts the new items (analysed), updates the existing ones whose content differs (customer,
 * channel, kind, score, text, language — a missing one keeps the stored one —, time; triage kept),
 * records both in import_changes (an updated row with its previous values, unless the import
 * changed it before), and links the new items to their themes. One statement: every part reads
 * the rows as they were before it.
 */
async function writeItems(
  tx: Tx,
  workspaceId: number,
  importId: number,
  items: string,
  now: Date,
): Promise<{ inserted: number; updatedIds: number[] }> {
  const [result] = await rowsOf<{ inserted: number; updated: number[] | null }>(
    tx,
    sql`
    WITH input AS (
      -- each lookup one probe of a unique index, whatever the statistics say: the workspace id comes
      -- from a subquery the planner cannot fold (OFFSET 0), so it plans for any workspace; with the
      -- constant, a workspace the statistics have not seen yet (a first import) looked like one row
      -- and the lookups scanned the whole workspace through its other indexes, per row
      SELECT r.*,
        (SELECT c.id FROM customers c WHERE c.workspace_id = w.id AND c.external_id = r.customer_external_id)
          AS customer_id,
        (SELECT t.id FROM feedback t
          WHERE t.workspace_id = w.id AND t.source = r.source AND t.external_id = r.external_id) AS existing_id
      FROM (SELECT ${workspaceId}::int AS id OFFSET 0) w
      CROSS JOIN json_to_recordset(${items}::json) AS r (${sql.raw(FEEDBACK_RECORD)})),
    inserted AS (
      INSERT INTO feedback AS f (workspace_id, customer_id, source, external_id, channel, metric_kind, score, text,
        language, received_at, sentiment, sentiment_label, sentiment_source, search_terms, text_key, priority, due_at,
        analysed_at)
      SELECT ${workspaceId}::int, customer_id, source, external_id, channel, metric_kind, score, text,
        coalesce(language, detected_language), received_at, sentiment, sentiment_label, sentiment_source, search_terms,
        text_key, priority, due_at, ${now.toISOString()}::timestamptz
      FROM input i WHERE existing_id IS NULL
      ORDER BY source, external_id
      ON CONFLICT (workspace_id, source, external_id) DO NOTHING
      RETURNING f.id, f.source, f.external_id),
    updated AS (
      UPDATE feedback f SET customer_id = i.customer_id, channel = i.channel, metric_kind = i.metric_kind,
        score = i.score, text = i.text, language = coalesce(i.language, f.language), received_at = i.received_at,
        updated_at = now()
      FROM input i
      WHERE f.id = i.existing_id
        AND (f.customer_id, f.channel, f.metric_kind, f.score, f.text, f.language, f.received_at)
          IS DISTINCT FROM (i.customer_id, i.channel, i.metric_kind, i.score, i.text, coalesce(i.language, f.language),
            i.received_at)
      RETURNING f.id),
    changes AS (
      INSERT INTO import_changes (import_id, entity, row_id, before)
      SELECT ${importId}::int, 'feedback'::import_entity, id, NULL FROM inserted
      UNION ALL
      -- every part of the statement reads the rows as they were before it: the previous values
      SELECT ${importId}::int, 'feedback'::import_entity, u.id, (SELECT to_jsonb(t.*) FROM feedback t WHERE t.id = u.id)
      FROM updated u
      ON CONFLICT DO NOTHING),
    links AS (
      INSERT INTO feedback_themes (feedback_id, theme_id, origin)
      SELECT n.id, unnest(i.theme_ids), 'rule' FROM inserted n
        JOIN input i ON i.source = n.source AND i.external_id = n.external_id)
    SELECT (SELECT count(*) FROM inserted)::int AS inserted,
      (SELECT array_agg(id ORDER BY id) FROM updated) AS updated`,
  );
  return { inserted: result?.inserted ?? 0, updatedIds: (result?.updated ?? []).map(Number) };
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
