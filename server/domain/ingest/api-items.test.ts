import { describe, expect, it } from "vitest";
import { duplicateKeyErrors, invalidMessage, readItems } from "./api-items";
import { feedbackInput } from "./feedback-input";

const valid = { source: "survey", externalId: "1", receivedAt: "2025-01-01T00:00:00Z" };

describe("readItems", () => {
  it("reads one object as a single item and an array as a batch", () => {
    expect(readItems(valid, feedbackInput, 3, "items")).toMatchObject({
      ok: true,
      single: true,
      items: [{ externalId: "1" }],
    });
    const batch = readItems([valid, { ...valid, externalId: 2 }], feedbackInput, 3, "items");
    expect(batch).toMatchObject({ ok: true, single: false, items: [{ externalId: "1" }, { externalId: "2" }] });
  });

  it("lists every problem of every item, with its index", () => {
    const result = readItems(
      [valid, { ...valid, score: 5 }, { source: "fax", externalId: "", receivedAt: "2025-01-01" }],
      feedbackInput,
      3,
      "feedback items",
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `${e.index}:${e.path}`)).toEqual([
      "1:score",
      "2:source",
      "2:externalId",
      "2:receivedAt",
    ]);
    expect(result.message).toBe(
      "2 of 3 feedback items are invalid; nothing was written. Fix them and send the request again.",
    );
  });

  it("refuses empty and oversized batches without item errors", () => {
    expect(readItems([], feedbackInput, 2, "items")).toEqual({
      ok: false,
      errors: [],
      message: "Send at least one of the items.",
    });
    const big = readItems([valid, valid, valid], feedbackInput, 2, "items");
    expect(big).toMatchObject({
      ok: false,
      errors: [],
      message: expect.stringContaining("at most 2 items per request (got 3)"),
    });
  });

  it("words a single bad item in the singular", () => {
    expect(
      invalidMessage(
        [
          { index: 4, path: "a", message: "" },
          { index: 4, path: "b", message: "" },
        ],
        9,
        "orders",
      ),
    ).toBe("1 of 9 orders is invalid; nothing was written. Fix it and send the request again.");
  });
});

describe("duplicateKeyErrors", () => {
  it("flags every repeat of a key after its first item", () => {
    const items = ["a", "b", "a", "c", "a"];
    expect(
      duplicateKeyErrors(
        items,
        (x) => x,
        "externalId",
        (x) => `Item ${x}`,
      ),
    ).toEqual([
      { index: 2, path: "externalId", message: "Item a is also item 0 of this request; send each once." },
      { index: 4, path: "externalId", message: "Item a is also item 0 of this request; send each once." },
    ]);
    expect(duplicateKeyErrors(["a", "b"], (x) => x, "externalId", String)).toEqual([]);
  });
});
