import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type DbHandle } from "@/db/client";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { copyField, copyLine, copyRows } from "./copy-rows";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

// text a CSV import brings: tabs, line breaks, backslashes, quotes and braces, right-to-left and
// Chinese text, an empty string that is not null
const TRICKY = ["tab\there", "two\nlines\r\nand CR", "back\\slash \\N", 'quote " and {braces}', "שלום, 你好", ""];

describe(`COPY rows (${testEngine()})`, () => {
  it("encodes fields in COPY text format", () => {
    expect(copyField(null)).toBe("\\N");
    expect(copyField(undefined)).toBe("\\N");
    expect(copyField("a\tb\nc\\d")).toBe("a\\tb\\nc\\\\d");
    expect(copyField(["x", 'y"z', "w\\v"])).toBe('{"x","y\\\\"z","w\\\\\\\\v"}');
    expect(copyField([1, 2])).toBe("{1,2}");
    expect(copyField(-0.25)).toBe("-0.25");
    expect(copyField(true)).toBe("t");
    expect(copyLine(["a", null, 3])).toBe("a\t\\N\t3");
  });

  it("writes rows in the caller's transaction and reads them back exactly", async () => {
    const rows = await handle.db.transaction(async (tx) => {
      await tx.execute(
        sql`CREATE TEMP TABLE copied (n int, t text, terms text[], at timestamptz, ok boolean) ON COMMIT DROP`,
      );
      const text = TRICKY.map(
        (t, n) => `${copyLine([n, t, [t, "plain"], "2024-05-01T10:00:00.123456Z", n % 2 === 0])}\n`,
      );
      await copyRows(tx, "copied", ["n", "t", "terms", "at", "ok"], text.join(""));
      await copyRows(tx, "copied", ["n", "t"], `${copyLine([99, null])}\n`);
      return queryRows<{ n: number; t: string | null; terms: string[] | null; at: string | null; ok: boolean | null }>(
        tx as never,
        sql`SELECT n, t, terms, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS at, ok FROM copied ORDER BY n`,
      );
    });
    expect(rows).toEqual([
      ...TRICKY.map((t, n) => ({ n, t, terms: [t, "plain"], at: "2024-05-01 10:00:00.123456", ok: n % 2 === 0 })),
      { n: 99, t: null, terms: null, at: null, ok: null },
    ]);
  });

  it("refuses to run outside a transaction, and a bad row fails the COPY", async () => {
    await expect(copyRows(handle.db, "copied", ["n"], "1\n")).rejects.toThrow("needs a transaction");
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`CREATE TEMP TABLE strict_copy (n int NOT NULL) ON COMMIT DROP`);
        await copyRows(tx, "strict_copy", ["n"], "1\nnot a number\n");
      }),
    ).rejects.toThrow();
  });
});
