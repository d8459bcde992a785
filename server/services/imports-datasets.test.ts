import { count, countDistinct, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createWorkspace } from "@/db/factories";
import { customers, feedback, orders } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { parseCsvText } from "../domain/ingest/csv-stream";
import { suggestColumns, type ImportEntity } from "../domain/ingest/mapping";
import { hasDataset, readDatasetBytes, skipMessage } from "../domain/ingest/test-datasets";
import { runImport, type ImportActor } from "./imports";

const TWEETS = "airline_tweets/Tweets.csv";
const OLIST = "olist_classified/olist_classified_public_dataset.csv";
const REVIEWS = "womens_clothing_reviews/reviews.csv";
const ROWS = 2000;

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

const quote = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field);

/** The header and the first ROWS records of a dataset, written back as CSV (quoted line breaks and all). */
function firstRows(path: string): { header: string[]; bytes: Uint8Array } {
  const records = parseCsvText(new TextDecoder().decode(readDatasetBytes(path))).slice(0, ROWS + 1);
  return {
    header: records[0]!.fields,
    bytes: new TextEncoder().encode(records.map((r) => r.fields.map(quote).join(",")).join("\r\n")),
  };
}

async function importDataset(path: string, entity: ImportEntity, extra: Record<string, unknown>, actor?: ImportActor) {
  const { header, bytes } = firstRows(path);
  const columns = { ...suggestColumns(header, entity), ...((extra.columns as object) ?? {}) };
  actor ??= { workspaceId: (await createWorkspace(handle.db)).id, userId: null };
  const mapping = { entity, ...extra, columns };
  const run = await runImport(handle.db, actor, { fileName: path, bytes, mapping }, { skipInvalid: false });
  return {
    actor,
    run,
    again: () => runImport(handle.db, actor, { fileName: path, bytes, mapping }, { skipInvalid: false }),
  };
}

async function feedbackCount(workspaceId: number) {
  const [row] = await handle.db
    .select({ n: count(), ids: countDistinct(feedback.externalId) })
    .from(feedback)
    .where(eq(feedback.workspaceId, workspaceId));
  return row!;
}

describe(`datasets through the CSV import (${testEngine()})`, () => {
  it.skipIf(!hasDataset(TWEETS))(
    `airline tweets${skipMessage(TWEETS)}: 18-digit ids kept, repeated ids not doubled`,
    async () => {
      const { actor, run, again } = await importDataset(TWEETS, "feedback", {
        constants: { source: "social", channel: "social" },
      });
      expect(run.errors).toEqual([]);
      expect(run.rowsRead).toBe(ROWS);
      expect(run.inserted + run.updated + run.unchanged).toBe(ROWS);
      const stored = await feedbackCount(actor.workspaceId);
      expect(stored.n).toBe(run.inserted);
      expect(stored.ids).toBe(stored.n);
      const [first] = await handle.db
        .select({ text: feedback.text, receivedAt: feedback.receivedAt })
        .from(feedback)
        .where(eq(feedback.externalId, "570306133677760513"));
      expect(first).toEqual({
        text: "@VirginAmerica What @dhepburn said.",
        receivedAt: new Date("2015-02-24T19:35:52Z"),
      });
      expect(await again()).toMatchObject({ inserted: 0, updated: 0 });
      expect((await feedbackCount(actor.workspaceId)).n).toBe(stored.n);
    },
  );

  it.skipIf(!hasDataset(OLIST))(`Olist reviews, customers and orders${skipMessage(OLIST)}`, async () => {
    const reviews = await importDataset(OLIST, "feedback", {
      constants: { source: "review", metricKind: "csat", channel: "web" },
      timeZone: "America/Sao_Paulo",
    });
    expect(reviews.run).toMatchObject({ rowsRead: ROWS, inserted: ROWS, errors: [] });
    const { actor } = reviews;
    const people = await importDataset(OLIST, "customer", { columns: { region: "customer_state" } }, actor);
    expect(people.run).toMatchObject({ inserted: ROWS, errors: [] });
    const sales = await importDataset(
      OLIST,
      "order",
      { columns: { customerExternalId: "id" }, constants: { currency: "BRL" }, timeZone: "America/Sao_Paulo" },
      actor,
    );
    expect(sales.run).toMatchObject({ inserted: ROWS, errors: [] });
    const [order] = await handle.db
      .select({ amount: orders.amount, orderedAt: orders.orderedAt })
      .from(orders)
      .where(eq(orders.workspaceId, actor.workspaceId))
      .orderBy(orders.id)
      .limit(1);
    expect(order).toEqual({ amount: "89.99", orderedAt: new Date("2017-08-30T14:41:01Z") });
    const [people2] = await handle.db
      .select({ n: count() })
      .from(customers)
      .where(eq(customers.workspaceId, actor.workspaceId));
    expect(people2!.n).toBe(ROWS);
    expect(await sales.again()).toMatchObject({ inserted: 0, updated: 0, unchanged: ROWS });
  });

  it.skipIf(!hasDataset(REVIEWS))(`women's clothing reviews${skipMessage(REVIEWS)}: content-hash ids`, async () => {
    const { actor, run, again } = await importDataset(REVIEWS, "feedback", {
      constants: { source: "review", metricKind: "rating", channel: "web", receivedAt: "2019-01-01T00:00:00Z" },
    });
    expect(run).toMatchObject({ rowsRead: ROWS, inserted: ROWS, errors: [] });
    expect(await again()).toMatchObject({ inserted: 0, updated: 0, unchanged: ROWS });
    expect((await feedbackCount(actor.workspaceId)).n).toBe(ROWS);
  });
});
