import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import type { ApiErrorCode } from "../../services/ingest-http";
import { customerInput } from "./customer-input";
import { feedbackInput } from "./feedback-input";
import { WEBHOOK_TOOLS } from "./integrations";
import { API_ERROR_CODES, INGEST_EXAMPLES } from "./openapi";
import type { WebhookSignatureDoc } from "./openapi-webhooks";
import { orderInput } from "./order-input";
import {
  hmacBase64,
  verifySurveyMonkeySignature,
  verifyTouchpointSignature,
  verifyTypeformSignature,
  verifyZendeskSignature,
} from "./signatures";

const API_DIR = fileURLToPath(new URL("../../../app/api/v1/", import.meta.url));
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route handler under app/api/v1 as "METHOD /api/v1/path", dynamic segments as {name}. */
function routeHandlers(dir = API_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeHandlers(path);
    if (entry.name !== "route.ts") return [];
    const source = readFileSync(path, "utf8");
    const url = `/api/v1/${relative(API_DIR, dir)}`.replace(/\[(\w+)\]/g, "{$1}");
    return HTTP_METHODS.filter((method) =>
      new RegExp(`export\\s+(const|(async\\s+)?function)\\s+${method}\\b`).test(source),
    ).map((method) => `${method} ${url}`);
  });
}

type Operation = {
  operationId: string;
  security?: Record<string, string[]>[];
  parameters?: { name?: string; in?: string; $ref?: string }[];
  responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema: unknown }> }>;
  "x-webhook-tools"?: { tool: string; signature: WebhookSignatureDoc | null }[];
};
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, { examples?: unknown[] }> };
};

async function openApiDocument(): Promise<Document> {
  const response = GET();
  expect(response.status).toBe(200);
  return JSON.parse(await response.text()) as Document;
}

function operations(document: Document): [string, Operation][] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => [`${method.toUpperCase()} ${path}`, operation] as const),
  ) as [string, Operation][];
}

/** Every `$ref` in `node`. */
function refs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refs);
  if (node && typeof node === "object") {
    return Object.entries(node).flatMap(([key, value]) =>
      key === "$ref" && typeof value === "string" ? [value] : refs(value),
    );
  }
  return [];
}

describe("the OpenAPI document served at /api/v1/openapi.json", () => {
  it("describes exactly the route handlers under app/api/v1, method by method", async () => {
    const handlers = routeHandlers();
    expect(handlers).toContain("POST /api/v1/webhooks/{tool}");
    const documented = operations(await openApiDocument()).map(([name]) => name);
    expect(documented.sort()).toEqual(handlers.sort());
  });

  it("is well formed: unique operation ids, known security schemes, declared path parameters, resolvable refs", async () => {
    const document = await openApiDocument();
    const ids = operations(document).map(([, operation]) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [name, operation] of operations(document)) {
      for (const requirement of operation.security ?? []) {
        for (const scheme of Object.keys(requirement))
          expect(document.components.securitySchemes, name).toHaveProperty(scheme);
      }
      const declared = (operation.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
      const inPath = [...name.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      expect(declared.sort(), name).toEqual(inPath.sort());
      expect(
        Object.keys(operation.responses).some((status) => status.startsWith("2")),
        name,
      ).toBe(true);
    }
    for (const ref of refs(document)) {
      const target = ref
        .replace(/^#\//, "")
        .split("/")
        .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], document);
      expect(target, ref).toBeDefined();
    }
  });

  it("answers every error with the Error schema, and 429 and 503 with Retry-After", async () => {
    for (const [name, operation] of operations(await openApiDocument())) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        expect(response.content?.["application/json"]?.schema, `${name} ${status}`).toEqual({
          $ref: "#/components/schemas/Error",
        });
        if (status === "429" || status === "503")
          expect(response.headers, `${name} ${status}`).toHaveProperty("Retry-After");
      }
    }
  });

  it("lists every error code the services answer with", () => {
    // a code added to ApiErrorCode and not here (or the reverse) fails the type check of this object
    const codes: Record<ApiErrorCode, true> = {
      unauthorized: true,
      forbidden: true,
      not_found: true,
      invalid_json: true,
      unsupported_media_type: true,
      payload_too_large: true,
      invalid_input: true,
      invalid_idempotency_key: true,
      idempotency_key_reused: true,
      rate_limited: true,
      busy: true,
      upstream_failed: true,
      internal: true,
    };
    expect([...API_ERROR_CODES].sort()).toEqual(Object.keys(codes).sort());
  });

  it("shows examples the API accepts", async () => {
    const { schemas } = (await openApiDocument()).components;
    const inputs = { Feedback: feedbackInput, Customer: customerInput, Order: orderInput };
    for (const [name, schema] of Object.entries(inputs)) {
      expect(schemas[name]!.examples).toEqual([INGEST_EXAMPLES[name as keyof typeof inputs]]);
      const parsed = schema.safeParse(schemas[name]!.examples![0]);
      expect(parsed.error?.issues ?? [], name).toEqual([]);
    }
  });

  it("describes each tool's signature so that a request signed by the recipe passes the real check", async () => {
    const webhook = (await openApiDocument()).paths["/api/v1/webhooks/{tool}"]!.post!;
    const tools = webhook["x-webhook-tools"]!;
    expect(tools.map((t) => t.tool)).toEqual([...WEBHOOK_TOOLS]);
    const body = '{"answer":"Très bien 👍"}';
    const secret = "signing-secret";
    const apiKey = "sm-api-key";
    const now = new Date();
    const headerNames = (webhook.parameters ?? []).filter((p) => p.in === "header").map((p) => p.name);
    for (const { tool, signature } of tools) {
      if (!signature) {
        expect(tool).toBe("delighted");
        continue;
      }
      expect(headerNames).toContain(signature.header);
      const timestamp =
        signature.timestamp?.format === "iso-8601" ? now.toISOString() : String(Math.floor(now.getTime() / 1000));
      const fill = (template: string, values: Record<string, string>) =>
        template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
      const hmac = await hmacBase64(
        signature.algorithm === "HMAC-SHA1" ? "SHA-1" : "SHA-256",
        fill(signature.key, { secret, apiKey }),
        fill(signature.signed, { body, timestamp }),
      );
      const value = fill(signature.value, { signature: hmac, timestamp });
      const checks = {
        typeform: () => verifyTypeformSignature(body, value, secret),
        zendesk: () => verifyZendeskSignature(body, value, timestamp, secret, now),
        surveymonkey: () => verifySurveyMonkeySignature(body, value, apiKey, secret),
        generic: () => verifyTouchpointSignature(body, value, secret, now),
      };
      expect(await checks[tool as keyof typeof checks](), tool).toEqual({ ok: true });
    }
  });
});
