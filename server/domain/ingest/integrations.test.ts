import { describe, expect, it } from "vitest";
import {
  bearerToken,
  createApiKeyInput,
  createWebhookInput,
  parseApiKeyToken,
  retryAfterSeconds,
  webhookConfigOf,
} from "./integrations";

const SECRET = "Zm9vYmFyYmF6cXV4X2Zvb2Jhci1iYXpxdXhmb29iYXI";

describe("API key tokens", () => {
  it.each([
    [`tp_0123456789_${SECRET}`, "0123456789"],
    [`  tp_abcdef0123_${SECRET}  `, "abcdef0123"],
    [`tp_0123456789_a_b-c${SECRET}`, "0123456789"],
  ])("reads the prefix of %s", (token, prefix) => {
    expect(parseApiKeyToken(token)).toEqual({ prefix });
  });

  it.each([
    "",
    `tp_012345678_${SECRET}`,
    `tp_01234567890_${SECRET}`,
    `tp_ABCDEF0123_${SECRET}`,
    "tp_0123456789_short",
    `sk_0123456789_${SECRET}`,
    `tp_0123456789_${SECRET}!`,
  ])("refuses %j", (token) => {
    expect(parseApiKeyToken(token)).toBeNull();
  });

  it("reads bearer headers", () => {
    expect(bearerToken("Bearer abc")).toBe("abc");
    expect(bearerToken("bearer   abc  ")).toBe("abc");
    expect(bearerToken("Basic abc")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });

  it("defaults a key to ingest at 600 requests a minute", () => {
    expect(createApiKeyInput.parse({ name: " Zapier " })).toEqual({
      name: "Zapier",
      scope: "ingest",
      rateLimitPerMinute: 600,
    });
    expect(createApiKeyInput.safeParse({ name: " " }).success).toBe(false);
    expect(createApiKeyInput.safeParse({ name: "x", scope: "admin" }).success).toBe(false);
  });
});

describe("Retry-After of an empty bucket", () => {
  it.each([
    [0, 10, 1],
    [0, 1, 1],
    [0.5, 0.1, 5],
    [0, 3 / 60, 20],
    [0.999, 3 / 60, 1],
    [-2, 1, 3],
  ])("%d tokens at %d/s → %d s", (tokens, perSecond, seconds) => {
    expect(retryAfterSeconds(tokens, perSecond)).toBe(seconds);
  });

  it("needs a positive rate", () => {
    expect(() => retryAfterSeconds(0, 0)).toThrow();
  });
});

describe("webhook endpoint inputs", () => {
  it("needs the secret of Zendesk and SurveyMonkey, none from Delighted; Typeform's may be generated", () => {
    expect(createWebhookInput.safeParse({ tool: "typeform", name: "T" }).success).toBe(true);
    expect(createWebhookInput.safeParse({ tool: "typeform", name: "T", secret: "short" }).success).toBe(false);
    expect(createWebhookInput.safeParse({ tool: "zendesk", name: "Z" }).success).toBe(false);
    expect(createWebhookInput.safeParse({ tool: "zendesk", name: "Z", secret: "short" }).success).toBe(false);
    expect(createWebhookInput.safeParse({ tool: "delighted", name: "D" }).success).toBe(true);
    expect(createWebhookInput.safeParse({ tool: "surveymonkey", name: "S", secret: "12345678" }).success).toBe(false);
    expect(createWebhookInput.safeParse({ tool: "generic", name: "G", mapping: { paths: {} } }).success).toBe(false);
  });

  it("keeps the tool's options, not its name or secret, as the config", () => {
    const input = createWebhookInput.parse({
      tool: "typeform",
      name: "NPS",
      secret: "typeform-secret",
      scoreField: "nps_question",
      metricKind: "nps",
    });
    expect(webhookConfigOf(input)).toEqual({ scoreField: "nps_question", metricKind: "nps" });
    const monkey = createWebhookInput.parse({
      tool: "surveymonkey",
      name: "S",
      secret: "sm-secret",
      apiKey: "k",
      accessToken: "t",
    });
    expect(webhookConfigOf(monkey)).toEqual({ apiKey: "k", accessToken: "t", fivePointKind: "rating" });
  });
});
