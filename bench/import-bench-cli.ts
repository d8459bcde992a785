import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";

export interface CliRun {
  /** Wall time of the process, start to exit. */
  seconds: number;
  /** From the start until the validation report's counts were printed. */
  validateSeconds: number;
  /** The import as the CLI reports it ("done in … s"). */
  importSeconds: number;
  inserted: number;
  /** The kernel's high-water mark of the process' resident memory (VmHWM); null where /proc is missing. */
  peakRssBytes: number | null;
}

/** VmHWM of a running process in bytes, or null (exited, or no /proc). */
function peakRssOf(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** `root` and every process below it (npm → sh → tsx → node), from /proc; empty without /proc. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  for (const name of entries) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/**
 * Runs `npm run import -- <args>` with `env`, forwarding its output to stderr, and reads the peak
 * memory of each process it starts every 100 ms (VmHWM only grows, so the last reading before a
 * process exits is its peak). The import's peak is the largest: the node process running
 * db/import-cli.ts, not the npm and tsx wrappers around it.
 */
export function runImportCli(options: { args: string[]; env: Record<string, string | undefined> }): Promise<CliRun> {
  const started = performance.now();
  const child = spawn("npm", ["run", "--silent", "import", "--", ...options.args], {
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // the tree is re-read once a second (npm starts sh, tsx and node at the beginning), the peaks of
  // its processes every 100 ms: scanning all of /proc every 50 ms took a visible share of a core
  const peaks = new Map<number, number>();
  let tree: number[] = [];
  let polls = 0;
  const timer = setInterval(() => {
    if (child.pid === undefined) return;
    if (polls++ % 10 === 0) tree = processTree(child.pid);
    for (const pid of tree) {
      const now = peakRssOf(pid);
      if (now !== null) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, now));
    }
  }, 100);
  let validateSeconds = NaN;
  let importSeconds = NaN;
  let inserted = NaN;
  createInterface({ input: child.stdout }).on("line", (line) => {
    console.error(`  | ${line}`);
    if (/^Rows read \d+/.test(line)) validateSeconds = (performance.now() - started) / 1000;
    const done = /^Import \d+ done in ([\d.]+) s .*?: (\d+) inserted/.exec(line);
    if (done) {
      importSeconds = Number(done[1]);
      inserted = Number(done[2]);
    }
  });
  createInterface({ input: child.stderr }).on("line", (line) => console.error(`  | ${line}`));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`npm run import exited with code ${code}; its output is above.`));
      else
        resolve({
          seconds,
          validateSeconds,
          importSeconds,
          inserted,
          peakRssBytes: peaks.size > 0 ? Math.max(...peaks.values()) : null,
        });
    });
  });
}
