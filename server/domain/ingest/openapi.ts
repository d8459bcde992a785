import { z } from "zod";
import { SCORE_RANGES } from "../scores";
import { customerInput, MAX_CUSTOMER_BATCH } from "./customer-input";
import { feedbackInput, MAX_FEEDBACK_BATCH } from "./feedback-input";
import { MAX_EXTERNAL_ID } from "./fields";
import { orderInput, MAX_ORDER_BATCH } from "./order-input";
import { createApiKeyInput, WEBHOOK_TOOLS } from "./integrations";
import { MAX_AGE_SECONDS, signatureParameters, webhookToolDocs } from "./openapi-webhooks";

/**
 * The OpenAPI 3.1 document of the REST API (`GET /api/v1/openapi.json`), built from the same zod
 * schemas that validate requests, so the document cannot drift from what the API accepts. Pure.
 */

type JsonSchema = Record<string, unknown>;

/** Fields whose text is an instant. */
const TIMES = ["receivedAt", "createdAt", "churnedAt", "orderedAt"];

/** "NPS 0–10, CSAT 1–5, CES 1–7, rating 1–5", from SCORE_RANGES. */
const SCORE_RANGES_TEXT = Object.entries(SCORE_RANGES)
  .map(([kind, range]) => `${kind === "rating" ? kind : kind.toUpperCase()} ${range.min}–${range.max}`)
  .join(", ");
const SCORE_MIN = Math.min(...Object.values(SCORE_RANGES).map((range) => range.min));
const SCORE_MAX = Math.max(...Object.values(SCORE_RANGES).map((range) => range.max));

/** The schema's string branch (a nullable field is `anyOf [string, null]` or `type: [string, null]`). */
function stringBranch(property: JsonSchema): JsonSchema {
  const branches = (property.anyOf ?? property.oneOf) as JsonSchema[] | undefined;
  return branches?.find((branch) => branch.type === "string" || branch.type === "integer") ?? property;
}

/**
 * The request shape of `schema` as JSON Schema (what a client sends: before defaults), with the
 * limits the zod transforms enforce but cannot express (external id length, e-mail format, exact
 * decimals, instants, the score's range per metric kind) written back in.
 */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  delete json.$schema;
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  for (const name of TIMES) {
    const property = properties[name];
    if (!property) continue;
    property.format = "date-time";
    property.description = "ISO 8601 with an offset, e.g. 2024-05-01T09:30:00+02:00 (microseconds kept).";
  }
  if (properties.amount) {
    Object.assign(properties.amount, {
      pattern: "^-?\\d{1,12}(\\.\\d{1,2})?$",
      description: 'Exact decimal string with up to 2 decimals, e.g. "1234.56"; never a JSON number.',
    });
  }
  for (const name of ["externalId", "customerExternalId"]) {
    const property = properties[name];
    if (!property) continue;
    property.maxLength = MAX_EXTERNAL_ID;
    property.description = `Up to ${MAX_EXTERNAL_ID} characters, no control characters; a number only while ≤ 2^53 − 1, else send a string.`;
  }
  for (const name of ["email", "customerEmail"]) {
    const property = properties[name];
    if (!property) continue;
    Object.assign(property, { format: "email", maxLength: 320, description: "Blank is the same as null." });
  }
  if (properties.score) {
    Object.assign(stringBranch(properties.score), { minimum: SCORE_MIN, maximum: SCORE_MAX });
    properties.score.description = `A whole number in the range of metricKind: ${SCORE_RANGES_TEXT}. Null (or left out) when metricKind is none.`;
  }
  if (properties.language) {
    Object.assign(properties.language, {
      pattern: "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
      description: 'A BCP 47 tag such as "en", "pt-BR" or "zh-Hant"; detected from the text when left out.',
    });
  }
  if (properties.segment) properties.segment.description = "The name of an existing segment of the workspace.";
  if (properties.currency) properties.currency.description = "ISO 4217 code, e.g. EUR.";
  return json;
}

/** The `error.code` of every error answer (the services' ApiErrorCode; a test keeps the two equal). */
export const API_ERROR_CODES = [
  "unauthorized",
  "forbidden",
  "not_found",
  "invalid_json",
  "unsupported_media_type",
  "payload_too_large",
  "invalid_input",
  "invalid_idempotency_key",
  "idempotency_key_reused",
  "rate_limited",
  "busy",
  "upstream_failed",
  "internal",
] as const;

/**
 * One valid item per entity, shown in the document and used by the docs page's curl examples; the
 * customer is the one the feedback and the order refer to, so sending them in order works.
 */
export const INGEST_EXAMPLES = {
  Customer: {
    externalId: "cus-881",
    name: "Ana Lima",
    email: "ana@example.com",
    region: "EU",
    preferredChannel: "web",
    createdAt: "2023-02-10T12:00:00Z",
  },
  Feedback: {
    source: "survey",
    externalId: "resp-1042",
    metricKind: "nps",
    score: 9,
    text: "Delivery was quick and the driver was friendly.",
    channel: "web",
    receivedAt: "2024-05-01T09:30:00+02:00",
    customerExternalId: "cus-881",
  },
  Order: {
    externalId: "ord-5531",
    customerExternalId: "cus-881",
    kind: "purchase",
    amount: "1234.56",
    currency: "EUR",
    orderedAt: "2024-04-28T15:04:05Z",
    channel: "web",
  },
} as const;

/** The rate limit a key gets unless its creator sets another. */
const DEFAULT_RATE_LIMIT: number = createApiKeyInput.shape.rateLimitPerMinute.parse(undefined);

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

/** Answers every endpoint may give when the server, not the request, is the problem. */
const SERVER_ERRORS = {
  "500": errorResponse("Something failed on our side (`internal`); nothing was written. Send it again later."),
  "503": errorResponse(
    "The request collided with concurrent writes (`busy`); nothing was written. Send it again.",
    RETRY_AFTER,
  ),
};

function ingestPath(item: string, max: number, summary: string) {
  return {
    post: {
      operationId: `ingest${item}`,
      summary,
      description: `One ${item.toLowerCase()} object or an array of 1–${max}. All or nothing: when any item is invalid, nothing is written and every problem is listed per item. Re-sending an item with the same external id updates it instead of adding it again. Each key may send its rate limit (${DEFAULT_RATE_LIMIT} requests a minute unless set otherwise), in bursts of up to as many.`,
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
        "400": errorResponse(
          "Invalid JSON (`invalid_json`), an Idempotency-Key that is not 1–255 visible ASCII characters (`invalid_idempotency_key`) or invalid items (`invalid_input`, with `error.items` listing each problem); nothing was written.",
        ),
        "401": errorResponse("No key, an unknown key or a revoked key (`unauthorized`).", {
          "WWW-Authenticate": { description: 'Bearer realm="touchpoint"', schema: { type: "string" } },
        }),
        "403": errorResponse("The key lacks the ingest scope (`forbidden`)."),
        "413": errorResponse("The body is too large (`payload_too_large`); send smaller batches."),
        "415": errorResponse("The body is not sent as application/json (`unsupported_media_type`)."),
        "422": errorResponse("The Idempotency-Key was used for a different request (`idempotency_key_reused`)."),
        "429": errorResponse("The key's rate limit is reached (`rate_limited`).", RETRY_AFTER),
        ...SERVER_ERRORS,
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
        "Send feedback, customers and orders into a Touchpoint workspace, and receive survey tools' webhooks. Authenticate with an API key of the workspace (Settings → Integrations) as a bearer token.",
    },
    tags: [
      { name: "Ingest", description: "Write feedback, customers and orders with an API key of the ingest scope." },
      { name: "Webhooks", description: "Deliveries of survey and support tools, signed per tool." },
      { name: "Meta", description: "About the API itself." },
    ],
    paths: {
      "/api/v1/feedback": ingestPath("Feedback", MAX_FEEDBACK_BATCH, "Send feedback items"),
      "/api/v1/customers": ingestPath("Customer", MAX_CUSTOMER_BATCH, "Send customers"),
      "/api/v1/orders": ingestPath("Order", MAX_ORDER_BATCH, "Send orders"),
      "/api/v1/webhooks/{tool}": {
        post: {
          operationId: "receiveWebhook",
          summary: "Receive a survey tool's webhook",
          description: `Create the endpoint in Settings → Integrations: its URL (with the endpoint token) is shown once, with the signing secret where Touchpoint makes it. Each tool signs its deliveries its own way (see x-webhook-tools and the signature headers); a delivery without the signature, with a wrong one or with a timestamp more than ${MAX_AGE_SECONDS} s from now is refused. The stored item's external id is "<tool>:<the tool's response id>", so a redelivery updates it instead of adding it again.`,
          tags: ["Webhooks"],
          security: [],
          parameters: [
            { name: "tool", in: "path", required: true, schema: { type: "string", enum: [...WEBHOOK_TOOLS] } },
            {
              name: "endpoint",
              in: "query",
              required: true,
              description: "The endpoint's token, part of the URL shown when the endpoint was created.",
              schema: { type: "string" },
            },
            ...signatureParameters(),
          ],
          requestBody: {
            required: true,
            description: "The tool's own payload, unchanged: the signature covers the raw bytes.",
            content: { "application/json": { schema: { type: "object" } } },
          },
          responses: {
            "200": {
              description: "Stored as a feedback item, or acknowledged and ignored (an event without an answer).",
              content: { "application/json": { schema: ref("WebhookResult") } },
            },
            "400": errorResponse(
              "The body is not JSON (`invalid_json`) or cannot be read as feedback (`invalid_input`, with `error.items`); nothing was written.",
            ),
            "401": errorResponse(
              "Unknown, disabled or deleted endpoint, or a missing, wrong or stale signature (`unauthorized`).",
            ),
            "404": errorResponse("No webhook exists for that tool (`not_found`)."),
            "413": errorResponse("The body is too large (`payload_too_large`)."),
            "429": errorResponse("Too many deliveries to this endpoint (`rate_limited`).", RETRY_AFTER),
            "502": errorResponse("SurveyMonkey's API did not return the response (`upstream_failed`); it will retry."),
            ...SERVER_ERRORS,
          },
          "x-webhook-tools": webhookToolDocs(),
        },
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "openApiDocument",
          summary: "This document",
          tags: ["Meta"],
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
        Feedback: { ...inputJsonSchema(feedbackInput), examples: [INGEST_EXAMPLES.Feedback] },
        Customer: { ...inputJsonSchema(customerInput), examples: [INGEST_EXAMPLES.Customer] },
        Order: { ...inputJsonSchema(orderInput), examples: [INGEST_EXAMPLES.Order] },
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
                code: { type: "string", enum: [...API_ERROR_CODES] },
                message: { type: "string", description: "What went wrong and what to do, for a person to read." },
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
