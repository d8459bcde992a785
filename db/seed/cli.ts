import { readEnv } from "../../server/env";
import { migrateDatabase, type DbHandle, vacuumAnalyze } from "../client";
import { openDatabaseFromEnv } from "../index";
import { SEED_USAGE, UsageError, parseSeedArgs, type SeedCliOptions } from "./cli-args";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";
import { formatSeedSummary } from "./format-summary";
import { resetDatabase } from "./reset";
import { isDatabaseEmpty, seedDemo } from "./seed";

/** Exit codes: 0 done (or skipped with --if-empty), 1 failure, 2 bad flags. */
async function run(options: SeedCliOptions): Promise<number> {
  const scale = options.scale ?? readEnv().TOUCHPOINT_DEMO_SCALE;
  let handle: DbHandle | undefined;
  try {
    handle = await openDatabaseFromEnv();
    console.log(`Database: ${handle.engine} at ${handle.location}`);
    await migrateDatabase(handle);

    if (options.reset) {
      const tables = await resetDatabase(handle.db);
      console.log(`Emptied ${tables.length} tables.`);
    } else if (!(await isDatabaseEmpty(handle.db))) {
      if (options.ifEmpty) {
        console.log("The database already has data; nothing to do (--if-empty).");
        return 0;
      }
      console.error(
        "The database already has data. Run `npm run seed -- --reset` to erase it and seed again, " +
          "or pass --if-empty to skip seeding when data exists.",
      );
      return 1;
    }

    const summary = await seedDemo(handle.db, {
      seed: options.seed,
      now: options.now,
      scale,
      customers: options.customers,
      orders: options.orders,
      feedback: options.feedback,
      batchSize: options.batchSize,
      onProgress: (message) => console.log(message),
    });
    await vacuumAnalyze(handle.db);
    console.log(`\nSeeded:\n${formatSeedSummary(summary)}`);
    console.log(`\nSign in as ${DEMO_USERS.map((u) => u.email).join(", ")} with the password "${DEMO_PASSWORD}".`);
    return 0;
  } finally {
    await handle?.close();
  }
}

async function main(): Promise<void> {
  let options: SeedCliOptions;
  try {
    options = parseSeedArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`seed: ${err.message}\n\n${SEED_USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    console.log(SEED_USAGE);
    return;
  }
  try {
    process.exitCode = await run(options);
  } catch (err) {
    console.error(`seed failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}

void main();
