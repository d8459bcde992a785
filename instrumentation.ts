export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootstrapOrExit } = await import("./db/bootstrap");
  await bootstrapOrExit();
}
