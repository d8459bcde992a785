// `npm run analyse [-- --all]`: the text analysis (language, sentiment, search words, theme links)
// of every feedback item not analysed yet, or with --all of every item — after the theme library
// or the analysis itself changed. Workspace by workspace, a transaction per batch; with --defer
// (a large backfill) one transaction per workspace that defers the rollup triggers, and one
// rollups_rebuild() at the end.
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { workspaces } from "./schema";
import { migrateDatabase } from "./client";
import { openDatabaseFromEnv } from "./index";
import { rebuildRollups } from "./rollups";
import { screenFeedback } from "./screening";
import { analyseFeedback } from "./text-analysis";

const { values } = parseArgs({
  options: { all: { type: "boolean", default: false }, defer: { type: "boolean", default: false } },
});
const started = Date.now();
try {
  const handle = await openDatabaseFromEnv();
  try {
    await migrateDatabase(handle);
    // the analysis walks feedback by id: without statistics each batch plans as a workspace scan
    await handle.db.execute(sql`ANALYZE feedback`);
    let total = 0;
    for (const ws of await handle.db.select({ id: workspaces.id, name: workspaces.name }).from(workspaces)) {
      let last = Date.now();
      const options = {
        all: values.all,
        // screened below, once the analysis is committed and analysed by the planner
        screen: false,
        onProgress: (n: number) => {
          if (Date.now() - last < 2000) return;
          last = Date.now();
          console.log(`  ${ws.name}: ${n.toLocaleString("en")} items`);
        },
      };
      const done = values.defer
        ? await handle.db.transaction(async (tx) => {
            await tx.execute(sql`SELECT set_config('touchpoint.defer_rollups', 'on', true)`);
            return analyseFeedback(tx, ws.id, options);
          })
        : await analyseFeedback(handle.db, ws.id, options);
      console.log(`${ws.name}: ${done.toLocaleString("en")} items analysed.`);
      total += done;
    }
    // fresh statistics of the search words: with stale ones the planner takes a rare word for a
    // common one and scans the newest-first index instead of the search index
    if (total > 0) await handle.db.execute(sql`ANALYZE feedback, feedback_themes`);
    for (const ws of await handle.db.select({ id: workspaces.id, name: workspaces.name }).from(workspaces)) {
      const screened = await screenFeedback(handle.db, ws.id);
      console.log(`${ws.name}: ${screened.found.toLocaleString("en")} suspicion flags raised by the screening.`);
    }
    if (values.defer && total > 0) {
      console.log("Rebuilding the rollups…");
      await rebuildRollups(handle.db);
    }
    console.log(`${total.toLocaleString("en")} items in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await handle.close();
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
