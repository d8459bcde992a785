import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { SCORE_RANGES } from "../server/domain/scores";
import { SCREENED_SOURCES, SUSPICION_DEFAULTS, suspicionTextKey } from "../server/domain/text/suspicious";
import { queryRows } from "./client";
import type { Db } from "./index";

// The suspicious-feedback rules of server/domain/text/suspicious.ts, run in SQL over stored rows so
// their context (other customers' texts, the hour around an item, the customer's orders) stays in
// the database. The domain functions are the reference: db/screening.test.ts checks both agree.

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Writer = Db | Tx;

/** feedback.text_key of an item: md5 of its normalised words when it is screened and long enough, else null. */
export function storedTextKey(source: string, text: string | null): string | null {
  if (!SCREENED_SOURCES.has(source)) return null;
  const key = suspicionTextKey(text);
  return key === null ? null : createHash("md5").update(key).digest("hex");
}

export interface ScreeningResult {
  /** Flags the rules raised (open, confirmed or cleared before). */
  found: number;
  /** Open flags no rule raises any more, removed (a full screening only). */
  removed: number;
}

const list = (values: Iterable<string>) =>
  sql.join(
    [...values].map((value) => sql`${value}`),
    sql`, `,
  );

/** True for a score at either end of its kind's scale, in SQL. */
function extremeScore(kind: SQL, score: SQL): SQL {
  const cases = Object.entries(SCORE_RANGES).map(
    ([name, range]) => sql`WHEN ${name} THEN ${score} IN (${range.min}, ${range.max})`,
  );
  return sql`CASE ${kind}::text ${sql.join(cases, sql` `)} ELSE FALSE END`;
}

/**
 * Screen a workspace's feedback for likely fake or low-quality reviews: the same text from
 * several customers, bursts on one channel, reviews no purchase backs, and extreme scores with no
 * comment. With `ids` (or `scope`, a query returning ids: an import's rows), the rules judge those
 * items (and the items a duplicate text or a burst shares with them); without, every item, and
 * open flags that no rule raises any more go.
 * Flags a manager confirmed or cleared keep their state; `feedback.suspicious` follows.
 *
 * Each rule is its own statement over a temporary table of the judged items, writing into a
 * temporary table of findings, both with planner statistics. As one statement of CTEs, the
 * planner saw the materialised items and findings as a few hundred rows whatever their size, and
 * a 6.9M-item workspace (772k reviews) had not finished after 19 minutes.
 */
export async function screenFeedback(
  db: Writer,
  workspaceId: number,
  options: { ids?: readonly number[]; scope?: SQL } = {},
): Promise<ScreeningResult> {
  const { duplicateMinCustomers, burstMinItems, burstWindowMs, burstFactor, burstBaselineMs } = SUSPICION_DEFAULTS;
  if (options.ids && options.ids.length === 0) return { found: 0, removed: 0 };
  const ids = options.ids ? JSON.stringify([...options.ids]) : null;
  const scope = options.scope ?? (ids ? sql`SELECT value::int FROM jsonb_array_elements_text(${ids}::jsonb)` : null);
  // the enum itself, not its text: the planner then reads the column's statistics (a cast to text
  // estimated 0.5 % of the rows, a twentieth of the reviews)
  const screened = sql`f.source = ANY (ARRAY[${list(SCREENED_SOURCES)}]::feedback_source[])`;
  const window = sql.raw(`interval '${Math.round(burstWindowMs / 1000)} seconds'`);
  const halfBaseline = sql.raw(`interval '${Math.round(burstBaselineMs / 2000)} seconds'`);

  return db.transaction(async (tx) => {
    const run = (query: SQL) => tx.execute(query);
    await run(sql`DROP TABLE IF EXISTS pg_temp.screening_items, pg_temp.screening_found`);
    // the judged items: the whole workspace's screened sources, or the scope's
    await run(sql`CREATE TEMPORARY TABLE screening_items ON COMMIT DROP AS
      SELECT f.id, f.customer_id, f.metric_kind, f.score, f.received_at, f.text_key,
        (f.text IS NULL OR f.text !~ '[^[:space:]]') AS blank
      FROM feedback f WHERE f.workspace_id = ${workspaceId} AND ${screened}
        ${scope ? sql`AND f.id IN (${scope})` : sql``}`);
    await run(sql`ANALYZE pg_temp.screening_items`);
    await run(sql`CREATE TEMPORARY TABLE screening_found (id int NOT NULL, code text NOT NULL, detail jsonb NOT NULL)
      ON COMMIT DROP`);

    // the same text (its key) from several customers: every item of such a text is flagged
    await run(sql`INSERT INTO screening_found (id, code, detail)
      SELECT f.id, 'duplicate_text', jsonb_build_object('customers', g.customers, 'items', g.items)
      FROM (
        SELECT f.text_key, count(*)::int AS items,
          count(DISTINCT coalesce('c' || f.customer_id, 'a' || f.id))::int AS customers
        FROM feedback f
        WHERE f.workspace_id = ${workspaceId}
          AND f.text_key IN (SELECT text_key FROM screening_items WHERE text_key IS NOT NULL)
        GROUP BY f.text_key
        HAVING count(DISTINCT coalesce('c' || f.customer_id, 'a' || f.id)) >= ${duplicateMinCustomers}) g
      JOIN feedback f ON f.workspace_id = ${workspaceId} AND f.text_key = g.text_key`);

    // bursts: an item's busiest window of the same source and channel holds enough items, and
    // enough times the stream's usual count around it (isBurst); the windows read the items up to
    // two windows and half the baseline either side of the judged ones
    const [span] = scope
      ? await queryRows<{ from: string | null; to: string | null }>(
          tx as unknown as Db,
          sql`SELECT min(received_at)::text AS "from", max(received_at)::text AS "to" FROM screening_items`,
        )
      : [null];
    if (!scope || span?.from) {
      const near = (margin: SQL) =>
        scope ? sql`BETWEEN ${span!.from}::timestamptz - ${margin} AND ${span!.to}::timestamptz + ${margin}` : null;
      const streamRange = near(sql`(2 * ${window} + ${halfBaseline})`);
      const judgedRange = near(window);
      await run(sql`INSERT INTO screening_found (id, code, detail)
        SELECT id, 'burst', jsonb_build_object('items', items, 'source', source, 'origin', origin,
          'windowMs', ${burstWindowMs}::int, 'around', around, 'baselineMs', ${burstBaselineMs}::bigint)
        FROM (
          SELECT id, source, origin, received_at, around,
            max(ahead) OVER (PARTITION BY source, origin ORDER BY received_at
              RANGE BETWEEN ${window} PRECEDING AND CURRENT ROW) AS items
          FROM (
            SELECT f.id, f.source::text AS source, f.channel::text AS origin, f.received_at,
              count(*) OVER (PARTITION BY f.source, f.channel ORDER BY f.received_at
                RANGE BETWEEN CURRENT ROW AND ${window} FOLLOWING) AS ahead,
              count(*) OVER (PARTITION BY f.source, f.channel ORDER BY f.received_at
                RANGE BETWEEN ${halfBaseline} PRECEDING AND ${halfBaseline} FOLLOWING) AS around
            FROM feedback f WHERE f.workspace_id = ${workspaceId} AND ${screened}
              ${streamRange ? sql`AND f.received_at ${streamRange}` : sql``}) stream
        ) busiest
        WHERE items >= ${burstMinItems}
          AND items * ${burstBaselineMs}::bigint >= ${burstFactor}::bigint * around * ${burstWindowMs}::bigint
          ${judgedRange ? sql`AND received_at ${judgedRange}` : sql``}`);
    }

    // a review no purchase of its customer before it backs (or no customer at all)
    await run(sql`INSERT INTO screening_found (id, code, detail)
      SELECT s.id, 'unverified_review', jsonb_build_object('hasCustomer', s.customer_id IS NOT NULL)
      FROM screening_items s
      WHERE s.customer_id IS NULL OR NOT EXISTS (
        SELECT 1 FROM orders o WHERE o.workspace_id = ${workspaceId} AND o.customer_id = s.customer_id
          AND o.kind = 'purchase' AND o.ordered_at <= s.received_at)`);

    // a score at either end of its scale with no comment
    await run(sql`INSERT INTO screening_found (id, code, detail)
      SELECT s.id, 'extreme_score_no_text', jsonb_build_object('metricKind', s.metric_kind, 'score', s.score)
      FROM screening_items s
      WHERE s.score IS NOT NULL AND s.blank AND ${extremeScore(sql`s.metric_kind`, sql`s.score`)}`);
    await run(sql`ANALYZE pg_temp.screening_found`);

    await run(sql`INSERT INTO feedback_flags (workspace_id, feedback_id, code, detail)
      SELECT ${workspaceId}, id, code::suspicion_code, detail FROM screening_found
      ON CONFLICT (feedback_id, code) DO UPDATE SET detail = EXCLUDED.detail
        WHERE feedback_flags.state = 'open' AND feedback_flags.detail IS DISTINCT FROM EXCLUDED.detail`);
    const [counts] = await queryRows<{ found: number; removed: number }>(
      tx as unknown as Db,
      scope
        ? sql`SELECT count(*)::int AS found, 0 AS removed FROM screening_found`
        : sql`WITH stale AS (
            DELETE FROM feedback_flags ff WHERE ff.workspace_id = ${workspaceId} AND ff.state = 'open'
              AND NOT EXISTS (SELECT 1 FROM screening_found found
                WHERE found.id = ff.feedback_id AND found.code = ff.code::text)
            RETURNING 1)
          SELECT (SELECT count(*) FROM screening_found)::int AS found, (SELECT count(*) FROM stale)::int AS removed`,
    );
    await syncSuspicious(tx, workspaceId);
    await run(sql`DROP TABLE pg_temp.screening_items, pg_temp.screening_found`);
    return { found: Number(counts?.found ?? 0), removed: Number(counts?.removed ?? 0) };
  });
}

/**
 * `feedback.suspicious` = has a flag that is not cleared, for the items whose answer changed
 * (only items flagged now or marked before are read). With `feedbackId`, that item only.
 */
export async function syncSuspicious(db: Writer, workspaceId: number, feedbackId?: number): Promise<void> {
  const candidates =
    feedbackId === undefined
      ? sql`SELECT id FROM feedback WHERE workspace_id = ${workspaceId} AND suspicious
          UNION SELECT feedback_id FROM feedback_flags WHERE workspace_id = ${workspaceId} AND state <> 'cleared'`
      : sql`SELECT ${feedbackId}::int AS id`;
  await db.execute(sql`
    UPDATE feedback f SET suspicious = c.flagged
    FROM (
      SELECT x.id, EXISTS (SELECT 1 FROM feedback_flags ff WHERE ff.feedback_id = x.id AND ff.state <> 'cleared') AS flagged
      FROM (${candidates}) x
    ) c
    WHERE f.id = c.id AND f.workspace_id = ${workspaceId} AND f.suspicious <> c.flagged`);
}
