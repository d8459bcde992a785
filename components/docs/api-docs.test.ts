import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedbackInput } from "@/server/domain/ingest/feedback-input";
import { API_ERROR_CODES, buildOpenApiDocument, INGEST_EXAMPLES } from "@/server/domain/ingest/openapi";
import {
  verifySurveyMonkeySignature,
  verifyTouchpointSignature,
  verifyTypeformSignature,
  verifyZendeskSignature,
} from "@/server/domain/ingest/signatures";
import { curlFor, exampleOf, shellQuote, signedWebhookScript } from "./curl-examples";
import { readOpenApi } from "./openapi-model";
import { fieldRows } from "./schema-fields";

const run = promisify(execFile);
const model = readOpenApi(buildOpenApiDocument());
const operation = (id: string) => model.operations.find((o) => o.id === id)!;

describe("reading the OpenAPI document for the docs page", () => {
  it("lists every operation with its auth, parameters, body and responses", () => {
    expect(model.operations.map((o) => `${o.method} ${o.path}`)).toEqual([
      "POST /api/v1/feedback",
      "POST /api/v1/customers",
      "POST /api/v1/orders",
      "POST /api/v1/webhooks/{tool}",
      "GET /api/v1/openapi.json",
    ]);
    const feedback = operation("ingestFeedback");
    expect(feedback.auth).toEqual([
      { scheme: "bearer", description: expect.any(String), bearerFormat: "tp_<prefix>_<secret>" },
    ]);
    expect(feedback.parameters).toMatchObject([{ name: "Idempotency-Key", in: "header", required: false }]);
    expect(feedback.body).toMatchObject({ schemaName: "Feedback", batchMax: 1000 });
    const limited = feedback.responses.find((r) => r.status === "429")!;
    expect(limited).toMatchObject({ schemaName: "Error", headers: [{ name: "Retry-After" }] });
    expect(operation("receiveWebhook").auth).toEqual([]);
    expect(operation("receiveWebhook").webhookTools.map((tool) => tool.tool)).toEqual([
      "typeform",
      "delighted",
      "surveymonkey",
      "zendesk",
      "generic",
    ]);
    expect(model.errorCodes).toEqual([...API_ERROR_CODES]);
  });

  it("turns a schema into rows with types, requirement and rules", () => {
    const rows = Object.fromEntries(fieldRows(model.schemas.Feedback!).map((row) => [row.name, row]));
    expect(rows.source).toMatchObject({ type: "string", required: true, rules: [{ kind: "enum" }] });
    expect(rows.externalId).toMatchObject({
      type: "string | number",
      required: true,
      rules: [{ kind: "maxLength", max: 200 }],
    });
    expect(rows.score).toMatchObject({
      type: "integer | null",
      required: false,
      rules: [{ kind: "range", min: 0, max: 10 }],
    });
    expect(rows.metricKind!.rules).toContainEqual({ kind: "default", value: '"none"' });
    expect(rows.receivedAt!.rules).toEqual([{ kind: "format", format: "date-time" }]);
    expect(rows.customerEmail).toMatchObject({
      type: "string | null",
      rules: [
        { kind: "maxLength", max: 320 },
        { kind: "format", format: "email" },
      ],
    });
    expect(fieldRows(model.schemas.Error!).map((row) => [row.name, row.type, row.required])).toEqual([
      ["error", "object", true],
      ["error.code", "string", true],
      ["error.message", "string", true],
      ["error.items", "array of object", false],
      ["error.items[].index", "integer", true],
      ["error.items[].path", "string", true],
      ["error.items[].message", "string", true],
    ]);
  });

  it("refuses what is not an OpenAPI document", () => {
    expect(() => readOpenApi({ paths: {} })).toThrow("Not an OpenAPI document");
  });

  it("quotes shell words so any text survives", () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});

/** A local HTTP server that records the requests the examples send. */
let server: Server;
let origin: string;
const received: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];
let folder: string;
const haveTools = await run("sh", ["-c", "command -v curl && command -v openssl && command -v base64"]).then(
  () => true,
  () => false,
);

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "touchpoint-docs-"));
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ url: request.url ?? "", headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(folder, { recursive: true, force: true });
});

async function runScript(script: string, env: Record<string, string>) {
  received.length = 0;
  await run("bash", ["-euo", "pipefail", "-c", script], { cwd: folder, env: { ...process.env, ...env } });
  expect(received).toHaveLength(1);
  return received[0]!;
}

describe.skipIf(!haveTools)(
  `the shell examples, run with curl and openssl${haveTools ? "" : " (skipped: curl, openssl or base64 missing)"}`,
  () => {
    it("send the ingest example with the key, an Idempotency-Key and a body the API accepts", async () => {
      const feedback = operation("ingestFeedback");
      const script = curlFor(feedback, origin, exampleOf(model.schemas.Feedback));
      const request = await runScript(script, { TOUCHPOINT_API_KEY: "tp_0123456789_secret" });
      expect(request.url).toBe("/api/v1/feedback");
      expect(request.headers.authorization).toBe("Bearer tp_0123456789_secret");
      expect(request.headers["idempotency-key"]).toBe("ingestFeedback-example-1");
      expect(JSON.parse(request.body)).toEqual(INGEST_EXAMPLES.Feedback);
      expect(feedbackInput.safeParse(JSON.parse(request.body)).success).toBe(true);
    });

    it("sign a payload file per tool so that the server's own check accepts it", async () => {
      const payload = '{"answer":"Très bien 👍","quote":"it\'s"}\n';
      writeFileSync(join(folder, "payload.json"), payload);
      const env = {
        WEBHOOK_URL: `${origin}/api/v1/webhooks/x?endpoint=token`,
        SECRET: "s3cret-value",
        API_KEY: "sm-key",
      };
      const checks: Record<string, (headers: IncomingHttpHeaders, body: string) => Promise<{ ok: boolean }>> = {
        typeform: (h, body) => verifyTypeformSignature(body, String(h["typeform-signature"]), env.SECRET),
        zendesk: (h, body) =>
          verifyZendeskSignature(
            body,
            String(h["x-zendesk-webhook-signature"]),
            String(h["x-zendesk-webhook-signature-timestamp"]),
            env.SECRET,
          ),
        surveymonkey: (h, body) =>
          verifySurveyMonkeySignature(body, String(h["sm-signature"]), env.API_KEY, env.SECRET),
        generic: (h, body) => verifyTouchpointSignature(body, String(h["x-touchpoint-signature"]), env.SECRET),
        delighted: async () => ({ ok: true }),
      };
      for (const tool of operation("receiveWebhook").webhookTools) {
        const request = await runScript(signedWebhookScript(tool.signature), env);
        expect(request.body, tool.tool).toBe(payload);
        expect(await checks[tool.tool]!(request.headers, request.body), tool.tool).toEqual({ ok: true });
        // and the check is real: another secret fails it
        if (tool.signature) {
          const forged = await runScript(signedWebhookScript(tool.signature), { ...env, SECRET: "other-secret" });
          expect((await checks[tool.tool]!(forged.headers, forged.body)).ok, tool.tool).toBe(false);
        }
      }
    });
  },
);
