export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootstrapDatabase } = await import("./db/bootstrap");
  try {
    await bootstrapDatabase();
  } catch (err) {
    console.error(`\n[touchpoint] cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
