import { describe, expect, it } from "vitest";
import { ContentOccurrences } from "./content-hash";
import { columnMappingInput, resolveMapping, suggestColumns, suggestMetricKind, type ResolvedMapping } from "./mapping";
import { validateRow } from "./validate-row";

function bind(headers: string[], mapping: unknown): ResolvedMapping {
  const result = resolveMapping(headers, columnMappingInput.parse(mapping));
  if ("errors" in result) throw new Error(result.errors.join("; "));
  return result.resolved;
}

describe("suggestColumns", () => {
  it("reads synonyms however the header is written and ignores an index column", () => {
    expect(suggestColumns(["", "Customer ID", "Review Text", "Rating", "created_at", "Title"], "feedback")).toEqual({
      customerExternalId: "Customer ID",
      score: "Rating",
      title: "Title",
      text: "Review Text",
      receivedAt: "created_at",
    });
    expect(suggestColumns(["customer_id", "customerEmail", "Contract", "Churn"], "customer")).toEqual({
      externalId: "customer_id",
      email: "customerEmail",
      segment: "Contract",
      churned: "Churn",
    });
    expect(suggestColumns(["Unnamed: 0", "index", "review_title"], "feedback")).toEqual({ title: "review_title" });
  });

  it("suggests the scale of a score column", () => {
    expect(suggestMetricKind("NPS")).toBe("nps");
    expect(suggestMetricKind("Satisfaction")).toBe("csat");
    expect(suggestMetricKind("Rating", ["1", "5", "3"])).toBe("rating");
    expect(suggestMetricKind("score", ["0", "9"])).toBe("nps");
    expect(suggestMetricKind("score", ["1", "7"])).toBe("ces");
    expect(suggestMetricKind("score", ["x"])).toBeNull();
  });
});

describe("columnMappingInput", () => {
  it("names what each entity still needs and refuses foreign fields and unknown zones", () => {
    const result = columnMappingInput.safeParse({
      entity: "order",
      columns: { score: "x" },
      timeZone: "Mars/Base",
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      "timeZone: Choose an IANA time zone such as Europe/Warsaw, America/Sao_Paulo or UTC.",
      'columns.score: An import of order has no field "score".',
      "columns.customerExternalId: Map the column holding the customer id of each order.",
      "columns.amount: Map the column holding the amount.",
      "columns.orderedAt: Map the order date column, or choose one date for every row.",
    ]);
  });

  it("catches a saved mapping whose columns the file lacks", () => {
    const mapping = columnMappingInput.parse({ entity: "customer", columns: { externalId: "id" } });
    expect(resolveMapping(["customer_id"], mapping)).toEqual({
      errors: ['The file has no column "id" (mapped to externalId); pick another column.'],
    });
  });
});

describe("validateRow", () => {
  const feedbackHeaders = ["id", "when", "stars", "comment", "title"];
  const feedback = bind(feedbackHeaders, {
    entity: "feedback",
    columns: { externalId: "id", receivedAt: "when", score: "stars", text: "comment", title: "title" },
    constants: { source: "review", metricKind: "csat" },
    valueMaps: { score: { good: "5", Bad: "1" } },
    dateFormat: "dmy",
    timeZone: "Europe/Warsaw",
  });

  it("builds the feedback input with value maps, decoded entities, a joined title and null blanks", () => {
    expect(validateRow(["r1", "01/07/2024 10:00", "GOOD", "Fast &amp; friendly", ""], 2, feedback)).toEqual({
      ok: true,
      value: {
        source: "review",
        externalId: "r1",
        channel: null,
        metricKind: "csat",
        score: 5,
        text: "Fast & friendly",
        language: null,
        receivedAt: "2024-07-01T08:00:00Z",
        customerExternalId: null,
        customerEmail: null,
        customerName: null,
      },
    });
    const titled = validateRow(["r2", "01/07/2024", "4", "", "Nice"], 3, feedback);
    expect(titled.ok && titled.value).toMatchObject({ text: "Nice" });
  });

  it("lists each bad cell by row and column", () => {
    expect(validateRow(["", "2024-07-01", "9", "x", ""], 7, feedback)).toEqual({
      ok: false,
      errors: [
        { row: 7, column: "when", message: '"2024-07-01" is not a date like 31/12/2024 or 31/12/2024 14:05.' },
        { row: 7, column: "id", message: "This cell is blank, but every feedback needs its id." },
        {
          row: 7,
          column: "stars",
          message: expect.stringContaining("A CSAT score is a whole number from 1 to 5, not 9"),
        },
      ],
    });
  });

  it("gives rows without an id column a content hash of their values", () => {
    const noId = bind(["stars", "comment"], {
      entity: "feedback",
      columns: { score: "stars", text: "comment" },
      constants: { source: "review", metricKind: "rating", receivedAt: "2024-01-01T00:00:00Z" },
    });
    const a = validateRow(["4", "ok"], 2, noId);
    const b = validateRow(["4.0", " ok "], 9, noId);
    const c = validateRow(["5", "ok"], 3, noId);
    expect(a.ok && a.value.externalId).toMatch(/^sha256:/);
    expect(a.ok && b.ok && a.value.externalId === b.value.externalId).toBe(true);
    expect(a.ok && c.ok && a.value.externalId !== c.value.externalId).toBe(true);
    const occurrences = new ContentOccurrences();
    const ids = [
      ["4", "ok"],
      ["5", "ok"],
      ["4", "ok"],
    ].map((cells, i) => {
      const result = validateRow(cells, i + 2, noId, occurrences);
      return result.ok ? result.value.externalId : null;
    });
    expect(ids).toEqual([a.ok && a.value.externalId, c.ok && c.value.externalId, `${a.ok && a.value.externalId}#2`]);
  });

  const orderHeaders = ["order", "customer", "total", "date"];
  const orders = (negativeAmountsAreRefunds: boolean) =>
    bind(orderHeaders, {
      entity: "order",
      columns: { externalId: "order", customerExternalId: "customer", amount: "total", orderedAt: "date" },
      constants: { currency: "BRL" },
      negativeAmountsAreRefunds,
    });

  it("refuses a negative purchase unless negative amounts are refunds", () => {
    expect(validateRow(["o1", "c1", "-12.50", "2024-01-01T10:00:00Z"], 4, orders(false))).toEqual({
      ok: false,
      errors: [
        {
          row: 4,
          column: "total",
          message:
            'A purchase cannot be negative (-12.50); if negative amounts in this file are refunds, tick "negative amounts are refunds".',
        },
      ],
    });
    const refund = validateRow(["o1", "c1", "-12.50", "2024-01-01T10:00:00Z"], 4, orders(true));
    expect(refund.ok && refund.value).toMatchObject({ kind: "refund", amount: "-12.50", currency: "BRL" });
    const purchase = validateRow(["o2", "c1", "$1,000", "2024-01-01"], 5, orders(true));
    expect(purchase.ok && purchase.value).toMatchObject({ kind: "purchase", amount: "1000.00" });
    expect(validateRow(["o3", "c1", "12,5", "2024-01-01"], 6, orders(true))).toMatchObject({
      ok: false,
      errors: [{ column: "total", message: expect.stringContaining("is not an amount") }],
    });
  });

  it("maps segments and churn flags for customers", () => {
    const customers = bind(["id", "Contract", "Churn", "left"], {
      entity: "customer",
      columns: { externalId: "id", segment: "Contract", churned: "Churn", churnedAt: "left" },
      valueMaps: { segment: { "Month-to-month": "Flexible" } },
      constants: { churnedAt: "2024-06-30T00:00:00Z" },
    });
    const churned = validateRow(["7590-VHVEG", "Month-to-month", "Yes", ""], 2, customers);
    expect(churned.ok && churned.value).toMatchObject({ segment: "Flexible", churnedAt: "2024-06-30T00:00:00Z" });
    const stayed = validateRow(["5575-GNVDE", "One year", "No", ""], 3, customers);
    expect(stayed.ok && stayed.value).toMatchObject({ segment: "One year", churnedAt: null });
    expect(validateRow(["x", "One year", "perhaps", ""], 4, customers)).toMatchObject({
      ok: false,
      errors: [{ column: "Churn", message: expect.stringContaining("is not yes/no") }],
    });
  });
});
