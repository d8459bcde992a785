import { z } from "zod";
import { customerInput, MAX_CUSTOMER_BATCH } from "./customer-input";
import { feedbackInput, MAX_FEEDBACK_BATCH } from "./feedback-input";
import { orderInput, MAX_ORDER_BATCH } from "./order-input";
import { WEBHOOK_TOOLS } from "./integrations";

/**
 * The OpenAPI 3.1 document of the REST API (`GET /api/v1/openapi.json`), built from the same zod
 * schemas that validate requests, so the document cannot drift from what the API accepts. Pure.
 */

type JsonSchema = Record<string, unknown>;

/** Fields whose text is an instant. */
const TIMES = ["receivedAt", "createdAt", "churnedAt", "orderedAt"];

/** The request shape of `schema` as JSON Schema (what a client sends: before defaults). */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  delete json.$schema;
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  for (const name of TIMES) {
    const property = properties[name];
    if (property) property.description = "ISO 8601 with an offset, e.g. 2024-05-01T09:30:00+02:00 (microseconds kept).";
  }
  if (properties.amount)
    properties.amount.description = 'Exact decimal string with up to 2 decimals, e.g. "1234.56"; never a JSON number.';
  for (const name of ["externalId", "customerExternalId"]) {
    const property = properties[name];
    if (property) property.description = "Up to 200 characters; a number only while ≤ 2^53 − 1, else send a string.";
  }
  return json;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function oneOrBatch(item: string, max: number) {
  return { oneOf: [ref(item), { type: "array", items: ref(item), minItems: 1, maxItems: max }] };
}

function errorResponse(description: string, headers?: JsonSchema) {
  return { description, ...(headers ? { headers } : {}), content: { "application/json": { schema: ref("Error") } } };
}

const RETRY_AFTER = {
  "Retry-After": { description: "Seconds to wait before sending again.", schema: { type: "integer" } },
};

function ingestPath(item: string, max: number, summary: string) {
  return {
    post: {
      operationId: `ingest${item}`,
      summary,
      description: `One ${item.toLowerCase()} object or an array of 1–${max}. All or nothing: when any item is invalid, nothing is written and every problem is listed per item. Re-sending an item with the same external id updates it instead of adding it again.`,
      tags: ["Ingest"],
      security: [{ bearerAuth: [] }],
      parameters: [{ $ref: "#/components/parameters/IdempotencyKey" }],
      requestBody: { required: true, content: { "application/json": { schema: oneOrBatch(item, max) } } },
      responses: {
        "200": {
          description: "Written (or, with a used Idempotency-Key and the same body, the first answer replayed).",
          headers: {
            "Idempotent-Replayed": { description: '"true" on a replayed answer.', schema: { type: "string" } },
          },
          content: { "application/json": { schema: ref("WriteResult") } },
        },
        "400": errorResponse("Invalid JSON or invalid items (`error.items` lists each problem); nothing was written."),
        "401": errorResponse("No key, an unknown key or a revoked key."),
        "403": errorResponse("The key lacks the ingest scope."),
        "413": errorResponse("The body is too large."),
        "415": errorResponse("The body is not JSON."),
        "422": errorResponse("The Idempotency-Key was used for a different request."),
        "429": errorResponse("The key's rate limit is reached.", RETRY_AFTER),
      },
    },
  };
}

/** The whole document. */
export function buildOpenApiDocument(): JsonSchema {
  return {
    openapi: "3.1.0",
    info: {
      title: "Touchpoint ingest API",
      version: "1.0.0",
      description:
        "Send feedback, customers and orders into a Touchpoint workspace, and receive survey tools' webhooks. Authenticate with an API key of the workspace (Settings → API keys) as a bearer token.",
    },
    paths: {
      "/api/v1/feedback": ingestPath("Feedback", MAX_FEEDBACK_BATCH, "Send feedback items"),
      "/api/v1/customers": ingestPath("Customer", MAX_CUSTOMER_BATCH, "Send customers"),
      "/api/v1/orders": ingestPath("Order", MAX_ORDER_BATCH, "Send orders"),
      "/api/v1/webhooks/{tool}": {
        post: {
          operationId: "receiveWebhook",
          summary: "Receive a survey tool's webhook",
          description:
            'The URL (with its endpoint token) is shown once when the webhook is created in Settings. Typeform, Zendesk and SurveyMonkey deliveries must carry the tool\'s signature; generic ones X-Touchpoint-Signature (t=<unix seconds>,sha256=<base64 HMAC-SHA256(secret, "<t>.<body>")>). Stale or unsigned deliveries are refused.',
          tags: ["Webhooks"],
          security: [],
          parameters: [
            { name: "tool", in: "path", required: true, schema: { type: "string", enum: [...WEBHOOK_TOOLS] } },
            {
              name: "endpoint",
              in: "query",
              required: true,
              description: "The endpoint's token.",
              schema: { type: "string" },
            },
          ],
          requestBody: { required: true, content: { "application/json": { schema: { type: "object" } } } },
          responses: {
            "200": {
              description: "Stored as a feedback item, or acknowledged and ignored (an event without an answer).",
              content: { "application/json": { schema: ref("WebhookResult") } },
            },
            "400": errorResponse("The payload cannot be read as feedback."),
            "401": errorResponse("Unknown or revoked endpoint, or a missing, wrong or stale signature."),
            "429": errorResponse("Too many deliveries.", RETRY_AFTER),
          },
        },
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "openApiDocument",
          summary: "This document",
          security: [],
          responses: {
            "200": {
              description: "The OpenAPI document.",
              content: { "application/json": { schema: { type: "object" } } },
            },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "tp_<prefix>_<secret>",
          description: "An API key of the workspace.",
        },
      },
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description:
            "1–255 visible ASCII characters (e.g. a UUID). The first successful answer is kept for at least 24 hours and replayed for the same body; another body under the same key is refused with 422.",
          schema: { type: "string", minLength: 1, maxLength: 255 },
        },
      },
      schemas: {
        Feedback: inputJsonSchema(feedbackInput),
        Customer: inputJsonSchema(customerInput),
        Order: inputJsonSchema(orderInput),
        WriteResult: {
          type: "object",
          required: ["created", "updated", "unchanged", "items"],
          properties: {
            created: { type: "integer" },
            updated: { type: "integer" },
            unchanged: { type: "integer" },
            items: {
              type: "array",
              items: {
                type: "object",
                required: ["index", "id", "externalId", "status"],
                properties: {
                  index: { type: "integer", description: "Position in the request (0 for a single object)." },
                  id: { type: "integer" },
                  externalId: { type: "string" },
                  status: { type: "string", enum: ["created", "updated", "unchanged"] },
                },
              },
            },
          },
        },
        WebhookResult: {
          type: "object",
          required: ["status"],
          properties: {
            status: { type: "string", enum: ["created", "updated", "unchanged", "ignored"] },
            id: { type: "integer" },
            externalId: { type: "string" },
            reason: { type: "string" },
          },
        },
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                items: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["index", "path", "message"],
                    properties: { index: { type: "integer" }, path: { type: "string" }, message: { type: "string" } },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}
