import { sql } from "drizzle-orm";
import type { Db } from "./client";

const SCORE_COLUMNS = Array.from({ length: 11 }, (_, k) => `s${k}`);

/** The feedback_daily rows the raw feedback table implies (the triggers' definition, in bulk). */
export const FEEDBACK_DAILY_FROM_RAW = `
  SELECT f.workspace_id, (f.received_at AT TIME ZONE 'UTC')::date AS day, c.segment_id, c.region,
    f.stage_id, f.channel, f.metric_kind, count(*)::int AS responses,
    ${SCORE_COLUMNS.map((c, k) => `(count(*) FILTER (WHERE f.score = ${k}))::int AS ${c}`).join(", ")},
    coalesce(sum(round(f.sentiment * 1000)), 0)::bigint AS sentiment_milli_sum,
    count(f.sentiment)::int AS sentiment_count
  FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7`;

/** The orders_daily rows the raw orders table implies. */
export const ORDERS_DAILY_FROM_RAW = `
  SELECT o.workspace_id, (o.ordered_at AT TIME ZONE 'UTC')::date AS day, c.segment_id, c.region, o.channel,
    sum(o.amount) AS revenue,
    (count(*) FILTER (WHERE o.kind = 'purchase'))::int AS purchases,
    (count(*) FILTER (WHERE o.kind = 'refund'))::int AS refunds
  FROM orders o JOIN customers c ON c.id = o.customer_id
  GROUP BY 1, 2, 3, 4, 5`;

/**
 * Recompute both rollups from the raw tables in one transaction (the triggers keep them in step;
 * this is the repair and migration path: `npm run rollups:rebuild`).
 */
export async function rebuildRollups(db: Db): Promise<{ feedbackDaily: number; ordersDaily: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`TRUNCATE feedback_daily, orders_daily`);
    await tx.execute(
      sql.raw(`INSERT INTO feedback_daily (workspace_id, day, segment_id, region, stage_id, channel, metric_kind,
        responses, ${SCORE_COLUMNS.join(", ")}, sentiment_milli_sum, sentiment_count) ${FEEDBACK_DAILY_FROM_RAW}`),
    );
    await tx.execute(
      sql.raw(`INSERT INTO orders_daily (workspace_id, day, segment_id, region, channel, revenue, purchases, refunds)
        ${ORDERS_DAILY_FROM_RAW}`),
    );
    const counts = (await tx.execute(
      sql`SELECT (SELECT count(*) FROM feedback_daily)::int AS f, (SELECT count(*) FROM orders_daily)::int AS o`,
    )) as unknown as { rows: { f: number; o: number }[] };
    return { feedbackDaily: counts.rows[0]?.f ?? 0, ordersDaily: counts.rows[0]?.o ?? 0 };
  });
}
