import { describe, expect, it } from "vitest";
import { ContentOccurrences } from "./content-hash";
import { CsvStreamParser, type CsvRecord } from "./csv-stream";
import { ByteStreamDecoder, detectEncoding } from "./encoding";
import type { FeedbackInput } from "./feedback-input";
import { columnMappingInput, resolveMapping, suggestColumns, type ImportEntity } from "./mapping";
import type { OrderInput } from "./order-input";
import { hasDataset, readDatasetBytes, skipMessage } from "./test-datasets";
import { validateRow, type ImportRecord, type RowError } from "./validate-row";

const TWEETS = "airline_tweets/Tweets.csv";
const OLIST = "olist_classified/olist_classified_public_dataset.csv";
const REVIEWS = "womens_clothing_reviews/reviews.csv";

/** The header and the first `count` records, read as an import reads them: detect, decode and parse in 16 KB chunks. */
function firstRecords(path: string, count: number): { header: string[]; records: CsvRecord[] } {
  const bytes = readDatasetBytes(path);
  const guess = detectEncoding(bytes.subarray(0, 65_536));
  expect(guess).toEqual({ encoding: "utf-8", bom: false });
  const decoder = new ByteStreamDecoder("utf-8");
  const parser = new CsvStreamParser();
  const records: CsvRecord[] = [];
  for (let offset = 0; offset < bytes.length && records.length <= count; offset += 16_384) {
    records.push(...parser.push(decoder.decode(bytes.subarray(offset, offset + 16_384))));
  }
  const [header, ...rest] = records;
  return { header: header!.fields, records: rest.slice(0, count) };
}

function importRows(path: string, entity: ImportEntity, mapping: Record<string, unknown>) {
  const { header, records } = firstRecords(path, 200);
  const bound = resolveMapping(header, columnMappingInput.parse({ entity, ...mapping }));
  if ("errors" in bound) throw new Error(bound.errors.join("; "));
  const values: ImportRecord[] = [];
  const errors: RowError[] = [];
  const occurrences = new ContentOccurrences();
  for (const record of records) {
    expect(record.problem).toBeUndefined();
    const result = validateRow(record.fields, record.record, bound.resolved, occurrences);
    if (result.ok) values.push(result.value);
    else errors.push(...result.errors);
  }
  return { header, records, values, errors };
}

describe(`airline tweets${skipMessage(TWEETS)}`, () => {
  it.skipIf(!hasDataset(TWEETS))("suggests id, text, date and author; keeps 18-digit ids and offsets exact", () => {
    const { header } = firstRecords(TWEETS, 1);
    const columns = suggestColumns(header, "feedback");
    expect(columns).toEqual({
      externalId: "tweet_id",
      customerName: "name",
      text: "text",
      receivedAt: "tweet_created",
    });
    const { values, errors, records } = importRows(TWEETS, "feedback", {
      columns,
      constants: { source: "social", channel: "social" },
    });
    expect(errors).toEqual([]);
    expect(values).toHaveLength(200);
    const items = values as FeedbackInput[];
    expect(items[0]).toEqual({
      source: "social",
      externalId: "570306133677760513",
      channel: "social",
      metricKind: "none",
      score: null,
      text: "@VirginAmerica What @dhepburn said.",
      language: null,
      receivedAt: "2015-02-24T19:35:52Z",
      customerExternalId: null,
      customerEmail: null,
      customerName: "cairdin",
    });
    // a quoted field with an embedded line break and an HTML entity
    expect(items[3]!.text).toBe(
      `@VirginAmerica it's really aggressive to blast obnoxious "entertainment" in your guests' faces & they have little recourse`,
    );
    expect(items[5]!.text).toContain("playing.\nit's really the only bad thing");
    expect(records[5]!.record).toBe(7);
  });
});

describe(`Olist orders with reviews${skipMessage(OLIST)}`, () => {
  it.skipIf(!hasDataset(OLIST))(
    "imports the reviews as CSAT in São Paulo local time; a blank title adds nothing",
    () => {
      const { header } = firstRecords(OLIST, 1);
      const columns = suggestColumns(header, "feedback");
      expect(columns).toEqual({
        externalId: "id",
        score: "review_score",
        title: "review_comment_title",
        text: "review_comment_message",
        receivedAt: "review_creation_date",
      });
      const { values, errors } = importRows(OLIST, "feedback", {
        columns,
        constants: { source: "review", metricKind: "csat", channel: "web" },
        timeZone: "America/Sao_Paulo",
      });
      expect(errors).toEqual([]);
      const items = values as FeedbackInput[];
      expect(items).toHaveLength(200);
      expect(items[0]).toMatchObject({
        externalId: "1",
        metricKind: "csat",
        score: 5,
        text: "tudo certo",
        receivedAt: "2017-09-09T03:00:00Z",
      });
      expect(items.every((item) => item.score! >= 1 && item.score! <= 5)).toBe(true);
    },
  );

  it.skipIf(!hasDataset(OLIST))("imports the orders: exact BRL amounts, microsecond timestamps", () => {
    const { header } = firstRecords(OLIST, 1);
    expect(suggestColumns(header, "order")).toEqual({
      externalId: "id",
      amount: "order_products_value",
      orderedAt: "order_purchase_timestamp",
    });
    const { values, errors } = importRows(OLIST, "order", {
      // the public file is anonymised: no customer id, so each order stands for its own customer
      columns: { ...suggestColumns(header, "order"), customerExternalId: "id" },
      constants: { currency: "BRL" },
      timeZone: "America/Sao_Paulo",
    });
    expect(errors).toEqual([]);
    const orders = values as OrderInput[];
    expect(orders[0]).toEqual({
      externalId: "1",
      customerExternalId: "1",
      kind: "purchase",
      amount: "89.99",
      currency: "BRL",
      orderedAt: "2017-08-30T14:41:01Z",
      channel: null,
    });
    expect(orders[1]!.amount).toBe("69.00");
  });
});

describe(`women's clothing reviews${skipMessage(REVIEWS)}`, () => {
  it.skipIf(!hasDataset(REVIEWS))("ignores the index column, joins title and text, hashes rows without an id", () => {
    const { header } = firstRecords(REVIEWS, 1);
    expect(header[0]).toBe("");
    const columns = suggestColumns(header, "feedback");
    expect(columns).toEqual({ score: "Rating", title: "Title", text: "Review Text" });
    const { values, errors } = importRows(REVIEWS, "feedback", {
      columns,
      constants: { source: "review", metricKind: "rating", channel: "web", receivedAt: "2019-01-01T00:00:00Z" },
    });
    expect(errors).toEqual([]);
    const items = values as FeedbackInput[];
    expect(items).toHaveLength(200);
    expect(items[0]).toMatchObject({
      externalId: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      score: 4,
      text: "Absolutely wonderful - silky and sexy and comfortable",
    });
    expect(items[2]!.text!.startsWith("Some major design flaws\n\nI had such high hopes")).toBe(true);
    expect(items[1]!.text).toContain("petite and am 5'8\".  i love");
    // six rating-only reviews (no title, no text, 5 stars) are identical rows: numbered, not merged
    expect(new Set(items.map((item) => item.externalId)).size).toBe(200);
    const ratingOnly = items.filter((item) => item.text === null && item.score === 5).map((item) => item.externalId);
    expect(ratingOnly.slice(1)).toEqual(ratingOnly.slice(1).map((_, i) => `${ratingOnly[0]}#${i + 2}`));
  });
});
