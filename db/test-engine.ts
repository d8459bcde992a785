/** Which engine the integration tests run on: TEST_ENGINE=pglite (default) or postgres. */
export type TestEngine = "pglite" | "postgres";

export function testEngine(): TestEngine {
  const value = process.env.TEST_ENGINE ?? "pglite";
  if (value !== "pglite" && value !== "postgres") {
    throw new Error(`TEST_ENGINE must be "pglite" or "postgres", got "${value}".`);
  }
  return value;
}

/** An admin connection to the test PostgreSQL server (creates and drops throwaway databases). */
export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}
