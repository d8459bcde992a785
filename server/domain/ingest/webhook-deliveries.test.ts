import { describe, expect, it } from "vitest";
import { deliveryRecordOf, WEBHOOK_DELIVERY_MESSAGE_MAX, webhookDeliveriesInput } from "./webhook-deliveries";

const none = { itemsCreated: 0, itemsUpdated: 0, itemsUnchanged: 0, itemsIgnored: 0 };

describe("deliveryRecordOf", () => {
  it.each([
    ["created", { itemsCreated: 1 }],
    ["updated", { itemsUpdated: 1 }],
    ["unchanged", { itemsUnchanged: 1 }],
  ])("counts an accepted item that was %s", (status, counts) => {
    expect(deliveryRecordOf({ status: 200, body: { status, id: 7, externalId: "typeform:x" } })).toEqual({
      httpStatus: 200,
      outcome: "accepted",
      ...none,
      ...counts,
      errorCode: null,
      message: null,
    });
  });

  it("keeps the reason an event was ignored", () => {
    expect(deliveryRecordOf({ status: 200, body: { status: "ignored", reason: "Not a form response." } })).toEqual({
      httpStatus: 200,
      outcome: "accepted",
      ...none,
      itemsIgnored: 1,
      errorCode: null,
      message: "Not a form response.",
    });
  });

  it("does not count an accepted body of an unknown shape, nor a prototype key", () => {
    expect(deliveryRecordOf({ status: 200, body: { status: "toString" } })).toMatchObject(none);
    expect(deliveryRecordOf({ status: 204, body: null })).toMatchObject({ outcome: "accepted", ...none });
  });

  it("logs a refusal with the code and the message the sender got", () => {
    const answer = {
      status: 401,
      body: { error: { code: "unauthorized", message: "The Typeform-Signature signature does not match." } },
    };
    expect(deliveryRecordOf(answer)).toEqual({
      httpStatus: 401,
      outcome: "rejected",
      ...none,
      errorCode: "unauthorized",
      message: "The Typeform-Signature signature does not match.",
    });
  });

  it("adds the first item error and how many more there are", () => {
    const items = [
      { index: 0, path: "score", message: 'Zendesk score "meh" is not good or bad.' },
      { index: 0, path: "externalId", message: "The external id is blank." },
      { index: 0, path: "", message: "Third." },
    ];
    const record = deliveryRecordOf({
      status: 400,
      body: { error: { code: "invalid_input", message: "The payload cannot be read as feedback.", items } },
    });
    expect(record.message).toBe(
      'The payload cannot be read as feedback. score: Zendesk score "meh" is not good or bad. (and 2 more)',
    );
    const pathless = deliveryRecordOf({
      status: 400,
      body: { error: { code: "invalid_input", message: "Refused.", items: [{ path: "", message: "No id." }] } },
    });
    expect(pathless.message).toBe("Refused. No id.");
  });

  it("cuts a long message, and names the status when the body says nothing", () => {
    const long = deliveryRecordOf({ status: 400, body: { error: { code: "x", message: "word ".repeat(200) } } });
    expect(long.message).toHaveLength(WEBHOOK_DELIVERY_MESSAGE_MAX);
    expect(long.message!.endsWith("…")).toBe(true);
    expect(deliveryRecordOf({ status: 502, body: "Bad gateway" })).toMatchObject({
      outcome: "rejected",
      errorCode: null,
      message: "HTTP 502",
    });
  });
});

describe("webhookDeliveriesInput", () => {
  it("defaults the limit and refuses more than the log keeps", () => {
    expect(webhookDeliveriesInput.parse({ endpointId: 3 })).toEqual({ endpointId: 3, limit: 20 });
    expect(webhookDeliveriesInput.safeParse({ endpointId: 3, limit: 101 }).error?.issues[0]?.message).toBe(
      "At most the last 100 deliveries are kept.",
    );
    expect(webhookDeliveriesInput.safeParse({ endpointId: 0 }).success).toBe(false);
  });
});
