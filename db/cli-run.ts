import { migrateDatabase, type DbHandle } from "./client";
import { openDatabaseFromEnv } from "./index";

/** A mistake in a command line: its message is printed alone (usage, what to fix) and the exit code is 2. */
export class UsageError extends Error {}

/**
 * Runs a command-line tool: `main` opens the configured database when it needs it (migrated first)
 * and returns its exit code. A UsageError exits with 2, any other error with 1, each printing its
 * message only; the database is closed either way.
 */
export async function runDatabaseCli(main: (open: () => Promise<DbHandle>) => Promise<number>): Promise<void> {
  let handle: DbHandle | undefined;
  const open = async () => {
    handle = await openDatabaseFromEnv();
    await migrateDatabase(handle);
    return handle;
  };
  try {
    process.exitCode = await main(open);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  } finally {
    await handle?.close();
  }
}
