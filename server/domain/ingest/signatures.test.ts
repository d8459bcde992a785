import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  hmacBase64,
  signTouchpoint,
  timingSafeEqual,
  verifySurveyMonkeySignature,
  verifyTouchpointSignature,
  verifyTypeformSignature,
  verifyUrlToken,
  verifyZendeskSignature,
} from "./signatures";

// Expected values come from node:crypto, an implementation independent of the Web Crypto code under test.
const SECRET = "whsec_touchpoint_test_5f2c";
const BODY = '{"event_id":"LtWXD3crgy","form_response":{"token":"a3a1","answers":[{"text":"Zażółć 😀"}]}}';
const node = (algorithm: string, key: string, message: string) =>
  createHmac(algorithm, key).update(message, "utf8").digest("base64");

describe("hmacBase64", () => {
  it("matches node:crypto for SHA-256 and SHA-1, strings and bytes", async () => {
    expect(await hmacBase64("SHA-256", SECRET, BODY)).toBe(node("sha256", SECRET, BODY));
    expect(await hmacBase64("SHA-1", SECRET, BODY)).toBe(node("sha1", SECRET, BODY));
    expect(await hmacBase64("SHA-256", SECRET, new TextEncoder().encode(BODY))).toBe(node("sha256", SECRET, BODY));
    // RFC 4231 test case 2
    expect(
      Buffer.from(await hmacBase64("SHA-256", "Jefe", "what do ya want for nothing?"), "base64").toString("hex"),
    ).toBe("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  });
});

describe("timingSafeEqual", () => {
  it.each([
    ["abc", "abc", true],
    ["abc", "abd", false],
    ["abc", "abcd", false],
    ["", "", true],
    ["", "a", false],
  ])("%j vs %j → %s", (a, b, equal) => {
    expect(timingSafeEqual(a, b)).toBe(equal);
  });
});

describe("Typeform", () => {
  const header = `sha256=${node("sha256", SECRET, BODY)}`;
  it("accepts the right signature and refuses a tampered body, wrong secret or missing header", async () => {
    expect(await verifyTypeformSignature(BODY, header, SECRET)).toEqual({ ok: true });
    expect(await verifyTypeformSignature(`${BODY} `, header, SECRET)).toMatchObject({ ok: false });
    expect(await verifyTypeformSignature(BODY, header, "other")).toEqual({
      ok: false,
      reason: "The Typeform-Signature signature does not match; check the webhook's secret.",
    });
    expect(await verifyTypeformSignature(BODY, node("sha256", SECRET, BODY), SECRET)).toMatchObject({ ok: false });
    expect(await verifyTypeformSignature(BODY, null, SECRET)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("header is missing"),
    });
  });
});

describe("Zendesk", () => {
  const timestamp = "2024-05-01T09:30:00Z";
  const signature = node("sha256", SECRET, timestamp + BODY);
  const now = new Date("2024-05-01T09:32:00Z");
  it("signs timestamp + body and checks freshness", async () => {
    expect(await verifyZendeskSignature(BODY, signature, timestamp, SECRET, now)).toEqual({ ok: true });
    expect(await verifyZendeskSignature(BODY, signature, "2024-05-01T09:30:01Z", SECRET, now)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("does not match"),
    });
    expect(
      await verifyZendeskSignature(BODY, signature, timestamp, SECRET, new Date("2024-05-01T09:35:01Z")),
    ).toMatchObject({ ok: false, reason: expect.stringContaining("stale") });
    expect(
      await verifyZendeskSignature(BODY, signature, timestamp, SECRET, new Date("2024-05-01T09:24:59Z")),
    ).toMatchObject({ ok: false, reason: expect.stringContaining("stale") });
    expect(await verifyZendeskSignature(BODY, signature, null, SECRET, now)).toMatchObject({ ok: false });
    expect(await verifyZendeskSignature(BODY, signature, "soon", SECRET, now)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("not a timestamp"),
    });
  });

  it("signs an empty body as the timestamp alone", async () => {
    expect(await verifyZendeskSignature("", node("sha256", SECRET, timestamp), timestamp, SECRET, now)).toEqual({
      ok: true,
    });
  });
});

describe("SurveyMonkey", () => {
  it("keys HMAC-SHA1 with '<api key>&<api secret>'", async () => {
    const signature = node("sha1", "key123&secret456", BODY);
    expect(await verifySurveyMonkeySignature(BODY, signature, "key123", "secret456")).toEqual({ ok: true });
    expect(await verifySurveyMonkeySignature(BODY, signature, "key123", "secret457")).toMatchObject({ ok: false });
    expect(
      await verifySurveyMonkeySignature(BODY, node("sha1", "secret456", BODY), "key123", "secret456"),
    ).toMatchObject({
      ok: false,
    });
  });
});

describe("Touchpoint header (Delighted relay, generic webhooks) and URL tokens", () => {
  const now = new Date("2024-05-01T09:30:00Z");
  it("round-trips, matches an independent HMAC and refuses stale or malformed headers", async () => {
    const header = await signTouchpoint(BODY, SECRET, now);
    expect(header).toBe(`t=1714555800,sha256=${node("sha256", SECRET, `1714555800.${BODY}`)}`);
    expect(await verifyTouchpointSignature(BODY, header, SECRET, new Date("2024-05-01T09:34:59Z"))).toEqual({
      ok: true,
    });
    expect(await verifyTouchpointSignature(BODY, header, SECRET, new Date("2024-05-01T09:35:01Z"))).toMatchObject({
      ok: false,
      reason: expect.stringContaining("stale"),
    });
    expect(
      await verifyTouchpointSignature(BODY, header.replace("t=1714555800", "t=1714555801"), SECRET, now),
    ).toMatchObject({
      ok: false,
      reason: expect.stringContaining("does not match"),
    });
    expect(await verifyTouchpointSignature(BODY, "sha256=abc", SECRET, now)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("must read"),
    });
  });

  it("compares URL tokens", () => {
    expect(verifyUrlToken("tok_abc", "tok_abc")).toEqual({ ok: true });
    expect(verifyUrlToken("tok_abd", "tok_abc")).toMatchObject({ ok: false });
    expect(verifyUrlToken(null, "tok_abc")).toMatchObject({ ok: false });
  });
});
