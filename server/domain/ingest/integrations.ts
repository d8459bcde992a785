import { z } from "zod";
import { METRIC_KINDS } from "../enums";
import { genericWebhookMappingInput } from "./adapters/generic";

/**
 * API keys and webhook endpoints of a workspace (Settings → Integrations): value lists the schema's
 * enums reuse, the format of a key, and the zod inputs of the Settings procedures. Pure.
 */

/** What a key may do: `ingest` writes through POST /api/v1/…; `read` is for exports and reads. */
export const API_KEY_SCOPES = ["ingest", "read"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const WEBHOOK_TOOLS = ["typeform", "delighted", "surveymonkey", "zendesk", "generic"] as const;
export type WebhookTool = (typeof WEBHOOK_TOOLS)[number];

/** Hex characters of a key's public prefix (shown in lists to tell keys apart). */
export const API_KEY_PREFIX_LENGTH = 10;

const TOKEN = /^tp_([0-9a-f]+)_([A-Za-z0-9_-]{20,})$/;

/**
 * Reads `tp_<prefix>_<secret>` (the secret is base64url, so it may itself contain "_"): the public
 * prefix that finds the key, or null when the text is not shaped like a Touchpoint key.
 */
export function parseApiKeyToken(token: string): { prefix: string } | null {
  const match = TOKEN.exec(token.trim());
  if (!match || match[1]!.length !== API_KEY_PREFIX_LENGTH) return null;
  return { prefix: match[1]! };
}

/** The token of an `Authorization: Bearer <token>` header, or null (scheme case-insensitive). */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match ? match[1]! : null;
}

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "Name the key after what uses it, e.g. “Zapier”.").max(100),
  scope: z.enum(API_KEY_SCOPES).default("ingest"),
  /** Requests per minute on average; bursts up to the same number. */
  rateLimitPerMinute: z.number().int().min(1).max(100_000).default(600),
});
export type CreateApiKeyInput = z.output<typeof createApiKeyInput>;

export const idInput = z.object({ id: z.number().int().positive() });

export const secretText = z.string().trim().min(8, "A signing secret has at least 8 characters.").max(500);

/**
 * A webhook endpoint per tool. The secret is what the tool signs with: Typeform's secret (any
 * text pasted into Typeform, so generated when left out), Zendesk's signing secret (Zendesk shows
 * it), SurveyMonkey's app API secret with the app's API key and an access token to read responses;
 * the generic webhook's X-Touchpoint-Signature secret (generated when left out). Delighted signs
 * nothing: the URL's token is its only proof, so it takes no secret.
 */
export const createWebhookInput = z.discriminatedUnion("tool", [
  z.object({
    tool: z.literal("typeform"),
    name: z.string().trim().min(1).max(100),
    secret: secretText.optional(),
    scoreField: z.string().trim().min(1).max(200).optional(),
    metricKind: z.enum(METRIC_KINDS).optional(),
  }),
  z.object({ tool: z.literal("delighted"), name: z.string().trim().min(1).max(100) }),
  z.object({
    tool: z.literal("surveymonkey"),
    name: z.string().trim().min(1).max(100),
    secret: secretText,
    apiKey: z.string().trim().min(1).max(500),
    accessToken: z.string().trim().min(1).max(2000),
    fivePointKind: z.enum(["csat", "rating"]).default("rating"),
  }),
  z.object({ tool: z.literal("zendesk"), name: z.string().trim().min(1).max(100), secret: secretText }),
  z.object({
    tool: z.literal("generic"),
    name: z.string().trim().min(1).max(100),
    secret: secretText.optional(),
    mapping: genericWebhookMappingInput,
  }),
]);
export type CreateWebhookInput = z.output<typeof createWebhookInput>;

/** What an endpoint keeps besides its secret, per tool (the `config` column). */
export type WebhookConfig = Omit<CreateWebhookInput, "tool" | "name" | "secret">;

/** The config part of a create input: everything but the tool, the name and the secret. */
export function webhookConfigOf(input: CreateWebhookInput): Record<string, unknown> {
  const { tool: _tool, name: _name, ...rest } = input;
  const config: Record<string, unknown> = { ...rest };
  delete config.secret;
  return config;
}

/**
 * Seconds until a token bucket holding `tokens` (< 1) refilled at `perSecond` holds one token
 * again: the Retry-After of a 429, rounded up, at least 1.
 */
export function retryAfterSeconds(tokens: number, perSecond: number): number {
  if (!(perSecond > 0)) throw new Error("A bucket refills at a positive rate.");
  return Math.max(1, Math.ceil((1 - Math.min(tokens, 1)) / perSecond));
}
