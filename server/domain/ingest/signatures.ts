/**
 * Webhook signature checks with Web Crypto (`globalThis.crypto.subtle`: Node 20+, browsers, edge
 * runtimes), each against the raw request body exactly as received — re-serialised JSON would not
 * match. Secrets are per workspace. Comparisons are constant-time; where the tool sends a
 * timestamp, requests more than 5 minutes away from now are refused as replays.
 *
 * - Typeform: `Typeform-Signature: sha256=<base64 HMAC-SHA256(secret, body)>`; no timestamp.
 * - Zendesk: `X-Zendesk-Webhook-Signature: <base64 HMAC-SHA256(secret, timestamp + body)>` with the
 *   timestamp from `X-Zendesk-Webhook-Signature-Timestamp` (ISO 8601), which must be fresh.
 * - SurveyMonkey: `Sm-Signature: <base64 HMAC-SHA1("<api key>&<api secret>", body)>`; no timestamp.
 * - Delighted signs nothing. Its webhook must carry either a per-workspace token in the URL
 *   (`/api/v1/webhooks/delighted?token=…`, checked with verifyUrlToken) or, from a relay the
 *   workspace controls, the Touchpoint header below. The generic webhook uses the same header.
 * - Touchpoint: `X-Touchpoint-Signature: t=<unix seconds>,sha256=<base64 HMAC-SHA256(secret, "<t>.<body>")>`.
 */

export const MAX_SIGNATURE_AGE_MS = 5 * 60 * 1000;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

type Body = string | Uint8Array;

const encoder = new TextEncoder();

function bytesOf(value: Body): Uint8Array<ArrayBuffer> {
  return typeof value === "string" ? encoder.encode(value) : new Uint8Array(value);
}

function concat(...parts: Body[]): Uint8Array<ArrayBuffer> {
  const arrays = parts.map(bytesOf);
  const out = new Uint8Array(arrays.reduce((sum, array) => sum + array.length, 0));
  let offset = 0;
  for (const array of arrays) {
    out.set(array, offset);
    offset += array.length;
  }
  return out;
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** base64 of HMAC(`key`, `message`) with SHA-256 or SHA-1, over UTF-8 bytes when given strings. */
export async function hmacBase64(hash: "SHA-256" | "SHA-1", key: string, message: Body): Promise<string> {
  const cryptoKey = await globalThis.crypto.subtle.importKey("raw", bytesOf(key), { name: "HMAC", hash }, false, [
    "sign",
  ]);
  return base64(new Uint8Array(await globalThis.crypto.subtle.sign("HMAC", cryptoKey, bytesOf(message))));
}

/**
 * Whether `a` equals `b`, in time that depends only on their lengths: every byte is compared (XOR
 * folded), and a length difference is folded in rather than returned early.
 */
export function timingSafeEqual(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  let difference = x.length ^ y.length;
  const length = Math.max(x.length, y.length);
  for (let i = 0; i < length; i++) difference |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return difference === 0;
}

function missing(header: string): SignatureCheck {
  return { ok: false, reason: `The request is not signed: the ${header} header is missing.` };
}

function mismatch(header: string): SignatureCheck {
  return { ok: false, reason: `The ${header} signature does not match; check the webhook's secret.` };
}

function freshness(instantMs: number, now: Date, header: string): SignatureCheck {
  if (!Number.isFinite(instantMs)) return { ok: false, reason: `The ${header} header is not a timestamp.` };
  if (Math.abs(now.getTime() - instantMs) > MAX_SIGNATURE_AGE_MS) {
    return { ok: false, reason: `The request is stale: its ${header} is more than 5 minutes from now.` };
  }
  return { ok: true };
}

/** Typeform: `signature` is the `Typeform-Signature` header value, "sha256=<base64>". */
export async function verifyTypeformSignature(body: Body, signature: string | null, secret: string) {
  if (!signature) return missing("Typeform-Signature");
  const expected = `sha256=${await hmacBase64("SHA-256", secret, body)}`;
  return timingSafeEqual(signature.trim(), expected) ? ({ ok: true } as const) : mismatch("Typeform-Signature");
}

/**
 * Zendesk: `signature` and `timestamp` are the X-Zendesk-Webhook-Signature and
 * X-Zendesk-Webhook-Signature-Timestamp headers; the timestamp is checked for freshness before the
 * HMAC, so a replayed request is refused whatever its signature. An empty body is signed as "".
 */
export async function verifyZendeskSignature(
  body: Body,
  signature: string | null,
  timestamp: string | null,
  secret: string,
  now: Date = new Date(),
): Promise<SignatureCheck> {
  if (!signature) return missing("X-Zendesk-Webhook-Signature");
  if (!timestamp) return missing("X-Zendesk-Webhook-Signature-Timestamp");
  const fresh = freshness(Date.parse(timestamp), now, "X-Zendesk-Webhook-Signature-Timestamp");
  if (!fresh.ok) return fresh;
  const expected = await hmacBase64("SHA-256", secret, concat(timestamp, body));
  return timingSafeEqual(signature.trim(), expected) ? { ok: true } : mismatch("X-Zendesk-Webhook-Signature");
}

/** SurveyMonkey: `signature` is the `Sm-Signature` header; the key is "<api key>&<api secret>" of the app. */
export async function verifySurveyMonkeySignature(
  body: Body,
  signature: string | null,
  apiKey: string,
  apiSecret: string,
): Promise<SignatureCheck> {
  if (!signature) return missing("Sm-Signature");
  const expected = await hmacBase64("SHA-1", `${apiKey}&${apiSecret}`, body);
  return timingSafeEqual(signature.trim(), expected) ? { ok: true } : mismatch("Sm-Signature");
}

/** Delighted (unsigned upstream): the `token` of the webhook URL against the workspace's, constant-time. */
export function verifyUrlToken(given: string | null, expected: string): SignatureCheck {
  if (!given) return { ok: false, reason: "The webhook URL carries no token; copy the URL shown in Settings." };
  return timingSafeEqual(given, expected) ? { ok: true } : { ok: false, reason: "The webhook token is not valid." };
}

/** The `X-Touchpoint-Signature` value for `body` at `now`: "t=<unix seconds>,sha256=<base64>". */
export async function signTouchpoint(body: Body, secret: string, now: Date = new Date()): Promise<string> {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},sha256=${await hmacBase64("SHA-256", secret, concat(`${t}.`, body))}`;
}

/** Checks an `X-Touchpoint-Signature` header (see signTouchpoint): well-formed, fresh, matching. */
export async function verifyTouchpointSignature(
  body: Body,
  header: string | null,
  secret: string,
  now: Date = new Date(),
): Promise<SignatureCheck> {
  if (!header) return missing("X-Touchpoint-Signature");
  const match = /^t=(\d{1,12}),sha256=([A-Za-z0-9+/=]+)$/.exec(header.trim());
  if (!match) return { ok: false, reason: 'X-Touchpoint-Signature must read "t=<unix seconds>,sha256=<base64>".' };
  const fresh = freshness(Number(match[1]) * 1000, now, "X-Touchpoint-Signature time");
  if (!fresh.ok) return fresh;
  const expected = await hmacBase64("SHA-256", secret, concat(`${match[1]}.`, body));
  return timingSafeEqual(match[2]!, expected) ? { ok: true } : mismatch("X-Touchpoint-Signature");
}
