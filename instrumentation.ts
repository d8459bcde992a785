export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootstrapOrExit } = await import("./db/bootstrap");
  await bootstrapOrExit();
  // background jobs (CSV imports) run in every server process, after the migrations
  const { startBackgroundJobs } = await import("./server/services/background-jobs");
  await startBackgroundJobs();
}
