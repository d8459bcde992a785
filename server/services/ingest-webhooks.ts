import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { webhookEndpoints } from "@/db/schema";
import { adaptDelighted } from "../domain/ingest/adapters/delighted";
import { adaptGeneric, genericWebhookMappingInput } from "../domain/ingest/adapters/generic";
import type { AdapterResult } from "../domain/ingest/adapters/json";
import { adaptSurveyMonkeyResponse, readSurveyMonkeyEvent } from "../domain/ingest/adapters/surveymonkey";
import { adaptTypeform, type TypeformOptions } from "../domain/ingest/adapters/typeform";
import { adaptZendesk } from "../domain/ingest/adapters/zendesk";
import { MAX_EXTERNAL_ID } from "../domain/ingest/fields";
import { deliveryRecordOf } from "../domain/ingest/webhook-deliveries";
import { WEBHOOK_TOOLS, type WebhookTool } from "../domain/ingest/integrations";
import {
  verifySurveyMonkeySignature,
  verifyTouchpointSignature,
  verifyTypeformSignature,
  verifyZendeskSignature,
  type SignatureCheck,
} from "../domain/ingest/signatures";
import { writeFeedback } from "./ingest-feedback";
import { recordWebhookDelivery } from "./ingest-webhook-deliveries";
import {
  apiError,
  lockWorkspaceIngest,
  queueWorkspaceWrite,
  unexpectedError,
  withRetries,
  type ApiAnswer,
} from "./ingest-http";
import { sha256 } from "./ingest-keys";
import { takeRateLimitToken } from "./ingest-rate-limit";
import { fetchSurveyMonkeyResponse, SurveyMonkeyFetchError } from "./ingest-surveymonkey";

/** Deliveries a minute one endpoint accepts (tools retry a 429 later). */
export const WEBHOOK_RATE_PER_MINUTE = 600;

export interface WebhookDelivery {
  tool: string;
  /** The `endpoint` query parameter of the URL. */
  token: string | null;
  headers: { get(name: string): string | null };
  body: string;
  now?: Date;
  /** The answer the route already gave without reading the body (too large): logged against the endpoint, then returned. */
  refused?: ApiAnswer;
}

type Endpoint = {
  id: number;
  workspaceId: number;
  tool: WebhookTool;
  secret: string | null;
  config: Record<string, unknown>;
  revokedAt: Date | null;
};

/**
 * One delivery of a survey tool: the URL's token finds a live endpoint of that tool (else 401,
 * whether the token is unknown, revoked or for another tool), the tool's signature is checked
 * against the endpoint's secret (unsigned, wrongly signed or stale: 401; Delighted signs nothing,
 * its URL token is the proof), the payload is adapted into one feedback item and written like the
 * API writes it. The item's external id is "<tool>:<the tool's response id>", so a redelivery or
 * an update of a response updates its item and tools never collide with each other's ids.
 * An event without an answer is acknowledged with 200 and `ignored`, so the tool stops retrying.
 *
 * Every delivery whose token belongs to an endpoint (live or disabled, of any tool) is logged in
 * webhook_deliveries with the status and message the sender got (deliveryRecordOf); an unknown
 * token belongs to no workspace and is not. The log is written apart from the delivery's own
 * transaction, so a failed write cannot undo or refuse the delivery.
 */
export async function receiveWebhook(
  db: Db,
  delivery: WebhookDelivery,
  options: ReceiveOptions = {},
): Promise<ApiAnswer> {
  const started = performance.now();
  const receivedAt = delivery.now ?? new Date();
  let endpoint: Endpoint | undefined;
  let answer: ApiAnswer;
  try {
    endpoint = delivery.token ? await findEndpoint(db, delivery.token) : undefined;
    answer = await receive(db, delivery, endpoint);
  } catch (error) {
    answer = unexpectedError(error, `webhook ${delivery.tool}`);
  }
  if (endpoint) {
    const logged = {
      workspaceId: endpoint.workspaceId,
      endpointId: endpoint.id,
      receivedAt,
      durationMs: Math.round(performance.now() - started),
      ...deliveryRecordOf(answer),
    };
    const write = () =>
      recordWebhookDelivery(db, logged).catch((error: unknown) => {
        console.error(`[api] logging a delivery of webhook endpoint ${logged.endpointId} failed:`, error);
      });
    await (options.defer ?? ((task) => task()))(write);
  }
  return answer;
}

export interface ReceiveOptions {
  /**
   * Schedules the delivery log's write; the route passes one that runs it after the answer is sent
   * (Next's `after`). A promise it returns is awaited; without `defer` the write is awaited before
   * receiveWebhook returns. Either way a failed write is logged on the console and never changes
   * the answer.
   */
  defer?: (write: () => Promise<void>) => Promise<void> | void;
}

/** The endpoint a URL token belongs to, live or disabled, of whichever tool: its deliveries are logged. */
async function findEndpoint(db: Db, token: string): Promise<Endpoint | undefined> {
  const [endpoint] = (await db
    .select({
      id: webhookEndpoints.id,
      workspaceId: webhookEndpoints.workspaceId,
      tool: webhookEndpoints.tool,
      secret: webhookEndpoints.secret,
      config: webhookEndpoints.config,
      revokedAt: webhookEndpoints.revokedAt,
    })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.tokenHash, sha256(token)))) as Endpoint[];
  return endpoint;
}

async function receive(db: Db, delivery: WebhookDelivery, found: Endpoint | undefined): Promise<ApiAnswer> {
  if (delivery.refused) return delivery.refused;
  const tool = WEBHOOK_TOOLS.find((known) => known === delivery.tool);
  if (!tool)
    return apiError(
      404,
      "not_found",
      `There is no webhook for "${delivery.tool}"; use one of ${WEBHOOK_TOOLS.join(", ")}.`,
    );
  // one answer whether the token is unknown, disabled or another tool's: the sender learns nothing more
  const endpoint = found && found.tool === tool && !found.revokedAt ? found : undefined;
  if (!endpoint)
    return apiError(
      401,
      "unauthorized",
      "This is not the URL of a live webhook; copy it again from Settings → Integrations.",
    );

  const limit = await takeRateLimitToken(db, `webhook:${endpoint.id}`, WEBHOOK_RATE_PER_MINUTE);
  if (!limit.ok) {
    const headers = { "Retry-After": String(limit.retryAfterSeconds) };
    return apiError(429, "rate_limited", "Too many deliveries to this webhook; retry later.", { headers });
  }
  const check = await verify(endpoint, delivery);
  if (!check.ok) return apiError(401, "unauthorized", check.reason);

  let payload: unknown;
  try {
    payload = JSON.parse(delivery.body);
  } catch {
    return apiError(400, "invalid_json", "The webhook body is not valid JSON.");
  }
  let adapted: AdapterResult;
  try {
    adapted = await adapt(endpoint, payload);
  } catch (error) {
    if (error instanceof SurveyMonkeyFetchError) return apiError(502, "upstream_failed", error.message);
    throw error;
  }
  if (adapted.status === "ignored") return { status: 200, body: { status: "ignored", reason: adapted.reason } };
  if (adapted.status === "invalid") {
    const items = adapted.errors.map((error) => ({ index: 0, ...error }));
    return apiError(400, "invalid_input", `The ${tool} payload cannot be read as feedback; nothing was written.`, {
      items,
    });
  }
  const externalId = `${tool}:${adapted.item.externalId}`;
  if (externalId.length > MAX_EXTERNAL_ID) {
    const items = [
      {
        index: 0,
        path: "externalId",
        message: `The response id is longer than ${MAX_EXTERNAL_ID - tool.length - 1} characters.`,
      },
    ];
    return apiError(400, "invalid_input", "The response id is too long to store.", { items });
  }
  const item = { ...adapted.item, externalId };
  return queueWorkspaceWrite(db, endpoint.workspaceId, () =>
    withRetries(() =>
      db.transaction(async (tx): Promise<ApiAnswer> => {
        await lockWorkspaceIngest(tx, endpoint.workspaceId);
        const written = await writeFeedback(tx, endpoint.workspaceId, [item]);
        if (!written.ok) {
          return apiError(400, "invalid_input", "The feedback item was refused; nothing was written.", {
            items: written.errors,
          });
        }
        await tx
          .update(webhookEndpoints)
          .set({ lastReceivedAt: sql`now()` })
          .where(eq(webhookEndpoints.id, endpoint.id));
        const [row] = written.items;
        return { status: 200, body: { status: row!.status, id: row!.id, externalId } };
      }),
    ),
  );
}

async function verify(endpoint: Endpoint, delivery: WebhookDelivery): Promise<SignatureCheck> {
  const { body, headers, now } = delivery;
  const secret = endpoint.secret ?? "";
  switch (endpoint.tool) {
    case "typeform":
      return verifyTypeformSignature(body, headers.get("typeform-signature"), secret);
    case "zendesk":
      return verifyZendeskSignature(
        body,
        headers.get("x-zendesk-webhook-signature"),
        headers.get("x-zendesk-webhook-signature-timestamp"),
        secret,
        now,
      );
    case "surveymonkey":
      return verifySurveyMonkeySignature(
        body,
        headers.get("sm-signature"),
        String(endpoint.config.apiKey ?? ""),
        secret,
      );
    case "generic":
      return verifyTouchpointSignature(body, headers.get("x-touchpoint-signature"), secret, now);
    case "delighted":
      // Delighted does not sign: the URL token that found the endpoint (256 random bits) is the proof
      return { ok: true };
  }
}

async function adapt(endpoint: Endpoint, payload: unknown): Promise<AdapterResult> {
  const config = endpoint.config;
  switch (endpoint.tool) {
    case "typeform":
      return adaptTypeform(payload, config as TypeformOptions);
    case "delighted":
      return adaptDelighted(payload);
    case "zendesk":
      return adaptZendesk(payload);
    case "generic":
      return adaptGeneric(payload, genericWebhookMappingInput.parse(config.mapping));
    case "surveymonkey": {
      const event = readSurveyMonkeyEvent(payload);
      if (event.status === "ignored") return event;
      if (event.status === "invalid") return { status: "invalid", errors: [{ path: "", message: event.message }] };
      const fetched = await fetchSurveyMonkeyResponse(
        String(config.accessToken ?? ""),
        event.surveyId,
        event.responseId,
      );
      const fivePointKind = config.fivePointKind === "csat" ? "csat" : "rating";
      return adaptSurveyMonkeyResponse(fetched.response, fetched.survey, { fivePointKind });
    }
  }
}
