import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTar, TAR_BLOCK, tarEnd, tarEntry, TarFormatError } from "./tar";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const MTIME = new Date("2026-01-02T03:04:05Z");

function archive(files: Record<string, string>): Uint8Array {
  const parts = Object.entries(files).flatMap(([name, body]) => tarEntry(name, new TextEncoder().encode(body), MTIME));
  return new Uint8Array(Buffer.concat([...parts, tarEnd()]));
}

async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.byteLength; offset += size) yield bytes.subarray(offset, offset + size);
}

async function read(bytes: Uint8Array, size = 7, max = 1 << 20) {
  const files = [];
  for await (const file of readTar(chunks(bytes, size), max)) files.push({ name: file.name, body: text(file.data) });
  return files;
}

describe("tar", () => {
  const files = { "manifest.json": '{"a":1}', "feedback/00001.jsonl": `${"é".repeat(300)}\n`, "empty/00001.jsonl": "" };

  it("reads back what it writes, whatever the chunks it arrives in", async () => {
    const bytes = archive(files);
    expect(bytes.byteLength % TAR_BLOCK).toBe(0);
    for (const size of [1, 7, 512, 100_000]) {
      expect(await read(bytes, size)).toEqual(Object.entries(files).map(([name, body]) => ({ name, body })));
    }
  });

  it("writes archives the system's tar lists and unpacks, and reads what it packs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tar-test-"));
    try {
      writeFileSync(join(dir, "ours.tar"), archive(files));
      expect(
        execFileSync("tar", ["-tf", join(dir, "ours.tar")], { encoding: "utf8" })
          .trim()
          .split("\n"),
      ).toEqual(Object.keys(files));
      execFileSync("tar", ["-xf", join(dir, "ours.tar"), "-C", dir]);
      expect(readFileSync(join(dir, "feedback/00001.jsonl"), "utf8")).toBe(files["feedback/00001.jsonl"]);
      // GNU tar's own archive of the same files, with a directory entry and pax headers for a long name
      const long = `${"x".repeat(120)}.jsonl`;
      writeFileSync(join(dir, long), "long");
      execFileSync("tar", ["--format=pax", "-cf", "theirs.tar", "manifest.json", "feedback", long], { cwd: dir });
      expect(await read(new Uint8Array(readFileSync(join(dir, "theirs.tar"))))).toEqual([
        { name: "manifest.json", body: files["manifest.json"] },
        { name: "feedback/00001.jsonl", body: files["feedback/00001.jsonl"] },
        { name: long, body: "long" },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a cut archive, a damaged header, an oversized file and names it cannot write", async () => {
    const bytes = archive(files);
    await expect(read(bytes.subarray(0, 700))).rejects.toThrow(/cut short/);
    await expect(read(bytes.subarray(0, TAR_BLOCK * 3))).rejects.toThrow(/cut short/);
    const damaged = bytes.slice();
    damaged[10] = 0x41;
    await expect(read(damaged)).rejects.toThrow(TarFormatError);
    await expect(read(new TextEncoder().encode("id,name\n".repeat(100)))).rejects.toThrow(/not a tar archive/);
    await expect(read(bytes, 7, 10)).rejects.toThrow(/feedback\/00001\.jsonl holds 601 bytes; at most 10/);
    expect(() => tarEntry("x".repeat(101), new Uint8Array(), MTIME)).toThrow(/1–100 printable ASCII/);
    expect(() => tarEntry("naïve", new Uint8Array(), MTIME)).toThrow(/printable ASCII/);
  });
});
