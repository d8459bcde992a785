// `npm run db:migrate`: apply the committed migrations to the database the environment names.
import { migrateDatabase } from "./client";
import { openDatabaseFromEnv } from "./index";

const started = Date.now();
try {
  const handle = await openDatabaseFromEnv();
  try {
    await migrateDatabase(handle);
    console.log(`Migrations applied to ${handle.engine} at ${handle.location} in ${Date.now() - started} ms.`);
  } finally {
    await handle.close();
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
