// `npm run analyse [-- --all]`: the text analysis (language, sentiment, search words, theme links)
// of every feedback item not analysed yet, or with --all of every item — after the theme library
// or the analysis itself changed. Workspace by workspace, a transaction per batch.
import { parseArgs } from "node:util";
import { workspaces } from "./schema";
import { migrateDatabase } from "./client";
import { openDatabaseFromEnv } from "./index";
import { analyseFeedback } from "./text-analysis";

const { values } = parseArgs({
  options: { all: { type: "boolean", default: false } },
});
const started = Date.now();
try {
  const handle = await openDatabaseFromEnv();
  try {
    await migrateDatabase(handle);
    let total = 0;
    for (const ws of await handle.db.select({ id: workspaces.id, name: workspaces.name }).from(workspaces)) {
      let last = Date.now();
      const done = await analyseFeedback(handle.db, ws.id, {
        all: values.all,
        onProgress: (n) => {
          if (Date.now() - last < 2000) return;
          last = Date.now();
          console.log(`  ${ws.name}: ${n.toLocaleString("en")} items`);
        },
      });
      console.log(`${ws.name}: ${done.toLocaleString("en")} items analysed.`);
      total += done;
    }
    console.log(`${total.toLocaleString("en")} items in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await handle.close();
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
