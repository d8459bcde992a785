// Serves the built app for Playwright on a fresh, migrated and seeded temporary PGlite folder.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const port = process.argv[2] ?? "3100";
const dir = mkdtempSync(join(tmpdir(), "touchpoint-e2e-"));
const env = {
  ...process.env,
  TOUCHPOINT_DATA_DIR: join(dir, "pglite"),
  TOUCHPOINT_DEMO_SCALE: process.env.TOUCHPOINT_DEMO_SCALE ?? "0.1",
  AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789",
  DATABASE_URL: "",
};
const child = spawn("npx", ["next", "start", "-p", port], { env, stdio: "inherit" });
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
