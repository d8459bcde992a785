import { sql } from "drizzle-orm";
import { queryRows, type Db } from "./client";

/**
 * Recompute the rollup cubes and customer_state from the raw tables in one transaction, with the
 * triggers' own code (the SQL function `rollups_rebuild`, migration 0006). The triggers keep them
 * in step; this is the repair path: `npm run rollups:rebuild`.
 */
export async function rebuildRollups(
  db: Db,
): Promise<{ feedbackRollup: number; ordersRollup: number; customerState: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT rollups_rebuild()`);
    const [counts] = await queryRows<{ f: number; o: number; c: number }>(
      tx as unknown as Db,
      sql`SELECT (SELECT count(*) FROM feedback_rollup)::int AS f, (SELECT count(*) FROM orders_rollup)::int AS o,
        (SELECT count(*) FROM customer_state)::int AS c`,
    );
    return { feedbackRollup: counts?.f ?? 0, ordersRollup: counts?.o ?? 0, customerState: counts?.c ?? 0 };
  });
}

/** Whether a deferred bulk load left rollups out of step (see `rollup_dirty`). */
export async function rollupsLeftDirty(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ dirty: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM rollup_dirty) AS dirty`);
  return row?.dirty === true;
}
