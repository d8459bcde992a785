import { migrateDatabase, vacuumAnalyze, type Db } from "./client";
import { rebuildRollups, rollupsLeftDirty } from "./rollups";
import { getDatabase } from "./index";
import { DEMO_PASSWORD, DEMO_USERS } from "./seed/demo-users";
import { isDatabaseEmpty, seedDemo } from "./seed/seed";
import { readEnv } from "../server/env";

/**
 * Runs once at server start (instrumentation.ts): open the database, apply migrations, and seed
 * the demo data into an empty database. Fails the start with a clear message when the database
 * cannot be opened (unreachable server, data folder held by another process).
 */
export async function bootstrapDatabase(): Promise<void> {
  const env = readEnv();
  const started = Date.now();
  const handle = await getDatabase();
  await migrateDatabase(handle);
  console.log(`[touchpoint] ${handle.engine} database ready at ${handle.location} (${Date.now() - started} ms)`);
  if (await rollupsLeftDirty(handle.db)) {
    console.log("[touchpoint] a bulk load was interrupted: recomputing the dashboard rollups…");
    const rows = await rebuildRollups(handle.db);
    console.log(`[touchpoint] rollups rebuilt (${rows.feedbackRollup + rows.ordersRollup} rows)`);
  }

  if (env.TOUCHPOINT_SEED === "auto" && (await isDatabaseEmpty(handle.db))) {
    console.log("[touchpoint] empty database: generating demo data…");
    // one transaction: a start interrupted mid-seed leaves an empty database, seeded next time
    // (the batches inside become savepoints)
    const summary = await handle.db.transaction((tx) => seedDemo(tx as unknown as Db, { scale: env.TOUCHPOINT_DEMO_SCALE }));
    await vacuumAnalyze(handle.db);
    console.log(`[touchpoint] demo data ready in ${(summary.elapsedMs / 1000).toFixed(1)} s`);
  }
  if (env.TOUCHPOINT_SEED === "auto") printDemoUsers();
}

function printDemoUsers(): void {
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  const lines = DEMO_USERS.map((u) => `    ${u.email.padEnd(width)}  ${u.role}`);
  console.log(
    ["[touchpoint] demo sign-in users (password: " + DEMO_PASSWORD + "):", ...lines].join("\n"),
  );
}

/** Bootstrap, or stop the server with the reason: a half-started app would only fail later. */
export async function bootstrapOrExit(): Promise<void> {
  try {
    await bootstrapDatabase();
  } catch (err) {
    console.error(`\n[touchpoint] cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
