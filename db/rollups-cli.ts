// `npm run rollups:rebuild`: recompute the rollup cubes and customer state from the raw tables of the configured
// database (stop the app first when it runs on the embedded database).
import { openDatabaseFromEnv } from "./index";
import { migrateDatabase } from "./client";
import { rebuildRollups } from "./rollups";

const started = Date.now();
try {
  const handle = await openDatabaseFromEnv();
  try {
    await migrateDatabase(handle);
    const rows = await rebuildRollups(handle.db);
    console.log(
      `Rollups rebuilt on ${handle.engine} at ${handle.location} in ${Date.now() - started} ms: ` +
        `${rows.feedbackRollup} feedback_rollup rows, ${rows.ordersRollup} orders_rollup rows, ` +
        `${rows.customerState} customer_state rows.`,
    );
  } finally {
    await handle.close();
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
