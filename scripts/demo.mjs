// `npm run demo`: build the app if its sources changed, then serve it on the embedded database.
// The server migrates and, when the database is empty, seeds demo data at start (instrumentation.ts)
// and prints the demo sign-in users.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);

/** Newest modification time under the given paths (skipping dependencies and build output). */
function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== "node_modules" && !entry.startsWith(".")) visit(join(path, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  // a per-install secret kept beside the data, so sessions survive restarts
  const file = join(root, ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

const sources = ["app", "components", "server", "db", "proxy.ts", "instrumentation.ts", "package.json", "next.config.mjs"];
const buildId = join(root, ".next", "BUILD_ID");
if (!existsSync(buildId) || statSync(buildId).mtimeMs < newestMtime(sources)) {
  console.log("[touchpoint] building the app (about a minute the first time)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? "3000";
const env = { ...process.env, AUTH_SECRET: ensureAuthSecret() };
console.log(
  `[touchpoint] starting on http://localhost:${port} — ` +
    (env.DATABASE_URL ? "PostgreSQL server from DATABASE_URL" : `embedded database in ${env.TOUCHPOINT_DATA_DIR ?? ".data/pglite"}`),
);
const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
