import type { DocOperation, JsonSchema, WebhookSignature } from "./openapi-model";

/**
 * Shell examples built from the OpenAPI document: a curl call per operation, with the request
 * body's own example, and for each webhook tool a script that signs a payload file exactly as
 * the document's x-webhook-tools says (openssl for the HMAC). Pure; a test runs them.
 */

/** `value` quoted for a POSIX shell: single quotes, each inner quote closed, escaped and reopened. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** The example of a component schema (its first `examples` entry), or null when it has none. */
export function exampleOf(schema: JsonSchema | undefined): unknown {
  const examples = schema?.examples;
  return Array.isArray(examples) && examples.length > 0 ? examples[0] : null;
}

const API_KEY_VARIABLE = "$TOUCHPOINT_API_KEY";

/**
 * `curl` for one operation at `origin`: the bearer key as a shell variable when the operation is
 * authenticated, an Idempotency-Key when it takes one, the example body as JSON.
 */
export function curlFor(operation: DocOperation, origin: string, example: unknown): string {
  const url = new URL(operation.path, origin).toString();
  const lines = [`curl -X ${operation.method} ${shellQuote(url)}`];
  if (operation.auth.some((auth) => auth.scheme === "bearer")) {
    lines.push(`-H "Authorization: Bearer ${API_KEY_VARIABLE}"`);
  }
  if (operation.parameters.some((parameter) => parameter.in === "header" && parameter.name === "Idempotency-Key")) {
    lines.push(`-H ${shellQuote(`Idempotency-Key: ${operation.id}-example-1`)}`);
  }
  if (operation.body && example !== null) {
    lines.push(`-H 'Content-Type: application/json'`);
    lines.push(`--data ${shellQuote(JSON.stringify(example, null, 2))}`);
  }
  return lines.join(" \\\n  ");
}

const OPENSSL_DIGEST: Record<string, string> = { "HMAC-SHA256": "-sha256", "HMAC-SHA1": "-sha1" };

/** A template of the document (`{body}`, `{timestamp}`, `{secret}`, …) with shell variables in. */
function fill(template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const variable = { timestamp: "TS", signature: "SIG", secret: "SECRET", apiKey: "API_KEY" }[name];
    return variable ? `$${variable}` : `{${name}}`;
  });
}

/** The command printing the bytes that are signed: the payload file alone, or with text around it. */
function signedBytes(signed: string): string {
  const [before = "", after = ""] = signed.split("{body}");
  if (before === "" && after === "") return "cat payload.json";
  const parts = [
    before && `printf '%s' "${fill(before)}"`,
    "cat payload.json",
    after && `printf '%s' "${fill(after)}"`,
  ];
  return `{ ${parts.filter(Boolean).join("; ")}; }`;
}

/**
 * A script that posts `payload.json` to `$WEBHOOK_URL` signed as `signature` describes, with the
 * secret in `$SECRET` (and SurveyMonkey's API key in `$API_KEY`); without a signature, a plain POST.
 */
export function signedWebhookScript(signature: WebhookSignature | null): string {
  const post = [`curl -X POST "$WEBHOOK_URL"`, `-H 'Content-Type: application/json'`];
  if (!signature) return [...post, "--data-binary @payload.json"].join(" \\\n  ");
  const digest = OPENSSL_DIGEST[signature.algorithm];
  if (!digest) throw new Error(`No openssl digest for ${signature.algorithm}.`);
  const lines: string[] = [];
  if (signature.timestamp) {
    lines.push(signature.timestamp.format === "iso-8601" ? "TS=$(date -u +%Y-%m-%dT%H:%M:%SZ)" : "TS=$(date +%s)");
  }
  const hmac = `openssl dgst ${digest} -hmac "${fill(signature.key)}" -binary`;
  lines.push([`SIG=$(${signedBytes(signature.signed)}`, `| ${hmac}`, "| base64)"].join(" \\\n  "));
  const headers = [`-H "${signature.header}: ${fill(signature.value)}"`];
  if (signature.timestamp?.header) headers.push(`-H "${signature.timestamp.header}: $TS"`);
  lines.push([...post, ...headers, "--data-binary @payload.json"].join(" \\\n  "));
  return lines.join("\n");
}
