import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError } from "./lock";

describe("data folder lock", () => {
  const dir = () => join(mkdtempSync(join(tmpdir(), "tp-lock-")), "pglite");

  it("refuses a second holder with a message naming the folder", () => {
    const dataDir = dir();
    const release = acquireDataDirLock(dataDir);
    expect(() => acquireDataDirLock(dataDir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dataDir)).toThrow(/already open.*Only one process/);
    release();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it("can be taken again after release", () => {
    const dataDir = dir();
    acquireDataDirLock(dataDir)();
    const release = acquireDataDirLock(dataDir);
    release();
  });

  it("reclaims a stale lock left by a dead process", () => {
    const dataDir = dir();
    // pid 2^22 + 1 is above Linux's pid_max default: no such process
    writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: 4194305, started: null, command: "gone" }));
    const release = acquireDataDirLock(dataDir);
    release();
  });
});

describe("data folder lock across processes", () => {
  it("makes a second process fail while the first holds the folder, and lets it in afterwards", async () => {
    const { spawn, spawnSync } = await import("node:child_process");
    const dataDir = join(mkdtempSync(join(tmpdir(), "tp-lock-")), "pglite");
    const lockModule = new URL("./lock.ts", import.meta.url).pathname;
    const script = (hold: boolean) =>
      `import { acquireDataDirLock } from ${JSON.stringify(lockModule)};
       try { acquireDataDirLock(${JSON.stringify(dataDir)}); console.log("acquired"); }
       catch (e) { console.log(e.message); process.exit(3); }
       ${hold ? "setTimeout(() => {}, 60_000);" : ""}`;
    // node itself (not the tsx wrapper), so the pid we kill is the lock holder's
    const node = (code: string) => [process.execPath, ["--import", "tsx", "--input-type=module", "-e", code]] as const;

    const holder = spawn(...node(script(true)), { stdio: ["ignore", "pipe", "inherit"] });
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on("data", (chunk: Buffer) => (chunk.toString().includes("acquired") ? resolve() : undefined));
        holder.on("exit", () => reject(new Error("the holder exited early")));
      });
      const second = spawnSync(...node(script(false)), { encoding: "utf8" });
      expect(second.status).toBe(3);
      expect(second.stdout).toContain(`already open in another process (pid ${holder.pid}`);
    } finally {
      holder.kill("SIGKILL");
      await new Promise((resolve) => holder.once("exit", resolve));
    }
    // the holder died without releasing: its stale lock is reclaimed
    const third = spawnSync(...node(script(false)), { encoding: "utf8" });
    expect(third.stdout.trim()).toBe("acquired");
  }, 30_000);
});
