import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createUser, createWorkspace } from "@/db/factories";
import { customers, feedback, importChanges, imports, orders } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { errorReportCsv } from "./imports-read";
import { ImportRejected, runImport, validateImport, validationErrorsCsv, type ImportActor } from "./imports";
import { undoImport } from "./imports-undo";

let handle: DbHandle;
let userId: number;

beforeAll(async () => {
  handle = await createTestDb();
  userId = (await createUser(handle.db, (await createWorkspace(handle.db)).id, "admin")).id;
});
afterAll(() => handle.close());

async function newActor(): Promise<ImportActor> {
  return { workspaceId: (await createWorkspace(handle.db)).id, userId };
}

const bytes = (text: string) => new TextEncoder().encode(text);
const surveyMapping = {
  entity: "feedback",
  columns: { externalId: "id", customerExternalId: "customer", score: "score", text: "comment", receivedAt: "date" },
  constants: { source: "survey", metricKind: "csat", channel: "email" },
};
const surveyFile = (rows: string[]) => ({
  fileName: "survey.csv",
  bytes: bytes(["id,customer,score,comment,date", ...rows].join("\r\n")),
  mapping: surveyMapping,
});

async function countIn(table: typeof feedback | typeof customers | typeof orders, workspaceId: number) {
  const [row] = await handle.db.select({ n: count() }).from(table).where(eq(table.workspaceId, workspaceId));
  return row!.n;
}

/** A byte stream cut into 7-byte chunks, so characters and quoted line breaks straddle chunks. */
async function* trickle(data: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < data.length; offset += 7) yield data.subarray(offset, offset + 7);
}

describe(`CSV import (${testEngine()})`, () => {
  const badFile = () =>
    surveyFile([
      "a1,c1,5,Great,2024-05-01T10:00:00Z",
      "a2,c1,9,Too high,2024-05-01T10:00:00Z",
      "a3,c2,4,Fine,yesterday",
      'a4,,3,"Two\nlines, and “quotes”",2024-05-02T10:00:00+02:00',
      "a5,c3,2,Ragged,2024-05-02T10:00:00Z,extra",
    ]);

  it("reports exactly the bad rows, streamed, and writes none of them unless asked to skip them", async () => {
    const actor = await newActor();
    const file = badFile();
    const report = await validateImport(handle.db, actor, { ...file, bytes: trickle(file.bytes) });
    expect(report).toMatchObject({ rowsRead: 5, rowsValid: 2, rowsInvalid: 3, errorCount: 3, encoding: "utf-8" });
    expect(report.errors.map(({ row, column }) => ({ row, column }))).toEqual([
      { row: 3, column: "score" },
      { row: 4, column: "date" },
      { row: 6, column: "(row)" },
    ]);
    expect(report.errors[0]!.message).toMatch(/1.*5/);
    expect(report.errors[2]!.message).toBe("Record 6 has 6 fields where the header has 5.");
    const csv = await validationErrorsCsv(badFile());
    expect(csv.split("\r\n")[0]).toBe("row,column,message");
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(4);
    expect(errorReportCsv([{ row: 2, column: "a,b", message: 'say "hi"' }])).toBe(
      'row,column,message\r\n2,"a,b","say ""hi"""\r\n',
    );
    const [stored] = await handle.db.select().from(imports).where(eq(imports.id, report.importId));
    expect(stored).toMatchObject({ status: "ready", rowsRead: 5, rowsValid: 2, rowsInvalid: 3 });

    const rejected = await runImport(
      handle.db,
      actor,
      { importId: report.importId, bytes: badFile().bytes },
      {
        skipInvalid: false,
      },
    ).catch((error: unknown) => error);
    expect(rejected).toBeInstanceOf(ImportRejected);
    expect((rejected as ImportRejected).errors.map((e) => e.row)).toEqual([3]);
    expect(await countIn(feedback, actor.workspaceId)).toBe(0);
    expect(await countIn(customers, actor.workspaceId)).toBe(0);
    const [failed] = await handle.db.select().from(imports).where(eq(imports.id, report.importId));
    expect(failed!.status).toBe("failed");
    expect(failed!.error).toContain("Nothing was imported");

    const run = await runImport(
      handle.db,
      actor,
      { importId: report.importId, bytes: badFile().bytes },
      {
        skipInvalid: true,
      },
    );
    expect(run).toMatchObject({ rowsRead: 5, inserted: 2, updated: 0, unchanged: 0, skipped: 3 });
    const rows = await handle.db
      .select({ externalId: feedback.externalId, text: feedback.text, receivedAt: feedback.receivedAt })
      .from(feedback)
      .where(eq(feedback.workspaceId, actor.workspaceId))
      .orderBy(feedback.externalId);
    expect(rows).toEqual([
      { externalId: "a1", text: "Great", receivedAt: new Date("2024-05-01T10:00:00Z") },
      { externalId: "a4", text: "Two\nlines, and “quotes”", receivedAt: new Date("2024-05-02T08:00:00Z") },
    ]);
    const [done] = await handle.db.select().from(imports).where(eq(imports.id, report.importId));
    expect(done).toMatchObject({ status: "done", rowsInserted: 2, rowsSkipped: 3, rowsInvalid: 3, createdBy: userId });
  });

  const bigFile = (n: number, text = (i: number) => `Comment ${i}`) =>
    surveyFile(Array.from({ length: n }, (_, i) => `id${i},c${i % 7},${1 + (i % 5)},${text(i)},2024-05-01T10:00:00Z`));

  it("leaves the database unchanged when it crashes mid-import", async () => {
    const actor = await newActor();
    let batches = 0;
    const crash = await runImport(handle.db, actor, bigFile(50), {
      skipInvalid: false,
      batchSize: 10,
      afterBatch: (progress) => {
        batches = progress.batches;
        if (progress.batches === 3) throw new Error("disk full");
      },
    }).catch((error: unknown) => error);
    expect((crash as Error).message).toBe("disk full");
    expect(batches).toBe(3);
    expect(await countIn(feedback, actor.workspaceId)).toBe(0);
    expect(await countIn(customers, actor.workspaceId)).toBe(0);
    const [run] = await handle.db.select().from(imports).where(eq(imports.workspaceId, actor.workspaceId));
    expect(run).toMatchObject({ status: "failed", rowsInserted: 0 });
    const [changes] = await handle.db
      .select({ n: count() })
      .from(importChanges)
      .where(eq(importChanges.importId, run!.id));
    expect(changes!.n).toBe(0);
  });

  it("does not duplicate on re-import, with or without an id column; a repeated id updates the earlier row", async () => {
    const actor = await newActor();
    const first = await runImport(handle.db, actor, bigFile(30), { skipInvalid: false, batchSize: 8 });
    expect(first).toMatchObject({ inserted: 30, updated: 0, unchanged: 0 });
    expect(await countIn(customers, actor.workspaceId)).toBe(7);
    const again = await runImport(handle.db, actor, bigFile(30), { skipInvalid: false, batchSize: 8 });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 30 });
    expect(await countIn(feedback, actor.workspaceId)).toBe(30);

    const noIds = {
      fileName: "no-ids.csv",
      bytes: bytes("stars,review\n5,Lovely\n5,\n5,\n1,Awful\n"),
      mapping: {
        entity: "feedback",
        columns: { score: "stars", text: "review" },
        constants: { source: "review", metricKind: "rating", receivedAt: "2024-01-01T00:00:00Z" },
      },
    };
    expect(await runImport(handle.db, actor, noIds, { skipInvalid: false })).toMatchObject({ inserted: 4 });
    expect(await runImport(handle.db, actor, noIds, { skipInvalid: false })).toMatchObject({
      inserted: 0,
      unchanged: 4,
    });
    expect(await countIn(feedback, actor.workspaceId)).toBe(34);

    const repeated = await runImport(
      handle.db,
      actor,
      surveyFile(["r1,,5,First,2024-05-01T10:00:00Z", "r1,,4,Second,2024-05-01T10:00:00Z"]),
      { skipInvalid: false },
    );
    expect(repeated).toMatchObject({ inserted: 1, updated: 1 });
    const [r1] = await handle.db
      .select({ text: feedback.text })
      .from(feedback)
      .where(and(eq(feedback.workspaceId, actor.workspaceId), eq(feedback.externalId, "r1")));
    expect(r1!.text).toBe("Second");
    // undo goes back to before the import: the row it inserted is gone, not restored to "First"
    expect(await undoImport(handle.db, actor, repeated.importId)).toMatchObject({ deleted: 1, restored: 0 });
    expect(await countIn(feedback, actor.workspaceId)).toBe(34);
  });

  it("undoes an import: deletes what it inserted, restores what it updated, refuses while a later import depends on it", async () => {
    const actor = await newActor();
    const a = await runImport(
      handle.db,
      actor,
      surveyFile(["u1,c1,5,Great service,2024-05-01T10:00:00Z", "u2,c2,1,Rude staff,2024-05-01T11:00:00Z"]),
      { skipInvalid: false },
    );
    const b = await runImport(
      handle.db,
      actor,
      surveyFile(["u2,c2,4,Actually fine,2024-05-01T11:00:00Z", "u3,c3,3,Meh,2024-05-01T12:00:00Z"]),
      { skipInvalid: false },
    );
    expect(b).toMatchObject({ inserted: 1, updated: 1 });
    expect(await countIn(customers, actor.workspaceId)).toBe(3);

    await expect(undoImport(handle.db, actor, a.importId)).rejects.toThrow(
      `Import ${a.importId} cannot be undone: import ${b.importId} changed the same records later. Undo that one first.`,
    );
    expect(await undoImport(handle.db, actor, b.importId)).toEqual({ importId: b.importId, deleted: 2, restored: 1 });
    const left = await handle.db
      .select({ externalId: feedback.externalId, score: feedback.score, text: feedback.text })
      .from(feedback)
      .where(eq(feedback.workspaceId, actor.workspaceId))
      .orderBy(feedback.externalId);
    expect(left).toEqual([
      { externalId: "u1", score: 5, text: "Great service" },
      { externalId: "u2", score: 1, text: "Rude staff" },
    ]);
    expect(await countIn(customers, actor.workspaceId)).toBe(2);
    await expect(undoImport(handle.db, actor, b.importId)).rejects.toThrow("only a finished import can be undone");

    expect(await undoImport(handle.db, actor, a.importId)).toEqual({ importId: a.importId, deleted: 4, restored: 0 });
    expect(await countIn(feedback, actor.workspaceId)).toBe(0);
    expect(await countIn(customers, actor.workspaceId)).toBe(0);
    const statuses = await handle.db
      .select({ status: imports.status })
      .from(imports)
      .where(eq(imports.workspaceId, actor.workspaceId));
    expect(statuses.map((s) => s.status)).toEqual(["undone", "undone"]);
    // another workspace's import does not exist for this one
    await expect(undoImport(handle.db, await newActor(), a.importId)).rejects.toThrow("was not found");
  });

  it("imports customers then orders; an order of an unknown customer is reported by row, and skipped on request", async () => {
    const actor = await newActor();
    const people = await runImport(
      handle.db,
      actor,
      {
        fileName: "customers.csv",
        bytes: bytes("Customer ID,Name,State\nk1,Ana,SP\nk2,Bruno,RJ\n"),
        mapping: { entity: "customer", columns: { externalId: "Customer ID", name: "Name", region: "State" } },
      },
      { skipInvalid: false },
    );
    expect(people).toMatchObject({ inserted: 2 });
    const orderFile = () => ({
      fileName: "orders.csv",
      bytes: bytes("order,customer,total,when\no1,k1,10.50,2024-01-02T00:00:00Z\no2,zz,3,2024-01-02T00:00:00Z\n"),
      mapping: {
        entity: "order",
        columns: { externalId: "order", customerExternalId: "customer", amount: "total", orderedAt: "when" },
        constants: { currency: "BRL" },
      },
    });
    const refused = await runImport(handle.db, actor, orderFile(), { skipInvalid: false }).catch((e: unknown) => e);
    expect((refused as ImportRejected).errors).toEqual([
      { row: 3, column: "customer", message: "Customer zz does not exist; send it to POST /api/v1/customers first." },
    ]);
    expect(await countIn(orders, actor.workspaceId)).toBe(0);
    const run = await runImport(handle.db, actor, orderFile(), { skipInvalid: true });
    expect(run).toMatchObject({ inserted: 1, skipped: 1 });
    const [order] = await handle.db.select().from(orders).where(eq(orders.workspaceId, actor.workspaceId));
    expect(order).toMatchObject({ externalId: "o1", amount: "10.50", currency: "BRL" });
    await expect(undoImport(handle.db, actor, people.importId)).rejects.toThrow(
      /customer\(s\) it created now have orders/,
    );
    await undoImport(handle.db, actor, run.importId);
    expect(await undoImport(handle.db, actor, people.importId)).toMatchObject({ deleted: 2 });
  });
});
