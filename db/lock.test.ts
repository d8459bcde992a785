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
