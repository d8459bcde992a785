import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openUpload, removeUpload, saveUpload, sweepUploads, UploadTooLarge } from "./imports-uploads";

const dir = mkdtempSync(join(tmpdir(), "touchpoint-uploads-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function* chunks(...parts: string[]) {
  for (const part of parts) yield new TextEncoder().encode(part);
}
const filesOf = (workspaceId: number) => readdirSync(join(dir, String(workspaceId)));

describe("import uploads", () => {
  it("streams a file to <dir>/<workspace>/<id>.csv and reads it back", async () => {
    const { uploadId, bytes } = await saveUpload(dir, 1, chunks("id,text\r\n", "1,café\r\n"), { maxBytes: 1_000 });
    expect(bytes).toBe(18);
    expect(readFileSync(join(dir, "1", `${uploadId}.csv`), "utf8")).toBe("id,text\r\n1,café\r\n");
    const stream = await openUpload(dir, 1, uploadId);
    const read: Buffer[] = [];
    for await (const chunk of stream) read.push(chunk as Buffer);
    expect(Buffer.concat(read).toString("utf8")).toBe("id,text\r\n1,café\r\n");
    await removeUpload(dir, 1, uploadId);
    await expect(openUpload(dir, 1, uploadId)).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringMatching(/^The uploaded file is no longer on the server/),
    });
  });

  it("refuses a file over the limit while it streams, or at once when its declared length says so, and keeps nothing", async () => {
    const kb600 = "x".repeat(600 * 1024);
    const over = saveUpload(dir, 2, chunks(kb600, kb600), { maxBytes: 1024 * 1024 });
    await expect(over).rejects.toBeInstanceOf(UploadTooLarge);
    await expect(over).rejects.toThrow(/larger than 1 MB, the upload limit \(TOUCHPOINT_UPLOAD_MAX_MB\)/);
    expect(filesOf(2)).toEqual([]);
    const declared = saveUpload(dir, 2, chunks("small"), { maxBytes: 5 * 1024 * 1024, declaredBytes: 6 * 1024 * 1024 });
    await expect(declared).rejects.toThrow("The file is larger than 5 MB");
    await expect(saveUpload(dir, 2, chunks(), { maxBytes: 1_000 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "The file is empty; choose a CSV file with a header row and data rows.",
    });
    expect(filesOf(2)).toEqual([]);
  });

  it("takes only upload ids, so no path can be built from the client's text", async () => {
    await expect(openUpload(dir, 1, "../../etc/passwd")).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("sweeps uploads older than their time to live, and only those", async () => {
    const old = await saveUpload(dir, 3, chunks("a\r\n1\r\n"), { maxBytes: 1_000 });
    const fresh = await saveUpload(dir, 3, chunks("a\r\n2\r\n"), { maxBytes: 1_000 });
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    utimesSync(join(dir, "3", `${old.uploadId}.csv`), eightDaysAgo, eightDaysAgo);
    expect(await sweepUploads(dir)).toBe(1);
    expect(filesOf(3)).toEqual([`${fresh.uploadId}.csv`]);
    expect(await sweepUploads(join(dir, "absent"))).toBe(0);
  });
});
