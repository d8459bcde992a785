import { describe, expect, it } from "vitest";
import { customerInput } from "./customer-input";
import { feedbackBatchInput, feedbackInput } from "./feedback-input";
import { toFieldErrors } from "./issues";
import { orderInput } from "./order-input";

const base = { source: "survey", externalId: "r-1", receivedAt: "2024-05-01T09:30:00+02:00" } as const;

function errorsOf(result: { success: boolean; error?: Parameters<typeof toFieldErrors>[0] }) {
  expect(result.success).toBe(false);
  return toFieldErrors(result.error!);
}

describe("feedbackInput", () => {
  it("fills defaults and normalises", () => {
    expect(feedbackInput.parse({ ...base, text: "  Great  ", customerEmail: " a@b.co " })).toEqual({
      source: "survey",
      externalId: "r-1",
      channel: null,
      metricKind: "none",
      score: null,
      text: "Great",
      language: null,
      receivedAt: "2024-05-01T07:30:00Z",
      customerExternalId: null,
      customerEmail: "a@b.co",
      customerName: null,
    });
  });

  it.each([
    ["nps", 0, true],
    ["nps", 10, true],
    ["nps", 11, false],
    ["csat", 0, false],
    ["csat", 5, true],
    ["ces", 7, true],
    ["ces", 8, false],
    ["rating", 1, true],
    ["rating", 6, false],
  ] as const)("%s score %d valid: %s", (metricKind, score, valid) => {
    expect(feedbackInput.safeParse({ ...base, metricKind, score }).success).toBe(valid);
  });

  it("says per field what is wrong", () => {
    const result = feedbackInput.safeParse({
      source: "fax",
      externalId: "",
      metricKind: "nps",
      score: 12,
      receivedAt: "2024-05-01 09:30",
      customerEmail: "nope",
      language: "english!",
    });
    const errors = errorsOf(result);
    expect(errors.map((e) => e.path).sort()).toEqual(
      ["customerEmail", "externalId", "language", "receivedAt", "score", "source"].sort(),
    );
    expect(errors.find((e) => e.path === "score")?.message).toBe(
      "A NPS score is a whole number from 0 to 10, not 12 (ranges: NPS 0–10, CSAT 1–5, CES 1–7, rating 1–5).",
    );
    expect(errors.find((e) => e.path === "externalId")?.message).toContain("blank");
  });

  it("requires a kind for a score and a score for a kind", () => {
    expect(errorsOf(feedbackInput.safeParse({ ...base, score: 3 }))[0]?.message).toContain("needs a metric kind");
    expect(errorsOf(feedbackInput.safeParse({ ...base, metricKind: "csat" }))[0]?.message).toBe(
      "A CSAT score needs a score from 1 to 5.",
    );
    expect(errorsOf(feedbackInput.safeParse({ ...base, metricKind: "nps", score: 7.5 }))[0]?.message).toBe(
      "The score must be a whole number.",
    );
  });

  it("keeps ids past 2^53 as strings and refuses them as numbers", () => {
    expect(feedbackInput.parse({ ...base, externalId: "570306133677760513" }).externalId).toBe("570306133677760513");
    expect(feedbackInput.parse({ ...base, externalId: 42 }).externalId).toBe("42");
    const errors = errorsOf(feedbackInput.safeParse({ ...base, externalId: 570306133677760513 }));
    expect(errors[0]?.message).toContain("send it as a string");
    expect(errorsOf(feedbackInput.safeParse({ ...base, externalId: "x".repeat(201) }))[0]?.message).toContain(
      "at most 200",
    );
    expect(feedbackInput.safeParse({ ...base, externalId: "x".repeat(200) }).success).toBe(true);
  });

  it("limits batches to 1–1000 and names the item index in paths", () => {
    expect(feedbackBatchInput.safeParse([]).success).toBe(false);
    expect(feedbackBatchInput.safeParse(Array.from({ length: 1001 }, () => base)).success).toBe(false);
    const errors = errorsOf(feedbackBatchInput.safeParse([base, { ...base, metricKind: "csat", score: 9 }]));
    expect(errors.map((e) => e.path)).toEqual(["1.score"]);
  });
});

describe("customerInput", () => {
  it("accepts a customer and orders the dates", () => {
    expect(
      customerInput.parse({ externalId: "c1", segment: " SMB ", createdAt: "2024-01-01T00:00:00Z", churnedAt: null }),
    ).toMatchObject({ externalId: "c1", segment: "SMB", createdAt: "2024-01-01T00:00:00Z", churnedAt: null });
    const errors = errorsOf(
      customerInput.safeParse({
        externalId: "c1",
        createdAt: "2024-01-01T00:00:00.5Z",
        churnedAt: "2024-01-01T00:00:00.25Z",
      }),
    );
    expect(errors).toEqual([
      { path: "churnedAt", message: expect.stringContaining("before the customer was created") },
    ]);
    expect(
      customerInput.safeParse({
        externalId: "c1",
        createdAt: "2024-01-01T00:00:00Z",
        churnedAt: "2024-01-01T00:00:00.1Z",
      }).success,
    ).toBe(true);
  });
});

describe("orderInput", () => {
  const order = { externalId: "o1", customerExternalId: "c1", orderedAt: "2024-01-01T00:00:00Z" };
  it("normalises amounts exactly and applies the sign rule", () => {
    expect(orderInput.parse({ ...order, amount: "12.5" })).toMatchObject({
      amount: "12.50",
      kind: "purchase",
      currency: "USD",
    });
    expect(orderInput.parse({ ...order, amount: "-0.10", kind: "refund" }).amount).toBe("-0.10");
    expect(orderInput.parse({ ...order, amount: "0", kind: "refund" }).amount).toBe("0.00");
    expect(errorsOf(orderInput.safeParse({ ...order, amount: "-1" }))[0]).toEqual({
      path: "amount",
      message: 'A purchase cannot be negative (-1.00); send it as kind "refund".',
    });
    expect(errorsOf(orderInput.safeParse({ ...order, amount: "1", kind: "refund" }))[0]?.message).toContain(
      "negative amount or 0",
    );
  });

  it.each([[12.5], ["12.345"], ["1e3"], ["1,5"], ["1000000000000.00"]])("rejects the amount %j", (amount) => {
    expect(errorsOf(orderInput.safeParse({ ...order, amount }))[0]?.path).toBe("amount");
  });

  it("accepts the largest numeric(14, 2) and checks the currency", () => {
    expect(orderInput.parse({ ...order, amount: "999999999999.99" }).amount).toBe("999999999999.99");
    expect(errorsOf(orderInput.safeParse({ ...order, amount: "1", currency: "usd" }))[0]?.path).toBe("currency");
  });
});
