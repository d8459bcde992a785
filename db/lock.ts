import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/**
 * An exclusive lock file beside a PGlite data folder. Two processes on one folder lose writes
 * silently, so the second one must fail loudly instead.
 */
export class DataDirLockedError extends Error {
  constructor(dataDir: string, holder: LockInfo) {
    const who =
      holder.pid === process.pid ? "this process" : `another process (pid ${holder.pid}: ${holder.command})`;
    super(
      `The embedded database at ${dataDir} is already open in ${who}. Only one process may open it at a time: stop that ` +
        `process first (e.g. the running app), or set DATABASE_URL to use a PostgreSQL server.`,
    );
    this.name = "DataDirLockedError";
  }
}

interface LockInfo {
  pid: number;
  /** Process start time from /proc (guards against a reused pid after a reboot). */
  started: string | null;
  command: string;
}

function processStart(pid: number): string | null {
  try {
    // field 22 of /proc/<pid>/stat, after the parenthesised command name
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(info: LockInfo): boolean {
  try {
    process.kill(info.pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
  return info.started === null || processStart(info.pid) === info.started;
}

function readLock(path: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as LockInfo;
  } catch {
    return null;
  }
}

/** Take the lock for `dataDir`; returns a release function. Throws DataDirLockedError if held. */
export function acquireDataDirLock(dataDir: string): () => void {
  const path = `${dataDir.replace(/\/+$/, "")}.lock`;
  mkdirSync(dirname(path), { recursive: true });
  const info: LockInfo = {
    pid: process.pid,
    started: processStart(process.pid),
    command: process.argv.slice(1).join(" ").slice(0, 200) || "node",
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        if (readLock(path)?.pid === process.pid) unlinkSync(path);
      };
      process.on("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = readLock(path);
      if (holder && isAlive(holder)) throw new DataDirLockedError(dataDir, holder);
      // stale lock of a process that died (e.g. SIGKILL): reclaim it
      try {
        unlinkSync(path);
      } catch {
        // another process reclaimed it first; the next attempt decides
      }
    }
  }
  throw new Error(`Could not take the lock ${path}; remove it if no process uses ${dataDir}.`);
}
